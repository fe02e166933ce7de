package suggest

import "testing"

// TestSlotNearby: a title word stands with its slot's context within
// three terms of one sentence, compared by index term id; a number or a
// one- or two-letter word must sit in the slot itself; the same whether
// the sentence is read by its range or by the terms' sentence numbers.
func TestSlotNearby(t *testing.T) {
	set, ix := slotFixture(t)
	st := buildSlots(set, ix)
	pipe := ix.Analyzer()
	id := func(stem string) uint32 {
		x, ok := ix.TermID(stem)
		if !ok {
			t.Fatalf("no term %q", stem)
		}
		return x
	}
	tests := []struct {
		note, ctx, word string
		want            bool
	}{
		{"acute on chronic kidney failure", "failur", "acut", true},
		{"acute on chronic kidney failure", "failur", "chronic", true},
		{"kidney failure. It is acute.", "failur", "acut", false},        // another sentence
		{"acute pain fever cough rash failure", "failur", "acut", false}, // beyond four terms
		{"stage 2 then chronic kidney disease", "diseas", "2", false},    // a number sits in its slot
		{"chronic kidney disease", "diseas", "kidney", true},
	}
	for _, tc := range tests {
		doc := pipe.Analyze(tc.note)
		var sr sentenceRanges
		sr.index(doc)
		ctx := -1
		for j, x := range doc.Terms {
			if x.Stem == tc.ctx {
				ctx = j
			}
		}
		if ctx < 0 {
			t.Fatalf("%q: no term %q (terms %v)", tc.note, tc.ctx, doc.Terms)
		}
		if _, ok := sr.noteTermID(doc, ix, ctx); !ok {
			t.Fatalf("%q: context %q has no id", tc.note, tc.ctx)
		}
		// The context's sentence range, read as the sentence (runs) and
		// through the terms' sentence numbers.
		lo, hi := sr.term[doc.Terms[ctx].Sent][0], sr.term[doc.Terms[ctx].Sent][1]
		for _, runs := range []bool{sr.termRun, false} {
			sr.termRun = runs
			if got := st.nearby(doc, ix, &sr, ctx, id(tc.word), int(lo), int(hi)); got != tc.want {
				t.Errorf("%q: nearby(%s, %s) by range %v = %v, want %v", tc.note, tc.ctx, tc.word, runs, got, tc.want)
			}
		}
	}
}
