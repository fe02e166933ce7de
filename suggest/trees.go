package suggest

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
