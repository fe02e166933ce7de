package index

import (
	"math"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestRunNorm holds runNorm, over the run scratch.run finds, to
// windowNorm, bit for bit, for every window between two positions of the
// dev sentences (sorted queries), tabulated and not.
func TestRunNorm(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	checked := 0
	for _, q := range qs {
		if !slices.IsSorted(q.Pos) || len(q.Pos) > 40 {
			continue
		}
		for _, tab := range []bool{false, true} {
			sc := &scratch{sortedPos: true}
			if tab {
				sc.tabulate(q.Pos)
			}
			for _, first := range q.Pos {
				for _, last := range q.Pos {
					if last < first {
						continue
					}
					lo, hi := sc.run(q.Pos, first, last)
					got, want := ix.runNorm(q.Terms[lo:hi]), ix.windowNorm(q, first, last)
					if math.Float64bits(got) != math.Float64bits(want) {
						t.Fatalf("query %v window [%d, %d]: runNorm %v, windowNorm %v", q.Pos, first, last, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no window checked")
	}
}
