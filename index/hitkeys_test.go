package index

import (
	"testing"

	"medcode/internal/testenv"
)

// TestHitKeys holds the sort keys score keeps with each hit to the keys
// of the hits found (their score and name, in turn): over the dev
// sentences at the engine's coverage bounds, find's keys name every hit
// it kept once, each with that hit's score and name, in sortKeys' order.
func TestHitKeys(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	sc := ix.newScratch()
	checked := 0
	for _, q := range qs {
		for _, minCov := range []float64{0.65, 0.99} {
			opts := SearchOptions{MinCoverage: minCov}
			mc, pairs, ok := ix.plan(q, opts)
			if !ok {
				continue
			}
			found, keys, _ := ix.find(sc, nil, q, opts, mc, pairs)
			if len(keys) != len(found) {
				t.Fatalf("query %v: %d keys for %d hits", q.Pos, len(keys), len(found))
			}
			seen := make([]bool, len(found))
			for j, k := range keys {
				h := &found[k.i]
				if seen[k.i] || k.score != h.Score || k.name != h.Name {
					t.Fatalf("query %v: key %d %+v against hit %d (score %v, name %d)", q.Pos, j, k, k.i, h.Score, h.Name)
				}
				seen[k.i] = true
				if j > 0 && !keyBefore(&keys[j-1], &k) {
					t.Fatalf("query %v: keys %d and %d out of order", q.Pos, j-1, j)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no key checked")
	}
}
