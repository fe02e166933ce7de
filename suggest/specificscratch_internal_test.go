package suggest

import (
	"cmp"
	"slices"
	"testing"
)

// TestSpecificBySentence holds bySentence to the stable sort by sentence
// it stands for, with sentences inside the note and outside it.
func TestSpecificBySentence(t *testing.T) {
	cs := make([]candidate, 6)
	for _, sents := range [][]int{{}, {2, 0, 1, 0, 2, 1}, {3, 3, 0, 1, 0, 0}, {1, -1, 0, 2}, {0, 9, 1}} {
		var full []fullReading
		for i, s := range sents {
			full = append(full, fullReading{c: &cs[i], sent: s})
		}
		want := slices.Clone(full)
		slices.SortStableFunc(want, func(a, b fullReading) int { return cmp.Compare(a.sent, b.sent) })
		var s specificScratch
		got := s.bySentence(slices.Clone(full), 4)
		if len(got) != len(want) {
			t.Fatalf("%v: %d readings, want %d", sents, len(got), len(want))
		}
		for i := range got {
			if got[i].c != want[i].c || got[i].sent != want[i].sent {
				t.Errorf("%v: reading %d is sentence %d, want %d", sents, i, got[i].sent, want[i].sent)
			}
		}
	}
}

// TestPutWorkForgetsSpecificReadings: the pooled work holds no candidate
// of specific's past the note.
func TestPutWorkForgetsSpecificReadings(t *testing.T) {
	e := &Engine{}
	w := e.getWork(0)
	w.spec.bySentence([]fullReading{{c: &candidate{}, sent: 0}}, 1)
	e.putWork(w)
	if len(w.spec.sorted) != 0 || slices.ContainsFunc(w.spec.sorted[:cap(w.spec.sorted)], func(f fullReading) bool { return f.c != nil }) {
		t.Errorf("pooled work keeps specific's readings: %v", w.spec.sorted[:cap(w.spec.sorted)])
	}
}
