package eval

import (
	"math"
	"sort"
)

// FitIsotonic fits a non-decreasing map from scores p to labels y by the
// pool-adjacent-violators algorithm (least squares, equal weights). Equal
// scores are pooled first, so one score maps to one value. The fit is
// returned as knots for suggest.Calibrate: for every pooled block its lowest and
// highest score (once when equal), each with the block's mean label. xs is
// strictly increasing and ys non-decreasing. Pairs with a NaN score or label
// are skipped; mismatched lengths use the shorter.
func FitIsotonic(p, y []float64) (xs, ys []float64) {
	return FitIsotonicWeighted(p, y, nil)
}

// FitIsotonicWeighted is FitIsotonic with a weight per pair (nil: all 1):
// each block's value is its weighted mean label. Pairs with a NaN,
// negative or zero weight are skipped; with w shorter than p and y, the
// pairs beyond it are skipped too.
func FitIsotonicWeighted(p, y, w []float64) (xs, ys []float64) {
	n := min(len(p), len(y))
	if w != nil {
		n = min(n, len(w))
	}
	weight := func(i int) float64 {
		if w == nil {
			return 1
		}
		return w[i]
	}
	idx := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if !math.IsNaN(p[i]) && !math.IsNaN(y[i]) && weight(i) > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil, nil
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })

	type block struct {
		lo, hi float64 // score range
		sum    float64 // Σ y
		n      float64 // Σ weight
	}
	var st []block
	for k := 0; k < len(idx); {
		x := p[idx[k]]
		bl := block{lo: x, hi: x}
		for k < len(idx) && p[idx[k]] == x {
			bl.sum += weight(idx[k]) * y[idx[k]]
			bl.n += weight(idx[k])
			k++
		}
		st = append(st, bl)
		for len(st) > 1 {
			a, b := st[len(st)-2], st[len(st)-1]
			if a.sum/a.n < b.sum/b.n {
				break
			}
			st = st[:len(st)-2]
			st = append(st, block{lo: a.lo, hi: b.hi, sum: a.sum + b.sum, n: a.n + b.n})
		}
	}
	for _, bl := range st {
		v := bl.sum / bl.n
		xs = append(xs, bl.lo)
		ys = append(ys, v)
		if bl.hi > bl.lo {
			xs = append(xs, bl.hi)
			ys = append(ys, v)
		}
	}
	return xs, ys
}
