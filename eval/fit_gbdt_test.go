package eval

import (
	"math"
	"math/rand/v2"
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

// TestGrowAddsEval: the values grow adds to each row's F are what the
// finished tree's Eval gives the row, to the bit, on features with
// repeated values, neighbouring floats (whose midpoint split equals one of
// them) and more distinct values than bins.
func TestGrowAddsEval(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 20; trial++ {
		n, d := 200+rng.IntN(300), 1+rng.IntN(5)
		X := make([][]float64, n)
		for i := range X {
			X[i] = make([]float64, d)
			for f := range X[i] {
				switch rng.IntN(4) {
				case 0:
					X[i][f] = float64(rng.IntN(5))
				case 1:
					X[i][f] = math.Nextafter(float64(rng.IntN(3)), math.Inf(1))
				default:
					X[i][f] = rng.NormFloat64()
				}
			}
		}
		o := GBDTOptions{Depth: 1 + rng.IntN(4), MinHessian: 1 + 4*rng.Float64(), Bins: 4 + rng.IntN(40)}.withDefaults()
		thr, bins := binned(X, d, o.Bins)
		g, h, rows := make([]float64, n), make([]float64, n), make([]int, n)
		for i := range g {
			g[i], h[i], rows[i] = rng.NormFloat64(), 0.05+rng.Float64()/4, i
		}
		b := treeBuilder{o: o, thr: thr, bins: bins, g: g, h: h, F: make([]float64, n)}
		b.grow(rows, 0)
		if len(b.tree.Value) < 3 && trial < 3 {
			t.Errorf("trial %d: the tree did not split (%d nodes)", trial, len(b.tree.Value))
		}
		for i := range X {
			if got, want := b.F[i], b.tree.Eval(X[i]); got != want {
				t.Fatalf("trial %d row %d (%v): grow added %v, Eval gives %v", trial, i, X[i], got, want)
			}
		}
	}
}
