package suggest

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSortScoredRanked holds sortScored's ranked answer to rankOrdered,
// which mergeYielded no longer asks when Suggest's sort says it: over
// random candidates (ties of every number, repeated codes, NaN, numbers
// rounded or not), whenever sortScored reports ranked the sorted list,
// and random subsequences of it, are strictly in rank order.
func TestSortScoredRanked(t *testing.T) {
	e, ids := sortFixture()
	rng := rand.New(rand.NewPCG(42, 9))
	w := e.getWork(0)
	confs := []float64{0.5, 0.7, 0.9, 0, math.Copysign(0, -1)}
	zs := []float64{-1.5, 0, 1, 2.25}
	ranked, plain := 0, 0
	for trial := range 4000 {
		ks := make([]scored, rng.IntN(40))
		perm := rng.Perm(len(ids))
		for i := range ks {
			code := ids[rng.IntN(len(ids))]
			if trial%3 != 0 && i < len(perm) {
				code = ids[perm[i]]
			}
			ks[i] = scored{code: code, conf: confs[rng.IntN(len(confs))], z: zs[rng.IntN(len(zs))], score: float64(rng.IntN(4)) / 4}
			switch trial % 4 {
			case 0:
				ks[i].conf = rng.Float64()
			case 1:
				ks[i].conf, ks[i].z = round(rng.Float64(), 4), round(rng.NormFloat64()*4, 6)
			}
			if trial%50 == 49 && i == 0 {
				ks[i].z = math.NaN()
			}
		}
		if !e.sortScored(w, ks) {
			plain++
			continue
		}
		ranked++
		if !e.rankOrdered(ks) {
			t.Fatalf("trial %d: sortScored says ranked, rankOrdered says not: %+v", trial, ks)
		}
		var sub []scored
		for i := range ks {
			if rng.IntN(2) == 0 {
				sub = append(sub, ks[i])
			}
		}
		if !e.rankOrdered(sub) {
			t.Fatalf("trial %d: a subsequence of a ranked list is not in rank order", trial)
		}
	}
	if ranked < 1000 || plain < 500 {
		t.Fatalf("%d trials ranked, %d not: the test does not exercise both", ranked, plain)
	}
}
