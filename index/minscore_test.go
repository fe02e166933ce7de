package index

import (
	"reflect"
	"testing"

	"medcode/internal/testenv"
)

// TestMinScoreKeeps holds score's own cut at MinScore (it keeps a hit
// only when it reaches it) to the plain cut after the search: over the
// dev sentences at the engine's coverage bounds, a search with a score
// floor finds exactly the hits of the search without one that reach the
// floor, in the same order, every field equal.
func TestMinScoreKeeps(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	cut, kept := 0, 0
	for _, q := range qs {
		for _, minCov := range []float64{0.65, 0.99} {
			all := ix.Search(q, SearchOptions{MinCoverage: minCov})
			for _, floor := range []float64{0.2, 0.5} {
				var want []Hit
				for _, h := range all {
					if h.Score >= floor {
						want = append(want, h)
					}
				}
				got := ix.Search(q, SearchOptions{MinCoverage: minCov, MinScore: floor})
				if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
					t.Fatalf("query %v, coverage %v, floor %v: %d hits %v, want %d %v", q.Pos, minCov, floor, len(got), got, len(want), want)
				}
				cut += len(all) - len(want)
				kept += len(want)
			}
		}
	}
	if cut == 0 || kept == 0 {
		t.Fatalf("%d hits cut, %d kept: a case untested", cut, kept)
	}
}
