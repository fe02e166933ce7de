package suggest

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortRankedAgrees holds sortScored (the sort of packed keys where
// the numbers are rounded and the order is strict) to sortScoredPlain
// (pdqsort of indices with compareKeys) over random candidates: ties of
// every number, zeros of both signs, negatives, repeated codes and NaN
// (the plain sort then).
func TestSortRankedAgrees(t *testing.T) {
	e, ids := sortFixture()
	rng := rand.New(rand.NewPCG(3, 4))
	w, wp := e.getWork(0), e.getWork(0)
	negZero := math.Copysign(0, -1)
	confs := []float64{0.5, 0.7, 0.9, 0, negZero, 0.7001}
	zs := []float64{-1.5, 0, negZero, 1, 2.25, math.Inf(-1)}
	plain, packed := 0, 0
	for trial := range 4000 {
		n := rng.IntN(70)
		ks := make([]scored, n)
		perm := rng.Perm(len(ids))
		for i := range ks {
			code := ids[rng.IntN(len(ids))]
			if trial%3 != 0 && i < len(perm) {
				code = ids[perm[i]] // distinct codes for the first few
			}
			ks[i] = scored{code: code, conf: confs[rng.IntN(len(confs))], z: zs[rng.IntN(len(zs))],
				score: float64(rng.IntN(4)) / 4, adj: float64(i)}
			switch trial % 4 {
			case 0: // mostly distinct numbers: the order decided early
				ks[i].conf = rng.Float64()
			case 1: // rounded as confidences rounds them: packed keys
				ks[i].conf = round(rng.Float64(), 4)
				ks[i].z = round(rng.NormFloat64()*4, 6)
				if rng.IntN(3) == 0 {
					ks[i].conf, ks[i].z = confs[rng.IntN(len(confs))], zs[rng.IntN(len(zs)-1)]
				}
			}
			if trial%50 == 49 && i == 0 {
				ks[i].z = math.NaN()
			}
		}
		want := slices.Clone(ks)
		e.sortScoredPlain(wp, want)
		if _, ok := e.packedOrder(w, ks, nil); ok {
			packed++
		} else {
			plain++
		}
		e.sortScored(w, ks)
		for i := range want {
			if ks[i].adj != want[i].adj {
				t.Fatalf("trial %d: place %d holds candidate %v, the plain sort put %v there", trial, i, ks[i].adj, want[i].adj)
			}
		}
	}
	if plain < 1000 || packed < 1000 {
		t.Fatalf("%d trials took the plain sort, %d the packed keys': the test does not exercise both", plain, packed)
	}
}
