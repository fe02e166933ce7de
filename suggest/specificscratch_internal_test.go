package suggest

import (
	"cmp"
	"math/rand/v2"
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

// TestFirstOfAgreesWithSearch: firstOf finds, for every sentence inside
// the note and outside it, where the binary search of the ordered
// readings by sentence finds the first of that sentence or a later one,
// after the counting sort and after the stable sort (a reading outside
// the note), and with no scratch.
func TestFirstOfAgreesWithSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 7))
	cs := make([]candidate, 24)
	counted := 0
	for range 3000 {
		n := 1 + rng.IntN(8)
		var full []fullReading
		for i := range rng.IntN(len(cs)) {
			s := rng.IntN(n)
			if rng.IntN(40) == 0 {
				s = rng.IntN(n+4) - 2 // perhaps outside the note
			}
			full = append(full, fullReading{c: &cs[i], sent: s})
		}
		var sc specificScratch
		byS := sc.bySentence(full, n)
		if sc.counted {
			counted++
		}
		for sent := -3; sent <= n+3; sent++ {
			want, _ := slices.BinarySearchFunc(byS, sent, func(f fullReading, s int) int { return cmp.Compare(f.sent, s) })
			if got := sc.firstOf(byS, sent); got != want {
				t.Fatalf("%d sentences, readings %v (counted %v): firstOf(%d) = %d, the search %d", n, byS, sc.counted, sent, got, want)
			}
			if got := (*specificScratch)(nil).firstOf(byS, sent); got != want {
				t.Fatalf("no scratch: firstOf(%d) = %d, the search %d", sent, got, want)
			}
		}
	}
	if counted < 1000 || counted > 2900 {
		t.Fatalf("%d of 3000 counted: both orders should be exercised", counted)
	}
}
