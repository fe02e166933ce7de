package index

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestPackedBoundFindsPlain holds the packed records' bound (readPacked,
// its weights the term words' bounds, packWeight) to the exact coverage:
// over the dev sentences, at a coverage that walks every record of the
// query's terms and at the pair lists' two, a search finds exactly the
// names whose plain coverage (plainHit) reaches the bound among the
// records it can read (those under a query term), so no record the
// exact weights would score is left by the looser ones.
func TestPackedBoundFindsPlain(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	if ix.postTerm != packTerm {
		t.Fatalf("snapshot postings not packed")
	}
	found := 0
	for _, minCov := range []float64{0.5, loosePairs, strictPairs} {
		for i, q := range qs {
			var want []int32
			seen := map[uint32]bool{}
			for _, tt := range q.Terms {
				if int(tt) >= ix.Terms() || seen[tt] {
					continue
				}
				seen[tt] = true
				for o := ix.postOff[tt]; o < ix.postOff[tt+1]; o += ix.recordLen(ix.post[o+1] & 0xffff) {
					n := int32(ix.post[o] & ix.idMask)
					if h := plainHit(ix, q, n); h.Matched > 0 && h.Coverage >= minCov {
						want = append(want, n)
					}
				}
			}
			var got []int32
			for _, h := range ix.Search(q, SearchOptions{MinCoverage: minCov}) {
				got = append(got, h.Name)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("coverage %v, sentence %d: found names %v, plain coverage reaches the bound in %v", minCov, i, got, want)
			}
			found += len(got)
		}
	}
	if found < 1000 {
		t.Fatalf("%d hits: the test cannot fail", found)
	}
}
