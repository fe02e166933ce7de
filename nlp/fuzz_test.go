package nlp

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the texts of the table tests plus awkward inputs.
var fuzzSeeds = []string{
	"", " ", "\n\n", ":", "1.", "2) ", "a/p:", "w/", "h/o", "n/v/d", "b.i.d.", "e.g.", "7.5", "'s", "’",
	"é", "\xff\xfe", "A/P:\n1. HTN\n2) DM2", "PE: clear", "No PE. Possible PE vs pneumonia.",
	"Family history: mother with breast cancer.", "Café-au-lait spots, Crohn’s disease.",
	"CC: cough\nHPI: 65 y/o w/ h/o COPD, denies fever but reports SOB.",
	"ASSESSMENT AND PLAN\n- CKD3a\n* T2DM\n• HTN", "Dr. Smith; e.g. 7.5 mg b.i.d. then q.d.",
	"\u0301abc", "x/y/z/w/v", "AS\nAS AS", "right left bilateral type 2 diabetes initial encounter",
	"IBS-D", "non-STEMI-", "a-", "CIN-2x", "IBS-D-C",
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add(benchNote)
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkDocument(t, p, text)
		d := p.Analyze(text)
		if utf8.ValidString(text) {
			for _, tk := range d.Tokens {
				if !utf8.ValidString(text[tk.Start:tk.End]) {
					t.Fatalf("token %q splits a rune", text[tk.Start:tk.End])
				}
			}
		}
	})
}

func TestSeedsContract(t *testing.T) {
	p := testPipeline(t)
	for _, s := range fuzzSeeds {
		checkDocument(t, p, s)
	}
	checkDocument(t, p, benchNote)
}
