package suggest_test

import (
	"math"
	"math/rand"
	"sort"
	"testing"

	"medcode/suggest"
)

// calibrateRef is Calibrate as first written, with sort.Search.
func calibrateRef(xs, ys []float64, p float64) float64 {
	n := min(len(xs), len(ys))
	if n == 0 || math.IsNaN(p) {
		return p
	}
	if p <= xs[0] {
		return ys[0]
	}
	if p >= xs[n-1] {
		return ys[n-1]
	}
	i := sort.Search(n, func(i int) bool { return xs[i] > p })
	x0, x1 := xs[i-1], xs[i]
	y0, y1 := ys[i-1], ys[i]
	if x1 == x0 {
		return y1
	}
	return y0 + (y1-y0)*(p-x0)/(x1-x0)
}

// TestCalibrate: knots repeated, probabilities on and between knots, at
// and beyond the ends, NaN, and fewer ys than xs, against the reference.
func TestCalibrate(t *testing.T) {
	tests := []struct {
		name   string
		xs, ys []float64
		p      float64
		want   float64
	}{
		{"no points", nil, nil, 0.3, 0.3},
		{"below", []float64{0.2, 0.8}, []float64{0.1, 0.9}, 0.1, 0.1},
		{"above", []float64{0.2, 0.8}, []float64{0.1, 0.9}, 0.9, 0.9},
		{"between", []float64{0.2, 0.8}, []float64{0.1, 0.7}, 0.5, 0.4},
		{"repeated knot: the upper", []float64{0.2, 0.5, 0.5, 0.8}, []float64{0.1, 0.3, 0.6, 0.9}, 0.5, 0.6},
		{"on a knot", []float64{0.2, 0.4, 0.8}, []float64{0.1, 0.5, 0.9}, 0.4, 0.5},
		{"NaN", []float64{0.2, 0.8}, []float64{0.1, 0.9}, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		got := suggest.Calibrate(tt.xs, tt.ys, tt.p)
		if math.Abs(got-tt.want) > 1e-12 && !(math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("%s: Calibrate = %v, want %v", tt.name, got, tt.want)
		}
	}
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		n := 1 + r.Intn(12)
		xs, ys := make([]float64, n), make([]float64, n-r.Intn(2))
		for i := range xs {
			xs[i] = math.Round(r.Float64()*10) / 10 // repeats
		}
		sort.Float64s(xs)
		for i := range ys {
			ys[i] = r.Float64()
		}
		sort.Float64s(ys)
		p := math.Round(r.Float64()*20)/20 - 0.05
		if got, want := suggest.Calibrate(xs, ys, p), calibrateRef(xs, ys, p); got != want {
			t.Fatalf("Calibrate(%v, %v, %v) = %v, want %v", xs, ys, p, got, want)
		}
	}
}
