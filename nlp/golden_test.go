package nlp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenDoc is the reviewable form of a Document.
type goldenDoc struct {
	Sections      []string `json:"sections"`
	Sentences     []string `json:"sentences"` // tokens as surface[=stem][{section}][!flags], stop words in ()
	Assertions    []string `json:"assertions"`
	Abbreviations []string `json:"abbreviations"`
	Attributes    []string `json:"attributes"`
}

func render(d *Document) goldenDoc {
	g := goldenDoc{Sections: []string{}, Assertions: []string{}, Abbreviations: []string{}, Attributes: []string{}}
	q := func(s Span) string { return fmt.Sprintf("%q", d.Text[s.Start:s.End]) }
	for _, s := range d.Sections {
		g.Sections = append(g.Sections, fmt.Sprintf("%s %s @%d-%d", s.Kind, q(s.Header), s.Span.Start, s.Span.End))
	}
	for si := range d.Sentences {
		var b strings.Builder
		for _, t := range d.Tokens {
			if t.Sent != si {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			w := d.Text[t.Start:t.End]
			if t.Stop {
				fmt.Fprintf(&b, "(%s)", w)
				continue
			}
			b.WriteString(w)
			if t.Stem != w {
				b.WriteString("=" + t.Stem)
			}
			if t.Assert != 0 {
				b.WriteString("!" + flagNames(t.Assert))
			}
		}
		sec := ""
		if len(d.Tokens) > 0 {
			for _, t := range d.Tokens {
				if t.Sent == si && t.Section >= 0 {
					sec = "[" + string(d.Sections[t.Section].Kind) + "] "
					break
				}
			}
		}
		g.Sentences = append(g.Sentences, sec+b.String())
	}
	for _, a := range d.Assertions {
		g.Assertions = append(g.Assertions, fmt.Sprintf("%s %s -> %s", flagNames(a.Kind), q(a.Trigger), q(a.Scope)))
	}
	for _, a := range d.Abbreviations {
		g.Abbreviations = append(g.Abbreviations, fmt.Sprintf("%s = %s", q(a.Span), a.Expansion))
	}
	for _, a := range d.Attributes {
		g.Attributes = append(g.Attributes, fmt.Sprintf("%s=%s %s sent %d", a.Kind, a.Value, q(a.Span), a.Sent))
	}
	return g
}

// TestGolden analyses every testdata/notes/*.txt and compares with its
// .golden.json; UPDATE_GOLDEN=1 rewrites them. Across the notes every
// assertion kind and at least 20 section kinds must occur.
func TestGolden(t *testing.T) {
	p := testPipeline(t)
	files, err := filepath.Glob(filepath.Join("testdata", "notes", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("%d notes, want >= 15", len(files))
	}
	kinds := map[SectionKind]bool{}
	var flags Assertion
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := p.Analyze(string(text))
		checkDocument(t, p, string(text))
		for _, s := range d.Sections {
			kinds[s.Kind] = true
		}
		for _, a := range d.Assertions {
			flags |= a.Kind
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(render(d)); err != nil {
			t.Fatal(err)
		}
		got := buf.Bytes()
		golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
		if os.Getenv("UPDATE_GOLDEN") != "" {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with UPDATE_GOLDEN=1)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; rerun with UPDATE_GOLDEN=1 and review the diff", f, golden)
		}
	}
	if len(kinds) < 20 {
		t.Errorf("notes cover %d section kinds, want >= 20", len(kinds))
	}
	if all := Negated | Historical | Family | Hypothetical | Uncertain | Ended | Unrelated | Result; flags != all {
		t.Errorf("notes cover assertion flags %s, want all", flagNames(flags))
	}
}
