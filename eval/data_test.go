package eval

import (
	"fmt"

	"path/filepath"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
	"medcode/suggest"
)

// TestOpenCasesCodiEsp reads the real dev split and checks the counts its
// README states (250 cases, 2,677 ICD-10-CM occurrences).
func TestOpenCasesCodiEsp(t *testing.T) {
	path := filepath.Join(testenv.DataDir(t), "evaldata", "codiesp", "dev.jsonl.gz")
	cases, err := OpenCases(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 250 {
		t.Errorf("%d cases, want 250", len(cases))
	}
	icd, pcs := 0, 0
	for _, c := range cases {
		for _, g := range c.Gold {
			if g.System == corpus.ICD10CM {
				icd++
			}
		}
		pcs += len(c.Other)
	}
	if icd != 2677 {
		t.Errorf("%d ICD-10-CM gold codes, want 2677", icd)
	}
	if pcs == 0 {
		t.Error("no ICD-10-PCS codes set aside")
	}
}

// BenchmarkRun scores 250 synthetic cases of 12 gold codes and 50
// suggestions each with an instant suggester: the harness's own overhead.
func BenchmarkRun(b *testing.B) {
	f := &fakeSuggester{answers: map[string][]suggest.Suggestion{}}
	var cases []Case
	for i := 0; i < 250; i++ {
		text := fmt.Sprintf("note %d", i)
		c := Case{ID: fmt.Sprint(i), Text: text}
		for j := 0; j < 12; j++ {
			c.Gold = append(c.Gold, Gold{System: corpus.ICD10CM, Code: fmt.Sprintf("A%02d.%d", (i+j)%100, j%10)})
		}
		for j := 0; j < 50; j++ {
			f.answers[text] = append(f.answers[text], sg(text, fmt.Sprintf("A%02d.%d", (i+2*j)%100, j%10), 1-float64(j)/50, ""))
		}
		cases = append(cases, c)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(b.Context(), f, cases, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
