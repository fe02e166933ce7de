package suggest

import "math"

// calibBuckets is how many equal slices of [0, 1) a calibIndex keeps a
// starting knot for: with the trained model's 168 knots (in pairs, the
// steps of an isotonic fit), no slice holds more than four.
const calibBuckets = 1024

// calibIndex is Calibrate over one set of knots, the knot found from a
// table instead of a binary search: per slice of [0, 1), the first knot
// above the slice's start. Calibrate's search (about eight steps a
// candidate, each a branch the processor cannot guess) was most of its
// cost; from the slice's knot a step or two forward finds it. The walk
// ends on the first knot above p wherever it starts, so the table only
// saves steps: the knot, and the value, are Calibrate's
// (TestCalibIndexAgrees).
type calibIndex struct {
	xs, ys []float64
	// start holds each slice's first knot; nil when the knots are not in
	// order (a binary search and a walk may then disagree) or too many
	// to number in 16 bits: of then calls Calibrate.
	start []uint16
}

// newCalibIndex indexes the calibration knots xs, ys (Calibrate's).
func newCalibIndex(xs, ys []float64) calibIndex {
	ci := calibIndex{xs: xs, ys: ys}
	n := min(len(xs), len(ys))
	if n < 2 || n > math.MaxUint16 {
		return ci
	}
	for i := 1; i < n; i++ {
		if !(xs[i-1] <= xs[i]) { // out of order, or NaN
			return ci
		}
	}
	ci.start = make([]uint16, calibBuckets)
	k := 1
	for b := range ci.start {
		lo := float64(b) / calibBuckets
		for k < n-1 && !(xs[k] > lo) {
			k++
		}
		ci.start[b] = uint16(k)
	}
	return ci
}

// of is Calibrate(ci.xs, ci.ys, p).
func (ci *calibIndex) of(p float64) float64 {
	xs, ys := ci.xs, ci.ys
	if ci.start == nil {
		return Calibrate(xs, ys, p)
	}
	n := min(len(xs), len(ys))
	xs, ys = xs[:n], ys[:n]
	if math.IsNaN(p) {
		return p
	}
	if p <= xs[0] {
		return ys[0]
	}
	if p >= xs[n-1] {
		return ys[n-1]
	}
	// xs[0] < p < xs[n-1]: the first knot above p is one of 1 to n-1.
	i := 1
	if p < 1 { // p > xs[0], so p*calibBuckets truncates to a slice
		i = int(ci.start[int(p*calibBuckets)&(calibBuckets-1)])
	}
	// The knots are in order: back while the one before is above p (a
	// slice's start above p only by rounding), on while this one is not.
	for i > 1 && xs[i-1] > p {
		i--
	}
	for i < n-1 && !(xs[i] > p) {
		i++
	}
	x0, x1 := xs[i-1], xs[i]
	y0, y1 := ys[i-1], ys[i]
	if x1 == x0 {
		return y1
	}
	return y0 + (y1-y0)*(p-x0)/(x1-x0)
}
