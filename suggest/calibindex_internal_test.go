package suggest

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCalibIndexAgrees holds calibIndex.of to Calibrate, to the bit:
// knots repeated, in pairs (as an isotonic fit's), dense in one slice,
// beyond [0, 1) and out of order; probabilities on the knots, between
// them, at the slices' edges, beyond the ends, NaN and ±Inf.
func TestCalibIndexAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	indexed := 0
	for trial := range 3000 {
		n := 1 + rng.IntN(200)
		xs := make([]float64, n)
		for i := range xs {
			switch trial % 4 {
			case 0:
				xs[i] = rng.Float64()
			case 1:
				xs[i] = math.Round(rng.Float64()*20) / 20 // repeats
			case 2:
				xs[i] = 0.3 + rng.Float64()/calibBuckets/4 // many in one slice
			default:
				xs[i] = rng.Float64()*3 - 1 // beyond [0, 1)
			}
		}
		if trial%4 == 0 { // in pairs
			for i := 1; i < n; i += 2 {
				xs[i] = xs[i-1] + rng.Float64()*1e-4
			}
		}
		if trial%50 != 7 {
			slices.Sort(xs)
		}
		ys := make([]float64, n-rng.IntN(2))
		for i := range ys {
			ys[i] = rng.Float64()
		}
		slices.Sort(ys)
		ci := newCalibIndex(xs, ys)
		if ci.start != nil {
			indexed++
		}
		ps := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, 1, -0.5, 1.5, math.Nextafter(1, 0)}
		for _, x := range xs {
			ps = append(ps, x, math.Nextafter(x, -1), math.Nextafter(x, 2))
		}
		for range 50 {
			b := float64(rng.IntN(calibBuckets)) / calibBuckets
			ps = append(ps, rng.Float64(), b, math.Nextafter(b, -1))
		}
		for _, p := range ps {
			got, want := ci.of(p), Calibrate(xs, ys, p)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("trial %d: of(%v) = %v, Calibrate = %v (knots %v)", trial, p, got, want, xs)
			}
		}
	}
	if indexed < 2500 {
		t.Fatalf("only %d of 3000 knot sets indexed: the walk went untested", indexed)
	}
}

// TestCalibIndexUnordered: knots out of order, or NaN among them, are
// not indexed (a walk and Calibrate's search may disagree there).
func TestCalibIndexUnordered(t *testing.T) {
	for _, xs := range [][]float64{{0.5, 0.2, 0.8}, {0.1, math.NaN(), 0.9}} {
		if ci := newCalibIndex(xs, []float64{0.1, 0.2, 0.3}); ci.start != nil {
			t.Errorf("knots %v indexed", xs)
		}
	}
	if ci := newCalibIndex([]float64{0.1, 0.2, 0.3}, []float64{0.1, 0.2, 0.3}); ci.start == nil {
		t.Error("ordered knots not indexed")
	}
}
