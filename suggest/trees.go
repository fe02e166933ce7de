package suggest

import "fmt"

// Tree is one regression tree of a boosted ensemble, stored as arrays:
// node i splits on Feature[i] at Threshold[i] (x < t goes Left[i], else
// Right[i]); a node with Left[i] < 0 is a leaf worth Value[i].
type Tree struct {
	Feature   []int     `json:"feature"`
	Threshold []float64 `json:"threshold"`
	Left      []int     `json:"left"`
	Right     []int     `json:"right"`
	Value     []float64 `json:"value"`
}

// Eval returns the tree's value for x. Malformed trees (indices out of
// range, cycles) evaluate to 0 rather than panic.
func (t *Tree) Eval(x []float64) float64 {
	i := 0
	for steps := 0; steps < len(t.Value); steps++ {
		if i < 0 || i >= len(t.Value) || i >= len(t.Left) || i >= len(t.Right) || i >= len(t.Feature) || i >= len(t.Threshold) {
			return 0
		}
		if t.Left[i] < 0 {
			return t.Value[i]
		}
		f := t.Feature[i]
		if f < 0 || f >= len(x) {
			return 0
		}
		if x[f] < t.Threshold[i] {
			i = t.Left[i]
		} else {
			i = t.Right[i]
		}
	}
	return 0
}

// node is one node of a validated tree.
type node struct {
	feature     int32
	left, right int32 // -1: leaf
	threshold   float64
	value       float64
}

// forest is a validated ensemble, evaluated without bounds checks.
type forest []treeNodes

// compile validates trees for features of width n: every child index points
// forward (so evaluation terminates), every feature is in range.
func compile(trees []Tree, n int) (forest, error) {
	f := make(forest, len(trees))
	for ti, t := range trees {
		k := len(t.Value)
		if k == 0 || len(t.Feature) != k || len(t.Threshold) != k || len(t.Left) != k || len(t.Right) != k {
			return nil, fmt.Errorf("suggest: model tree %d: arrays of different lengths", ti)
		}
		nodes := make([]node, k)
		for i := 0; i < k; i++ {
			nd := node{feature: int32(t.Feature[i]), left: int32(t.Left[i]), right: int32(t.Right[i]), threshold: t.Threshold[i], value: t.Value[i]}
			if nd.left >= 0 {
				if nd.left <= int32(i) || nd.right <= int32(i) || int(nd.left) >= k || int(nd.right) >= k {
					return nil, fmt.Errorf("suggest: model tree %d node %d: child out of order", ti, i)
				}
				if nd.feature < 0 || int(nd.feature) >= n {
					return nil, fmt.Errorf("suggest: model tree %d node %d: feature %d out of range", ti, i, nd.feature)
				}
			}
			nodes[i] = nd
		}
		f[ti] = nodes
	}
	return f, nil
}

// eval sums the trees' values for x.
func (f forest) eval(x []float64) float64 {
	z := 0.0
	for _, t := range f {
		z += t.eval(x)
	}
	return z
}

// treeNodes is one validated tree.
type treeNodes []node

// eval returns the tree's value for x.
func (t treeNodes) eval(x []float64) float64 {
	i := int32(0)
	for t[i].left >= 0 {
		if x[t[i].feature] < t[i].threshold {
			i = t[i].left
		} else {
			i = t[i].right
		}
	}
	return t[i].value
}
