package index

import (
	"reflect"
	"testing"

	"medcode/internal/testenv"
)

// TestPairsFindWhatTheWalkFinds searches every sentence of CodiEsp dev
// through the pair lists and again walking every record of the query's
// terms: the hits, scores and positions are the same, at the coverages
// the engine searches with and at the lists' own bound.
func TestPairsFindWhatTheWalkFinds(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	if ix.pairs == nil {
		t.Fatalf("snapshot postings not packed: no pair lists")
	}
	pairs := ix.pairs
	for _, cov := range []float64{loosePairs, 0.7, 0.9, strictPairs, 1} {
		opts := SearchOptions{MinCoverage: cov, MinScore: 0.2, Limit: 300}
		n := 0
		for i, q := range qs {
			ix.pairs = pairs
			got := ix.Search(q, opts)
			ix.pairs = nil
			want := ix.Search(q, opts)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("coverage %v, sentence %d: pairs %+v, walk %+v", cov, i, got, want)
			}
			n += len(got)
		}
		if n == 0 {
			t.Errorf("coverage %v: no hits: the test cannot fail", cov)
		}
	}
	ix.pairs = pairs
}
