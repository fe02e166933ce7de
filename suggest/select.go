package suggest

import (
	"math/bits"
	"slices"
)

// nthSmallest is the value slices.Sort would put at xs[n] (0 ≤ n <
// len(xs)), found by quickselect: xs is reordered, not sorted, in about
// two passes rather than sort's n log n comparisons. With a NaN in xs it
// sorts (slices.Sort's place for NaNs, first), and it sorts what is left
// when the pivots keep splitting badly. Of values that compare equal
// (-0 and +0) it may return another than the sort would: callers only
// compare the value.
func nthSmallest(xs []float64, n int) float64 {
	for _, x := range xs {
		if x != x {
			slices.Sort(xs)
			return xs[n]
		}
	}
	lo, hi := 0, len(xs)-1
	for budget := 2*bits.Len(uint(len(xs))) + 4; lo < hi; budget-- {
		if budget == 0 {
			slices.Sort(xs[lo : hi+1])
			return xs[n]
		}
		// The median of the first, middle and last as the pivot; then
		// xs[lo:lt] < p, xs[lt:gt+1] == p, xs[gt+1:hi+1] > p.
		a, b, c := xs[lo], xs[int(uint(lo+hi)>>1)], xs[hi]
		p := max(min(a, b), min(max(a, b), c))
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch x := xs[i]; {
			case x < p:
				xs[lt], xs[i] = x, xs[lt]
				lt++
				i++
			case x > p:
				xs[i], xs[gt] = xs[gt], x
				gt--
			default:
				i++
			}
		}
		switch {
		case n < lt:
			hi = lt - 1
		case n > gt:
			lo = gt + 1
		default:
			return xs[n]
		}
	}
	return xs[n]
}
