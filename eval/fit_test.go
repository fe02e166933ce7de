package eval

import (
	"math"
	"testing"

	"medcode/suggest"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestFitLogisticHandComputed(t *testing.T) {
	// Two points x=-1 (y=0), x=+1 (y=1), λ=1: the standardised feature is x
	// itself, b=0 by symmetry, and the stationary point solves
	// w = 2σ(-w), i.e. w(1+e^w) = 2 → w ≈ 0.6748316 (bisection).
	const w0 = 0.6748316
	tests := []struct {
		name  string
		X     [][]float64
		wantW float64
		wantB float64
	}{
		{"unit", [][]float64{{-1}, {1}}, w0, 0},
		// Scaling the feature by 10 scales the raw weight by 1/10.
		{"scaled", [][]float64{{-10}, {10}}, w0 / 10, 0},
		// Shifting the feature by 5 moves the bias by -5w.
		{"shifted", [][]float64{{4}, {6}}, w0, -5 * w0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, b, err := FitLogistic(tc.X, []float64{0, 1}, LogisticOptions{L2: 1})
			if err != nil {
				t.Fatal(err)
			}
			if !near(w[0], tc.wantW, 1e-5) || !near(b, tc.wantB, 1e-5) {
				t.Errorf("got w=%v b=%v, want w=%v b=%v", w[0], b, tc.wantW, tc.wantB)
			}
		})
	}
}

func TestFitLogisticRecoversSoftLabels(t *testing.T) {
	// Soft labels that are exactly σ(2x1 - 0.5x2 - 1): with a negligible
	// penalty the maximum-likelihood fit is the generating model.
	var X [][]float64
	var y []float64
	for i := -5; i <= 5; i++ {
		for j := -3; j <= 3; j++ {
			x1, x2 := float64(i)/2, float64(j)
			X = append(X, []float64{x1, x2, 7}) // constant feature
			y = append(y, sigmoid(2*x1-0.5*x2-1))
		}
	}
	w, b, err := FitLogistic(X, y, LogisticOptions{L2: 1e-9})
	if err != nil {
		t.Fatal(err)
	}
	if !near(w[0], 2, 1e-4) || !near(w[1], -0.5, 1e-4) || w[2] != 0 || !near(b, -1, 1e-4) {
		t.Errorf("got w=%v b=%v, want [2 -0.5 0] -1", w, b)
	}
	if p := Predict(w, b, []float64{0.5, 0, 7}); !near(p, 0.5, 1e-4) {
		t.Errorf("Predict at the boundary = %v, want 0.5", p)
	}
}

func TestFitLogisticIsMinimum(t *testing.T) {
	// Perturbing the fitted parameters never lowers the documented
	// objective (written in raw-feature terms: the penalty is on w_j·sd_j).
	X := [][]float64{{1, 0.2}, {2, 0.1}, {3, 0.9}, {4, 0.4}, {5, 0.8}, {2.5, 0.3}, {3.5, 0.2}}
	y := []float64{0, 0, 1, 0, 1, 1, 0}
	const lambda = 0.3
	w, b, err := FitLogistic(X, y, LogisticOptions{L2: lambda})
	if err != nil {
		t.Fatal(err)
	}
	sd := []float64{0, 0}
	for j := range sd {
		m := 0.0
		for _, r := range X {
			m += r[j]
		}
		m /= float64(len(X))
		for _, r := range X {
			sd[j] += (r[j] - m) * (r[j] - m)
		}
		sd[j] = math.Sqrt(sd[j] / float64(len(X)))
	}
	obj := func(w []float64, b float64) float64 {
		s := 0.0
		for i, r := range X {
			s += logLoss(w[0]*r[0]+w[1]*r[1]+b, y[i])
		}
		for j := range w {
			s += lambda / 2 * (w[j] * sd[j]) * (w[j] * sd[j])
		}
		return s
	}
	best := obj(w, b)
	for _, d := range []float64{1e-3, -1e-3} {
		for k := 0; k < 3; k++ {
			w2 := append([]float64(nil), w...)
			b2 := b
			if k < 2 {
				w2[k] += d
			} else {
				b2 += d
			}
			if v := obj(w2, b2); v < best-1e-12 {
				t.Errorf("perturbing parameter %d by %v lowers the objective: %v < %v", k, d, v, best)
			}
		}
	}
}

func TestFitLogisticDeterministicAndDegenerate(t *testing.T) {
	X := [][]float64{{1}, {2}, {3}}
	w1, b1, err := FitLogistic(X, []float64{1, 1, 1}, LogisticOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w2, b2, _ := FitLogistic(X, []float64{1, 1, 1}, LogisticOptions{})
	if w1[0] != w2[0] || b1 != b2 {
		t.Error("two fits differ")
	}
	if p := Predict(w1, b1, []float64{2}); p < 0.99 {
		t.Errorf("all-positive labels: p = %v, want near 1", p)
	}
}

func TestFitLogisticErrors(t *testing.T) {
	tests := []struct {
		name string
		X    [][]float64
		y    []float64
	}{
		{"empty", nil, nil},
		{"length", [][]float64{{1}}, []float64{0, 1}},
		{"ragged", [][]float64{{1}, {1, 2}}, []float64{0, 1}},
		{"nan", [][]float64{{math.NaN()}}, []float64{0}},
		{"label", [][]float64{{1}}, []float64{2}},
	}
	for _, tc := range tests {
		if _, _, err := FitLogistic(tc.X, tc.y, LogisticOptions{}); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestFitIsotonic(t *testing.T) {
	tests := []struct {
		name   string
		p, y   []float64
		xs, ys []float64
	}{
		{"one violator", []float64{0.4, 0.1, 0.3, 0.2}, []float64{1, 0, 0, 1},
			[]float64{0.1, 0.2, 0.3, 0.4}, []float64{0, 0.5, 0.5, 1}},
		{"ties pooled", []float64{0.5, 0.5}, []float64{0, 1},
			[]float64{0.5}, []float64{0.5}},
		{"all decreasing", []float64{1, 2, 3}, []float64{3, 2, 1},
			[]float64{1, 3}, []float64{2, 2}},
		{"already monotone", []float64{0.1, 0.9}, []float64{0, 1},
			[]float64{0.1, 0.9}, []float64{0, 1}},
		{"nan skipped", []float64{math.NaN(), 0.2}, []float64{1, 0},
			[]float64{0.2}, []float64{0}},
		{"empty", nil, nil, nil, nil},
	}
	for _, tc := range tests {
		xs, ys := FitIsotonic(tc.p, tc.y)
		if !floatsEqual(xs, tc.xs) || !floatsEqual(ys, tc.ys) {
			t.Errorf("%s: got %v %v, want %v %v", tc.name, xs, ys, tc.xs, tc.ys)
		}
	}
}

func TestCalibrate(t *testing.T) {
	xs := []float64{0.1, 0.2, 0.3, 0.4}
	ys := []float64{0, 0.5, 0.5, 1}
	tests := []struct{ p, want float64 }{
		{0.05, 0}, {0.1, 0}, {0.15, 0.25}, {0.25, 0.5}, {0.35, 0.75}, {0.4, 1}, {0.9, 1},
	}
	for _, tc := range tests {
		if got := suggest.Calibrate(xs, ys, tc.p); !near(got, tc.want, 1e-12) {
			t.Errorf("suggest.Calibrate(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
	if got := suggest.Calibrate(nil, nil, 0.3); got != 0.3 {
		t.Errorf("no knots: got %v, want identity", got)
	}
}

func TestECEBrierReliability(t *testing.T) {
	p := []float64{0.15, 0.15, 0.85, 0.85, 1.0}
	y := []float64{0, 1, 1, 1, 1}
	// Bins: [0.1,0.2): conf .15 acc .5; [0.8,0.9): conf .85 acc 1;
	// [0.9,1]: conf 1 acc 1. ECE = 2/5·.35 + 2/5·.15 + 0 = 0.2.
	if got := ECE(p, y, 10); !near(got, 0.2, 1e-12) {
		t.Errorf("ECE = %v, want 0.2", got)
	}
	// Brier = (.0225 + .7225 + .0225 + .0225 + 0)/5 = 0.158.
	if got := Brier(p, y); !near(got, 0.158, 1e-12) {
		t.Errorf("Brier = %v, want 0.158", got)
	}
	tab := Reliability(p, y, 10)
	if len(tab) != 10 || tab[1].Count != 2 || tab[8].Count != 2 || tab[9].Count != 1 || !near(tab[1].Accuracy, 0.5, 0) {
		t.Errorf("reliability table %+v", tab)
	}
	if ECE(nil, nil, 0) != 0 || Brier(nil, nil) != 0 {
		t.Error("empty input should score 0")
	}
	// A perfectly calibrated bin has zero error.
	if got := ECE([]float64{0.5, 0.5}, []float64{0, 1}, 10); got != 0 {
		t.Errorf("calibrated ECE = %v", got)
	}
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i], 1e-12) {
			return false
		}
	}
	return true
}

func FuzzIsotonic(f *testing.F) {
	f.Add(0.4, 0.1, 0.3, 0.2, 1.0, 0.0, 0.0, 1.0, 0.25)
	f.Add(0.5, 0.5, 0.5, 0.5, 0.0, 1.0, 1.0, 0.0, 0.5)
	f.Fuzz(func(t *testing.T, p0, p1, p2, p3, y0, y1, y2, y3, q float64) {
		xs, ys := FitIsotonic([]float64{p0, p1, p2, p3}, []float64{y0, y1, y2, y3})
		if len(xs) != len(ys) {
			t.Fatalf("%d knots x, %d y", len(xs), len(ys))
		}
		for i := 1; i < len(xs); i++ {
			if !(xs[i] > xs[i-1]) || ys[i] < ys[i-1] && !math.IsNaN(ys[i]) && !math.IsInf(ys[i], 0) {
				t.Fatalf("not monotone: %v %v", xs, ys)
			}
		}
		_ = suggest.Calibrate(xs, ys, q)
		_ = ECE([]float64{p0, p1}, []float64{y0, y1}, 10)
	})
}
