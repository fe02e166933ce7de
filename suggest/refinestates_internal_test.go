package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestStatesUnsaid: a refinement whose title fills a slot the matched name
// fills with a word its sentence never says (and the vague title does not
// hold) states a detail the note does not; said in the sentence, or
// implied, it does not.
func TestStatesUnsaid(t *testing.T) {
	set, ix := slotFixture(t)
	e := &Engine{set: set, ix: ix, pipe: ix.Analyzer(), slots: buildSlots(set, ix)}
	id := func(code string) corpus.ID {
		k, ok := set.ID(corpus.ICD10CM, code)
		if !ok {
			t.Fatalf("no %s", code)
		}
		return k
	}
	name := e.ix.Stems("Chronic kidney disease, stage 4 (severe)")
	none := func(string) bool { return false }
	four := func(s string) bool { return s == "4" || s == e.ix.Stems("severe")[0] }
	tests := []struct {
		note    string
		implied func(string) bool
		want    bool
	}{
		{"Chronic kidney disease, stage 4.", none, false},
		{"Chronic kidney disease.", none, true},
		{"Chronic kidney disease.", four, false},
		{"Stage 4 severe pain. Chronic kidney disease.", none, true}, // another sentence's stage
	}
	for _, tc := range tests {
		doc := e.pipe.Analyze(tc.note)
		var sr sentenceRanges
		sr.index(doc)
		sent := doc.Terms[len(doc.Terms)-1].Sent
		if got := e.statesUnsaid(doc, &sr, sent, id("N18.4"), id("N18.9"), name, tc.implied); got != tc.want {
			t.Errorf("%q: statesUnsaid = %v, want %v", tc.note, got, tc.want)
		}
	}
}
