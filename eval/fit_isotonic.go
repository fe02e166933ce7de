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
	n := min(len(p), len(y))
	idx := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if !math.IsNaN(p[i]) && !math.IsNaN(y[i]) {
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
		n      float64
	}
	var st []block
	for k := 0; k < len(idx); {
		x := p[idx[k]]
		bl := block{lo: x, hi: x}
		for k < len(idx) && p[idx[k]] == x {
			bl.sum += y[idx[k]]
			bl.n++
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
