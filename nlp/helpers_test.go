package nlp

import (
	"strings"
	"sync"
	"testing"
)

var (
	testPipelineOnce sync.Once
	testPipelineVal  *Pipeline
	testPipelineErr  error
)

// testPipeline returns a shared default pipeline.
func testPipeline(t testing.TB) *Pipeline {
	t.Helper()
	testPipelineOnce.Do(func() { testPipelineVal, testPipelineErr = New(Options{}) })
	if testPipelineErr != nil {
		t.Fatal(testPipelineErr)
	}
	return testPipelineVal
}

// tokenAt returns the index of the first token whose surface is word, or -1.
func tokenAt(d *Document, word string) int {
	for i, t := range d.Tokens {
		if d.Text[t.Start:t.End] == word {
			return i
		}
	}
	return -1
}

// surfaces lists the token surfaces.
func surfaces(d *Document) []string {
	out := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = d.Text[t.Start:t.End]
	}
	return out
}

// flagNames renders assertion flags for messages and golden files.
func flagNames(a Assertion) string {
	var parts []string
	for _, f := range []struct {
		a Assertion
		n string
	}{{Negated, "neg"}, {Historical, "hist"}, {Family, "fam"}, {Hypothetical, "hyp"}, {Uncertain, "unc"}, {Ended, "ended"}, {Unrelated, "unrel"}, {Result, "res"}} {
		if a&f.a != 0 {
			parts = append(parts, f.n)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "+")
}
