package eval

import (
	"math"
	"testing"
)

// TestFitGBDT: a band (y = 1 inside 0.3 < x0 < 0.7), which no linear model
// can fit, is learned by trees, deterministically.
func TestFitGBDT(t *testing.T) {
	var X [][]float64
	var y []float64
	for i := 0; i < 400; i++ {
		x0 := float64(i) / 400
		X = append(X, []float64{x0, float64(i % 7)})
		if x0 > 0.3 && x0 < 0.7 {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	bias, trees, err := FitGBDT(X, y, GBDTOptions{Trees: 50, Depth: 2, MinHessian: 1})
	if err != nil {
		t.Fatal(err)
	}
	p := func(x []float64) float64 {
		z := bias
		for i := range trees {
			z += trees[i].Eval(x)
		}
		return 1 / (1 + math.Exp(-z))
	}
	for _, tt := range []struct {
		x    []float64
		want bool
	}{{[]float64{0.1, 3}, false}, {[]float64{0.5, 3}, true}, {[]float64{0.65, 1}, true}, {[]float64{0.9, 3}, false}} {
		if got := p(tt.x) > 0.5; got != tt.want {
			t.Errorf("p(%v) = %.3f", tt.x, p(tt.x))
		}
	}
	w, b, err := FitLogistic(X, y, LogisticOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if lp := Predict(w, b, []float64{0.5, 3}); lp > 0.5 {
		t.Errorf("logistic should not fit the band, got %.3f inside it", lp)
	}
	bias2, trees2, _ := FitGBDT(X, y, GBDTOptions{Trees: 50, Depth: 2, MinHessian: 1})
	if bias2 != bias || len(trees2) != len(trees) || trees2[7].Threshold[0] != trees[7].Threshold[0] {
		t.Error("two fits differ")
	}
	for _, bad := range [][][]float64{nil, {{1, 2}, {1}}} {
		if _, _, err := FitGBDT(bad, make([]float64, len(bad)), GBDTOptions{}); err == nil {
			t.Errorf("FitGBDT(%v): no error", bad)
		}
	}
}
