package suggest

import (
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
