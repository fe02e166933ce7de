package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// saidStemsPlain is saidStems' plain form: a scan of every term.
func saidStemsPlain(terms []nlp.Term, said nlp.Span) []string {
	var want []string
	for _, t := range terms {
		if t.Start >= said.Start && t.End <= said.End && !t.Expanded {
			want = append(want, t.Stem)
		}
	}
	return want
}

// TestSaidStems holds saidStems to the scan of every term on the dev
// notes (whose term Starts never decrease), over each term's span, spans
// of two terms and random spans, some empty or outside the note.
func TestSaidStems(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	_, ix := slotFixture(t)
	pipe := ix.Analyzer()
	rng := rand.New(rand.NewPCG(22, 5))
	found := 0
	for i, note := range testenv.DevNotes(t) {
		if i >= 80 {
			break
		}
		doc := pipe.Analyze(note)
		terms := doc.Terms
		for j := 1; j < len(terms); j++ {
			if terms[j].Start < terms[j-1].Start {
				t.Fatalf("note %d: term %d starts at %d before term %d's %d", i, j, terms[j].Start, j-1, terms[j-1].Start)
			}
		}
		var spans []nlp.Span
		for j, tm := range terms {
			spans = append(spans, nlp.Span{Start: tm.Start, End: tm.End})
			if k := j + rng.IntN(6); k < len(terms) {
				spans = append(spans, nlp.Span{Start: tm.Start, End: terms[k].End})
			}
		}
		for range 40 {
			a, b := rng.IntN(len(note)+20)-10, rng.IntN(len(note)+20)-10
			spans = append(spans, nlp.Span{Start: min(a, b), End: max(a, b)}, nlp.Span{Start: a, End: a})
		}
		for _, sp := range spans {
			got, want := saidStems(terms, sp, nil), saidStemsPlain(terms, sp)
			if !slices.Equal(got, want) {
				t.Fatalf("note %d span %v: saidStems %q, scan %q", i, sp, got, want)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Fatal("no stem found: the test compares nothing")
	}
}
