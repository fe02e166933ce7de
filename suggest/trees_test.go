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
			randomFeatures(r, xs)
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

// TestEvalDepth3AgreesWithEval4: on padded rows, depth-3 forests are
// scored by evalDepth3 (mirrored trees, rows read as arrays), and its sums
// equal eval4's row by row to the bit, NaN and ±Inf
// included, for every row count up to nine (the four-, two- and one-row
// loops) and features up to the byte's limit.
func TestEvalDepth3AgreesWithEval4(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for _, n := range []int{1, 5, featureCount, 256} {
		trees := make([]Tree, 30)
		for i := range trees {
			trees[i] = randomTree(r, 3, n)
		}
		f, err := compile(trees, n)
		if err != nil {
			t.Fatal(err)
		}
		if f.d3 == nil {
			t.Fatalf("%d features: no depth-3 layout", n)
		}
		for rows := 1; rows <= 9; rows++ {
			xs := make([]float64, rows*n, rows*n+rowPad)
			randomFeatures(r, xs)
			if !padded(xs, rows, n) {
				t.Fatalf("%d rows of %d: not padded", rows, n)
			}
			got, want := make([]float64, rows), make([]float64, rows)
			for i := range got {
				got[i], want[i] = 0.25*float64(i), 0.25*float64(i)
			}
			f.evalRows(got, xs, n)
			for row := range rows {
				x := xs[row*n : (row+1)*n]
				f.eval4(want[row:row+1], x, x, x, x)
			}
			for row := range rows {
				if math.Float64bits(got[row]) != math.Float64bits(want[row]) {
					t.Fatalf("%d features, %d rows, row %d: evalDepth3 %v, eval4 %v", n, rows, row, got[row], want[row])
				}
			}
		}
	}
}

// TestMirror3 checks mirror3 against the mirror image of a complete
// breadth-first tree of depth 3: the same level, counted from the end.
func TestMirror3(t *testing.T) {
	for i := range 15 {
		lo := 1<<levelOf(i+1) - 1 // the level's first place
		hi := 2*lo + 1            // past its last
		if want := lo + hi - 1 - i; mirror3(i) != want {
			t.Errorf("mirror3(%d) = %d, want %d", i, mirror3(i), want)
		}
	}
}

// levelOf is the number of binary digits of n (n > 0), less one: the level
// of place n-1 of a breadth-first tree.
func levelOf(n int) int {
	b := 0
	for n > 1 {
		n >>= 1
		b++
	}
	return b
}

// randomFeatures fills xs with feature values: a twelfth NaN, a twelfth
// ±Inf, the rest tenths in [0, 1], which hit thresholds exactly.
func randomFeatures(r *rand.Rand, xs []float64) {
	for i := range xs {
		switch r.Intn(12) {
		case 0:
			xs[i] = math.NaN()
		case 1:
			xs[i] = math.Inf(1 - 2*r.Intn(2))
		default:
			xs[i] = math.Round(r.Float64()*10) / 10
		}
	}
}

// TestSum3x4AVXAgreesWithSum3x4: the AVX walks (d3x4: sum3x12AVX's
// twelve rows at a time, sum3x8AVX's eight for the last five to eight,
// sum3x4AVX's four for the last one to four) give
// the same sums to the bit as the Go walk (d3 alone), on random depth-3
// trees and rows (NaN and ±Inf included), for tree counts odd, even and
// none, and row counts that end each walk at each of its lanes.
func TestSum3x4AVXAgreesWithSum3x4(t *testing.T) {
	if !haveAVX() {
		t.Skip("no AVX")
	}
	r := rand.New(rand.NewSource(32))
	for _, n := range []int{1, 5, featureCount, 256} {
		for _, nt := range []int{0, 1, 7, 100} {
			trees := make([]Tree, nt)
			for i := range trees {
				trees[i] = randomTree(r, 3, n)
			}
			f, err := compile(trees, n)
			if err != nil {
				t.Fatal(err)
			}
			if f.d3 != nil && f.d3x4 == nil {
				t.Fatalf("%d features, %d trees: no AVX layout", n, nt)
			}
			if nt == 100 && f.d3x4 == nil {
				t.Fatalf("%d features: 100 trees not of depth 3", n)
			}
			plain := f
			plain.d3x4 = nil
			for rows := 1; rows <= 25; rows++ {
				xs := make([]float64, rows*n, rows*n+rowPad)
				randomFeatures(r, xs[:cap(xs)])
				got, want := make([]float64, rows), make([]float64, rows)
				for i := range got {
					got[i], want[i] = 0.5*float64(i)-1, 0.5*float64(i)-1
				}
				f.evalRows(got, xs, n)
				plain.evalRows(want, xs, n)
				for row := range rows {
					if math.Float64bits(got[row]) != math.Float64bits(want[row]) {
						t.Fatalf("%d features, %d trees, %d rows, row %d: AVX %v, Go %v", n, nt, rows, row, got[row], want[row])
					}
				}
			}
		}
	}
}

// TestLaneTrees: laneTrees keeps each tree's thresholds and leaves in
// their mirrored places once each, and each node's feature as its byte
// offset in a group of four rows (32 bytes a feature, the offset's
// uint16 holding the highest, 255), and the width is one past the
// highest feature split on, rounded up to four.
func TestLaneTrees(t *testing.T) {
	r := rand.New(rand.NewSource(36))
	for _, n := range []int{1, 5, featureCount, 256} {
		d3 := make([]tree3, 20)
		hi := 0
		for i := range d3 {
			for j := range 7 {
				d3[i].thr[j], d3[i].feat[j] = r.NormFloat64(), uint8(r.Intn(n))
				hi = max(hi, int(d3[i].feat[j]))
			}
			for j := range 8 {
				d3[i].leaf[j] = r.NormFloat64()
			}
		}
		v, width := laneTrees(d3)
		if want := (hi + 4) &^ 3; width != want {
			t.Errorf("%d features: width %d, want %d", n, width, want)
		}
		for i := range d3 {
			if v[i].thr != d3[i].thr || v[i].leaf != d3[i].leaf {
				t.Fatalf("%d features, tree %d: thresholds or leaves moved", n, i)
			}
			for j := range 7 {
				if int(v[i].off[j]) != 32*int(d3[i].feat[j]) {
					t.Fatalf("%d features, tree %d node %d: offset %d for feature %d", n, i, j, v[i].off[j], d3[i].feat[j])
				}
			}
		}
	}
}
