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

// maxCompleteDepth bounds the depth at which trees are laid out complete
// (2^depth leaves each); deeper ensembles are walked node by node.
const maxCompleteDepth = 6

// forest is a validated ensemble. Trees no deeper than maxCompleteDepth
// are stored complete, in breadth-first order: every internal node of
// every tree is compared (independent loads, no branches to mispredict)
// and the leaf is found from the comparison bits. A leaf above the full
// depth is copied to every leaf below it. Deeper trees keep their nodes.
type forest struct {
	depth int       // complete depth; 0 when nodes is used
	feat  []int32   // per tree 2^depth-1 internal nodes
	thr   []float64 // their thresholds
	leaf  []float64 // per tree 2^depth leaves
	trees int
	nodes []treeNodes // trees too deep to lay out complete
	// d3 holds depth-3 trees (the default) once more, each tree's nodes
	// and leaves side by side and mirrored (evalDepth3); nil for other
	// depths or features too many to number in a byte.
	d3 []tree3
	// d3x4 holds the depth-3 trees once more for sum3x4AVX (tree3x4);
	// nil without AVX or d3. d3x4Width is one past the highest feature
	// they split on, rounded up to a multiple of four: sum3x4AVX lays
	// out that many of each row.
	d3x4      []tree3x4
	d3x4Width int
}

// tree3 is a complete depth-3 tree: thresholds and features of its
// seven internal nodes (breadth-first) and its eight leaves, in 128 bytes.
// It is the mirror image of the complete layout: each node's children
// come in the order (x ≥ t, x < t), so that the child's place is the
// comparison x < t itself (evalDepth3).
type tree3 struct {
	thr  [7]float64
	leaf [8]float64
	feat [8]uint8 // the eighth is unused
}

// tree3x4 is tree3 for sum3x4AVX and sum3x8AVX, which walk four and
// eight rows at once: the same mirrored places, each threshold and leaf
// once (the walks broadcast them to their lanes as they load them), and
// each node's feature as its byte offset in a group of four rows laid side
// by side (32 bytes a feature), in 136 bytes. Stored once per node rather
// than once per lane (544 bytes a tree, 54 KB for 100 trees), the forest
// (13.6 KB) and the walk's rows stay in a 32 KB L1 cache from one group of
// rows to the next instead of streaming through it every group; and with
// the threshold in a register, the row's value is compared straight from
// memory, which takes fewer instructions than the lane-wide thresholds did.
type tree3x4 struct {
	leaf [8]float64
	thr  [7]float64
	off  [8]uint16 // the eighth is unused
}

// mirror3 is the place in a mirrored depth-3 layout (tree3) of the
// node or leaf at place i of the complete breadth-first layout: the same
// level, counted from the other end.
func mirror3(i int) int {
	switch {
	case i == 0:
		return 0
	case i < 3:
		return 3 - i // 1 and 2
	case i < 7:
		return 9 - i // 3 to 6
	}
	return 21 - i // the leaves, 7 to 14
}

// compile validates trees for features of width n: every child index points
// forward (so evaluation terminates), every feature is in range.
func compile(trees []Tree, n int) (forest, error) {
	ts := make([]treeNodes, len(trees))
	depth := 0
	for ti, t := range trees {
		k := len(t.Value)
		if k == 0 || len(t.Feature) != k || len(t.Threshold) != k || len(t.Left) != k || len(t.Right) != k {
			return forest{}, fmt.Errorf("suggest: model tree %d: arrays of different lengths", ti)
		}
		nodes := make([]node, k)
		for i := 0; i < k; i++ {
			nd := node{feature: int32(t.Feature[i]), left: int32(t.Left[i]), right: int32(t.Right[i]), threshold: t.Threshold[i], value: t.Value[i]}
			if nd.left >= 0 {
				if nd.left <= int32(i) || nd.right <= int32(i) || int(nd.left) >= k || int(nd.right) >= k {
					return forest{}, fmt.Errorf("suggest: model tree %d node %d: child out of order", ti, i)
				}
				if nd.feature < 0 || int(nd.feature) >= n {
					return forest{}, fmt.Errorf("suggest: model tree %d node %d: feature %d out of range", ti, i, nd.feature)
				}
			}
			nodes[i] = nd
		}
		ts[ti] = nodes
		depth = max(depth, ts[ti].depth(0))
	}
	if depth > maxCompleteDepth {
		return forest{nodes: ts, trees: len(ts)}, nil
	}
	depth = max(depth, 1)
	inner, leaves := 1<<depth-1, 1<<depth
	f := forest{depth: depth, trees: len(ts),
		feat: make([]int32, len(ts)*inner), thr: make([]float64, len(ts)*inner), leaf: make([]float64, len(ts)*leaves)}
	for ti, t := range ts {
		t.fill(0, 0, depth, f.feat[ti*inner:(ti+1)*inner], f.thr[ti*inner:(ti+1)*inner], f.leaf[ti*leaves:(ti+1)*leaves])
	}
	if depth == 3 && n <= 256 {
		f.d3 = make([]tree3, len(ts))
		for ti := range f.d3 {
			t := &f.d3[ti]
			for i := range 7 {
				m := mirror3(i)
				t.thr[m], t.feat[m] = f.thr[ti*7+i], uint8(f.feat[ti*7+i])
			}
			for i := range 8 {
				t.leaf[mirror3(7+i)-7] = f.leaf[ti*8+i]
			}
		}
		if haveAVX() {
			f.d3x4, f.d3x4Width = laneTrees(f.d3)
		}
	}
	return f, nil
}

// laneTrees lays d3 out for sum3x4AVX, and returns one past the highest
// feature its trees split on, rounded up to a multiple of four: at most
// rowPad (256, a feature being numbered in a byte), so the transpose of
// four features at a time reads within a padded row.
func laneTrees(d3 []tree3) ([]tree3x4, int) {
	v, width := make([]tree3x4, len(d3)), 0
	for i := range d3 {
		v[i].thr, v[i].leaf = d3[i].thr, d3[i].leaf
		for j := range 7 {
			v[i].off[j] = 32 * uint16(d3[i].feat[j])
			width = max(width, int(d3[i].feat[j])+1)
		}
	}
	return v, (width + 3) &^ 3
}

// depth is the number of splits on the longest path from node i.
func (t treeNodes) depth(i int32) int {
	if t[i].left < 0 {
		return 0
	}
	return 1 + max(t.depth(t[i].left), t.depth(t[i].right))
}

// fill lays node i out at position p (breadth-first, children 2p+1 and
// 2p+2) of a complete tree of the given depth.
func (t treeNodes) fill(i int32, p, depth int, feat []int32, thr, leaf []float64) {
	inner := len(feat)
	if p >= inner { // a leaf position
		leaf[p-inner] = t[i].value
		return
	}
	if t[i].left < 0 {
		// A leaf above the full depth: any comparison, the same value
		// on both sides.
		feat[p], thr[p] = 0, 0
		t.fill(i, 2*p+1, depth, feat, thr, leaf)
		t.fill(i, 2*p+2, depth, feat, thr, leaf)
		return
	}
	feat[p], thr[p] = t[i].feature, t[i].threshold
	t.fill(t[i].left, 2*p+1, depth, feat, thr, leaf)
	t.fill(t[i].right, 2*p+2, depth, feat, thr, leaf)
}

// eval sums the trees' values for x (at least as wide as the features
// the forest was compiled for).
func (f *forest) eval(x []float64) float64 {
	var z [1]float64
	f.evalRows(z[:], x, len(x))
	return z[0]
}

// evalRows adds the trees' values for each row of xs (rows of width w,
// at least as wide as the features the forest was compiled for) to z.
// Complete trees walk several rows at once (four): their paths are
// independent, so the loads overlap instead of waiting on one another.
func (f *forest) evalRows(z, xs []float64, w int) {
	n := len(z)
	if f.depth == 0 {
		for r := 0; r < n; r++ {
			x := xs[r*w : (r+1)*w]
			for _, t := range f.nodes {
				z[r] += t.eval(x)
			}
		}
		return
	}
	if f.d3 != nil && padded(xs, n, w) {
		f.evalDepth3(z, xs, w)
		return
	}
	r := 0
	for ; r+4 <= n; r += 4 {
		f.eval4(z[r:r+4], xs[r*w:(r+1)*w], xs[(r+1)*w:(r+2)*w], xs[(r+2)*w:(r+3)*w], xs[(r+3)*w:(r+4)*w])
	}
	for ; r < n; r++ {
		x := xs[r*w : (r+1)*w]
		f.eval4(z[r:r+1], x, x, x, x)
	}
}

// eval4 adds the trees' values for four rows to z (one to four long).
func (f *forest) eval4(z, x0, x1, x2, x3 []float64) {
	inner := 1<<f.depth - 1
	leaves := inner + 1
	var z0, z1, z2, z3 float64
	for t := 0; t < f.trees; t++ {
		feat := f.feat[t*inner : (t+1)*inner]
		thr := f.thr[t*inner : (t+1)*inner]
		p0, p1, p2, p3 := 0, 0, 0, 0
		for d := 0; d < f.depth; d++ {
			p0 = 2*p0 + 1 + right(x0[feat[p0]], thr[p0])
			p1 = 2*p1 + 1 + right(x1[feat[p1]], thr[p1])
			p2 = 2*p2 + 1 + right(x2[feat[p2]], thr[p2])
			p3 = 2*p3 + 1 + right(x3[feat[p3]], thr[p3])
		}
		leaf := f.leaf[t*leaves : (t+1)*leaves]
		z0 += leaf[p0-inner]
		z1 += leaf[p1-inner]
		z2 += leaf[p2-inner]
		z3 += leaf[p3-inner]
	}
	for i, v := range [4]float64{z0, z1, z2, z3} {
		if i < len(z) {
			z[i] += v
		}
	}
}

// rowPad is how far past a row's start evalDepth3 reads: a feature is
// numbered in a byte, so a row seen as a *[rowPad]float64 is indexed
// without bounds checks. Rows to be scored by evalDepth3 are kept in a
// slice with room for rowPad values from the last row's start (padded).
const rowPad = 256

// padded says whether xs, n rows of width w, has room for rowPad values
// from the start of each row (evalDepth3).
func padded(xs []float64, n, w int) bool {
	return n > 0 && w > 0 && len(xs) >= n*w && cap(xs)-(n-1)*w >= rowPad
}

// evalDepth3 is evalRows for depth-3 trees (d3) over padded rows.
//
// With AVX (d3x4), four rows at a time are laid side by side, each
// feature's four values together, and sum3x4AVX walks them in the four
// lanes of its registers: every node compared in each lane, each lane's
// path picked by blends, no branch and no gather (gathers were measured
// three times slower than the Go walk on this VM's processors). Twelve
// rows at a time (sum3x12AVX: three groups of four side by side, which
// read each node's feature offset, threshold and leaves once for the
// three) while more than eight are left, the last one to three of twelve
// filled with the last row (a pass of twelve costs less than one of eight
// and one of four); then eight (sum3x8AVX, two groups) if more than four
// are left, filled likewise; the last one to four rows by sum3x4AVX, its
// last lanes filled likewise.
//
// Without it, four rows at a time (the paths are independent, so their
// loads overlap; about a fifth faster than two at a time on the trained
// model), then two, then one, each walk a function of its own (sum3x4,
// sum3x2, sum3x1). The levels are unrolled (each level's node index is
// within the tree's arrays by its arithmetic, which the compiler proves:
// no mask or bounds check) and the rows read as arrays a byte indexes.
// The mirrored layout (tree3) makes each step's child 2p+1+less(x, t);
// the walks keep p's place within its level.
//
// Either way each row's values are summed in tree order from zero, then
// added to z, as eval4 does, so the sums are the same to the bit.
func (f *forest) evalDepth3(z, xs []float64, w int) {
	r := 0
	if f.d3x4 != nil {
		// The walks lay the rows side by side in their own frames: a
		// buffer declared here was zeroed (16 KB) on every call.
		row := func(i int) *[rowPad]float64 { return (*[rowPad]float64)(xs[i*w : i*w+rowPad]) }
		var x12 [12]*[rowPad]float64
		var s12 [12]float64
		for ; len(z)-r > 8; r += 12 {
			k := min(len(z)-r, 12)
			for i := range x12 {
				x12[i] = row(r + min(i, k-1))
			}
			sum3x12AVX(f.d3x4, &x12, f.d3x4Width, &s12)
			for i := range k {
				z[r+i] += s12[i]
			}
		}
		var s8 [8]float64
		for ; len(z)-r > 4; r += 8 {
			k := min(len(z)-r, 8)
			last := r + k - 1
			sum3x8AVX(f.d3x4, row(r), row(r+1), row(r+2), row(r+3), row(r+4),
				row(min(r+5, last)), row(min(r+6, last)), row(last), f.d3x4Width, &s8)
			for i := range k {
				z[r+i] += s8[i]
			}
		}
		var s [4]float64
		for ; r < len(z); r += 4 {
			k := min(len(z)-r, 4)
			x0 := (*[rowPad]float64)(xs[r*w : r*w+rowPad])
			x1 := (*[rowPad]float64)(xs[(r+min(1, k-1))*w : (r+min(1, k-1))*w+rowPad])
			x2 := (*[rowPad]float64)(xs[(r+min(2, k-1))*w : (r+min(2, k-1))*w+rowPad])
			x3 := (*[rowPad]float64)(xs[(r+k-1)*w : (r+k-1)*w+rowPad])
			sum3x4AVX(f.d3x4, x0, x1, x2, x3, f.d3x4Width, &s)
			for i := range k {
				z[r+i] += s[i]
			}
		}
		return
	}
	for ; r+4 <= len(z); r += 4 {
		x0 := (*[rowPad]float64)(xs[r*w : r*w+rowPad])
		x1 := (*[rowPad]float64)(xs[(r+1)*w : (r+1)*w+rowPad])
		x2 := (*[rowPad]float64)(xs[(r+2)*w : (r+2)*w+rowPad])
		x3 := (*[rowPad]float64)(xs[(r+3)*w : (r+3)*w+rowPad])
		z0, z1, z2, z3 := sum3x4(f.d3, x0, x1, x2, x3)
		z[r] += z0
		z[r+1] += z1
		z[r+2] += z2
		z[r+3] += z3
	}
	for ; r+2 <= len(z); r += 2 {
		x0 := (*[rowPad]float64)(xs[r*w : r*w+rowPad])
		x1 := (*[rowPad]float64)(xs[(r+1)*w : (r+1)*w+rowPad])
		z0, z1 := sum3x2(f.d3, x0, x1)
		z[r] += z0
		z[r+1] += z1
	}
	if r < len(z) {
		z[r] += sum3x1(f.d3, (*[rowPad]float64)(xs[r*w:r*w+rowPad]))
	}
}

// sum3x4 is evalDepth3's sums of four rows, each in tree order from
// zero. A function of its own: in evalDepth3's body the compiler kept
// the outer loop's values in the registers the walk needs and reloaded
// them from the stack every tree. It steps through d3 by reslicing: a
// pointer moved a tree a step, which the loads address with constant
// offsets, not an index shifted and added into three pointers.
// A row's path is kept as its place within the level (a: 0-1, then 0-3),
// not as the node's place in the tree (p = 2p+1+less): the level's first
// node and the leaves' start are constants the loads' addresses absorb,
// where p's +1 and the leaves' -7 took two instructions a row and level
// (the compiler does not fold them through 2p). The place within a level
// is the node's place p minus the level's first, so the nodes are the
// same (TestEvalDepth3AgreesWithEval4).
func sum3x4(d3 []tree3, x0, x1, x2, x3 *[rowPad]float64) (z0, z1, z2, z3 float64) {
	_, _, _, _ = x0[0], x1[0], x2[0], x3[0] // the rows' nil checks, once
	for ; len(d3) > 0; d3 = d3[1:] {
		t := &d3[0]
		f0, t0 := t.feat[0], t.thr[0]
		feat2, thr2 := (*[4]uint8)(t.feat[3:7]), (*[4]float64)(t.thr[3:7])
		a0 := less(x0[f0], t0)
		a1 := less(x1[f0], t0)
		a2 := less(x2[f0], t0)
		a3 := less(x3[f0], t0)
		a0 = 2*a0 + less(x0[t.feat[1+a0]], t.thr[1+a0])
		a1 = 2*a1 + less(x1[t.feat[1+a1]], t.thr[1+a1])
		a2 = 2*a2 + less(x2[t.feat[1+a2]], t.thr[1+a2])
		a3 = 2*a3 + less(x3[t.feat[1+a3]], t.thr[1+a3])
		z0 += t.leaf[2*a0+less(x0[feat2[a0]], thr2[a0])]
		z1 += t.leaf[2*a1+less(x1[feat2[a1]], thr2[a1])]
		z2 += t.leaf[2*a2+less(x2[feat2[a2]], thr2[a2])]
		z3 += t.leaf[2*a3+less(x3[feat2[a3]], thr2[a3])]
	}
	return z0, z1, z2, z3
}

// sum3x2 is sum3x4 for two rows.
func sum3x2(d3 []tree3, x0, x1 *[rowPad]float64) (z0, z1 float64) {
	_, _ = x0[0], x1[0]
	for ; len(d3) > 0; d3 = d3[1:] {
		t := &d3[0]
		f0, t0 := t.feat[0], t.thr[0]
		feat2, thr2 := (*[4]uint8)(t.feat[3:7]), (*[4]float64)(t.thr[3:7])
		a0 := less(x0[f0], t0)
		a1 := less(x1[f0], t0)
		a0 = 2*a0 + less(x0[t.feat[1+a0]], t.thr[1+a0])
		a1 = 2*a1 + less(x1[t.feat[1+a1]], t.thr[1+a1])
		z0 += t.leaf[2*a0+less(x0[feat2[a0]], thr2[a0])]
		z1 += t.leaf[2*a1+less(x1[feat2[a1]], thr2[a1])]
	}
	return z0, z1
}

// sum3x1 is sum3x4 for one row.
func sum3x1(d3 []tree3, x *[rowPad]float64) (z float64) {
	_ = x[0]
	for ; len(d3) > 0; d3 = d3[1:] {
		t := &d3[0]
		a := less(x[t.feat[0]], t.thr[0])
		a = 2*a + less(x[t.feat[1+a]], t.thr[1+a])
		feat2, thr2 := (*[4]uint8)(t.feat[3:7]), (*[4]float64)(t.thr[3:7])
		z += t.leaf[2*a+less(x[feat2[a]], thr2[a])]
	}
	return z
}

// less is 1 when x < t, else (NaN included) 0, without a branch: the
// place of x's child in a mirrored node (tree3).
func less(x, t float64) int {
	if x < t {
		return 1
	}
	return 0
}

// right is 1 when x goes to the right child of a split at t (x < t goes
// left; anything else, NaN included, right), without a branch.
func right(x, t float64) int {
	if x < t {
		return 0
	}
	return 1
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
