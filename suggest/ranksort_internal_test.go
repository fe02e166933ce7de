package suggest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/corpus"
)

// TestDescKeyOrders holds descKey's integer order to cmpDesc over pairs
// of numbers with signs, zeros of both signs, infinities and neighbours.
func TestDescKeyOrders(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1e-300, -1e-300, math.Inf(1), math.Inf(-1),
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64,
		math.Nextafter(0.5, 1), math.Nextafter(-0.5, -1), 0.9999, 0.0001, 3.25, -3.25}
	for _, x := range xs {
		for _, y := range xs {
			a, b := descKey(x), descKey(y)
			got := 0
			if a < b {
				got = -1
			} else if a > b {
				got = 1
			}
			if want := cmpDesc(x, y); got != want {
				t.Fatalf("descKey order of %v, %v is %d, cmpDesc %d", x, y, got, want)
			}
		}
	}
}

// TestSortRankedAgrees holds sortScored (the sort of packed keys or the
// merge sort of integer keys where the order is strict) to sortScoredPlain (pdqsort of indices with
// compareKeys) over random candidates: ties of every number, zeros of
// both signs, negatives, repeated codes and NaN (the plain sort then).
func TestSortRankedAgrees(t *testing.T) {
	var codes []*corpus.Code
	for i := range 40 { // codes of two systems, ordered by neither ID nor string alone
		sys := corpus.ICD10CM
		if i%5 == 0 {
			sys = corpus.CPT
		}
		codes = append(codes, &corpus.Code{System: sys, Code: fmt.Sprintf("C%02d", (i*17)%40)})
	}
	e := &Engine{set: corpus.NewSet(codes, nil)}
	var ids []corpus.ID
	for _, sys := range e.set.Systems() {
		ids = append(ids, e.set.IDs(sys)...)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	w, wp := e.getWork(0), e.getWork(0)
	negZero := math.Copysign(0, -1)
	confs := []float64{0.5, 0.7, 0.9, 0, negZero, 0.7001}
	zs := []float64{-1.5, 0, negZero, 1, 2.25, math.Inf(-1)}
	fast, packed := 0, 0
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
		} else if _, ok := e.sortRanked(w, ks); ok {
			fast++
		}
		e.sortScored(w, ks)
		for i := range want {
			if ks[i].adj != want[i].adj {
				t.Fatalf("trial %d: place %d holds candidate %v, the plain sort put %v there", trial, i, ks[i].adj, want[i].adj)
			}
		}
	}
	if fast < 1000 || packed < 1000 {
		t.Fatalf("%d trials took the integer keys' merge sort, %d the packed keys': the test does not exercise them", fast, packed)
	}
}
