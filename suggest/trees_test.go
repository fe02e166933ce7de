package suggest

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

func TestForest(t *testing.T) {
	// x0 < 0.5 ? (x1 < 2 ? -1 : 1) : 3
	tree := Tree{
		Feature:   []int{0, 1, -1, -1, -1},
		Threshold: []float64{0.5, 2, 0, 0, 0},
		Left:      []int{1, 3, -1, -1, -1},
		Right:     []int{2, 4, -1, -1, -1},
		Value:     []float64{0, 0, 3, -1, 1},
	}
	f, err := compile([]Tree{tree, tree}, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		x    []float64
		want float64
	}{
		{[]float64{0, 0}, -2},
		{[]float64{0, 5}, 2},
		{[]float64{1, 0}, 6},
	} {
		if got := f.eval(tt.x); got != tt.want {
			t.Errorf("eval(%v) = %v, want %v", tt.x, got, tt.want)
		}
		if got := 2 * tree.Eval(tt.x); got != tt.want {
			t.Errorf("Tree.Eval(%v)·2 = %v, want %v", tt.x, got, tt.want)
		}
	}
	bad := map[string]Tree{
		"cycle":         {Feature: []int{0}, Threshold: []float64{0}, Left: []int{0}, Right: []int{0}, Value: []float64{0}},
		"feature range": {Feature: []int{7, -1, -1}, Threshold: []float64{0, 0, 0}, Left: []int{1, -1, -1}, Right: []int{2, -1, -1}, Value: []float64{0, 0, 0}},
		"lengths":       {Feature: []int{0}, Value: []float64{0, 1}},
		"empty":         {},
	}
	for name, tr := range bad {
		if _, err := compile([]Tree{tr}, 2); err == nil || !strings.HasPrefix(err.Error(), "suggest: ") {
			t.Errorf("%s: err = %v, want a suggest error", name, err)
		}
		tr.Eval([]float64{0, 0}) // must not panic
	}
}

// TestFeatureCount: the feature vector's length and its names agree.
func TestFeatureCount(t *testing.T) {
	if n := len(FeatureNames()); n != featureCount {
		t.Fatalf("%d feature names, featureCount %d", n, featureCount)
	}
}

// randomTree grows a tree of random shape (leaves at any depth up to
// depth) over n features, in the node order training writes.
func randomTree(r *rand.Rand, depth, n int) Tree {
	var t Tree
	var grow func(d int) int
	grow = func(d int) int {
		i := len(t.Value)
		t.Feature = append(t.Feature, -1)
		t.Threshold = append(t.Threshold, 0)
		t.Left = append(t.Left, -1)
		t.Right = append(t.Right, -1)
		t.Value = append(t.Value, math.Round(r.NormFloat64()*100)/100)
		if d < depth && r.Intn(4) > 0 {
			t.Feature[i], t.Threshold[i] = r.Intn(n), math.Round(r.Float64()*10)/10
			l := grow(d + 1)
			rr := grow(d + 1)
			t.Left[i], t.Right[i] = l, rr
		}
		return i
	}
	grow(0)
	return t
}

// TestForestLayouts: the complete (branch-free) layout and the node walk
// agree with Tree.Eval on random trees and rows, NaN and ±Inf included,
// for row counts that are and are not multiples of four.
func TestForestLayouts(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const n = 5
	for _, depth := range []int{1, 3, 5, maxCompleteDepth + 2} {
		trees := make([]Tree, 20)
		for i := range trees {
			trees[i] = randomTree(r, depth, n)
		}
		f, err := compile(trees, n)
		if err != nil {
			t.Fatal(err)
		}
		if complete := depth <= maxCompleteDepth; complete != (f.depth > 0) {
			t.Errorf("depth %d: complete layout = %v", depth, f.depth > 0)
		}
		for rows := 1; rows <= 9; rows++ {
			xs := make([]float64, rows*n)
			for i := range xs {
				switch r.Intn(12) {
				case 0:
					xs[i] = math.NaN()
				case 1:
					xs[i] = math.Inf(1 - 2*r.Intn(2))
				default:
					xs[i] = math.Round(r.Float64()*10) / 10 // hits thresholds exactly
				}
			}
			z := make([]float64, rows)
			f.evalRows(z, xs, n)
			for row := range rows {
				want := 0.0
				for _, tr := range trees {
					want += tr.Eval(xs[row*n : (row+1)*n])
				}
				if math.Abs(z[row]-want) > 1e-9 {
					t.Fatalf("depth %d, %d rows, row %d: evalRows %v, Tree.Eval sum %v", depth, rows, row, z[row], want)
				}
			}
		}
	}
}
