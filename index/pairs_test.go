package index

import (
	"math/bits"
	"reflect"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestPairsFindWhatTheWalkFinds searches every sentence of CodiEsp dev
// through the pair lists and again walking every record of the query's
// terms: the hits, scores and positions are the same, at the coverages
// the engine searches with and at the lists' own bound. It searches each
// two neighbouring terms of the sentences alone too: few query terms
// against a term's many pairs, the lists' lookup path, through blocks
// longer than their line (pairLine), read from blk.
func TestPairsFindWhatTheWalkFinds(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	if ix.pairs == nil {
		t.Fatalf("snapshot postings not packed: no pair lists")
	}
	pairs := ix.pairs
	var twos []Query
	for _, q := range qs {
		for i := 0; i+1 < len(q.Terms); i += 2 {
			twos = append(twos, Query{Terms: q.Terms[i : i+2], Pos: q.Pos[i : i+2]})
		}
	}
	for _, cov := range []float64{loosePairs, 0.7, 0.9, strictPairs, 1} {
		opts := SearchOptions{MinCoverage: cov, MinScore: 0.2, Limit: 300}
		n, long := 0, 0
		ix.pairs = pairs
		for _, q := range twos {
			for _, tt := range q.Terms {
				// The lookup path (pairIndex.search) through a block
				// longer than its line.
				if p := ix.pairLists(cov); p != nil {
					l := p.lines[tt]
					if npair := 2 * (l.head & 0xffff); l.head>>16+npair/2 > lineWords && int(npair) > 4*2*bits.Len32(npair) {
						long++
					}
				}
			}
		}
		if cov < 1 && long == 0 {
			t.Errorf("coverage %v: no lookup through a long block: the test cannot fail on one", cov)
		}
		for i, q := range append(slices.Clip(qs), twos...) {
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
