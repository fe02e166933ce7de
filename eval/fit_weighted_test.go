package eval

import (
	"math"
	"testing"
)

// TestFitWeighted: a row of weight 2 fits as the row twice and a row of
// weight 0 as no row, for the boosted trees and the isotonic calibration;
// bad weights are errors (trees) or skipped (isotonic).
func TestFitWeighted(t *testing.T) {
	var X [][]float64
	var y []float64
	for i := range 60 {
		X = append(X, []float64{float64(i % 5), float64(i % 3)})
		y = append(y, float64(b2f(i%5 >= 3 || i%7 == 0)))
	}
	w := make([]float64, len(X))
	var dx [][]float64
	var dy []float64
	for i := range X {
		// 0, 1 or 2 by blocks of 15 rows, each holding every x.
		w[i] = float64(i / 15 % 3)
		for range i / 15 % 3 {
			dx, dy = append(dx, X[i]), append(dy, y[i])
		}
	}
	o := GBDTOptions{Trees: 20, Depth: 2, MinHessian: 1}
	for _, tt := range []struct {
		name string
		a, b func() (float64, []float64)
	}{
		{"gbdt", func() (float64, []float64) { return gbdtOn(t, X, y, w, o) }, func() (float64, []float64) { return gbdtOn(t, dx, dy, nil, o) }},
		{"isotonic", func() (float64, []float64) {
			xs, ys := FitIsotonicWeighted(col(X, 0), y, w)
			return xs[0], ys
		}, func() (float64, []float64) {
			xs, ys := FitIsotonic(col(dx, 0), dy)
			return xs[0], ys
		}},
	} {
		a0, a := tt.a()
		b0, b := tt.b()
		if math.Abs(a0-b0) > 1e-9 || len(a) != len(b) {
			t.Fatalf("%s: weighted %v %v, repeated %v %v", tt.name, a0, a, b0, b)
		}
		for i := range a {
			if math.Abs(a[i]-b[i]) > 1e-9 {
				t.Errorf("%s: [%d] weighted %v, repeated %v", tt.name, i, a[i], b[i])
			}
		}
	}
	for _, bad := range [][]float64{{1, -1}, {1, math.NaN()}, {0, 0}, {1}} {
		if _, _, err := FitGBDTWeighted([][]float64{{0}, {1}}, []float64{0, 1}, bad, o); err == nil {
			t.Errorf("weights %v: no error", bad)
		}
	}
	if xs, _ := FitIsotonicWeighted([]float64{0.1, 0.2}, []float64{0, 1}, []float64{math.NaN(), -1}); xs != nil {
		t.Errorf("isotonic over no usable weight: %v", xs)
	}
}

// gbdtOn fits trees and returns the bias and the model's predictions on a
// grid of the features.
func gbdtOn(t *testing.T, X [][]float64, y, w []float64, o GBDTOptions) (float64, []float64) {
	t.Helper()
	bias, trees, err := FitGBDTWeighted(X, y, w, o)
	if err != nil {
		t.Fatal(err)
	}
	var out []float64
	for a := range 5 {
		for b := range 3 {
			out = append(out, gbdtProb(bias, trees, []float64{float64(a), float64(b)}))
		}
	}
	return bias, out
}

func col(X [][]float64, j int) []float64 {
	out := make([]float64, len(X))
	for i := range X {
		out[i] = X[i][j]
	}
	return out
}

func b2f(b bool) int {
	if b {
		return 1
	}
	return 0
}
