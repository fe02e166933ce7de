package eval

import (
	"math/rand/v2"
	"sort"
)

// DefaultResamples is the number of bootstrap resamples when Options and
// Compare do not say.
const DefaultResamples = 1000

// intervals fills r.CI with 95% percentile-bootstrap intervals for MAP and
// micro-F1, resampling cases with replacement.
func intervals(r *Report, resamples int, seed uint64) {
	if resamples == 0 {
		resamples = DefaultResamples
	}
	if resamples < 0 || len(r.Results) == 0 {
		return
	}
	rng := rand.New(rand.NewPCG(seed, 0x6d6564636f6465)) // "medcode"
	n := len(r.Results)
	maps := make([]float64, resamples)
	f1s := make([]float64, resamples)
	for b := 0; b < resamples; b++ {
		var ap float64
		var scored, tp, fp, fn int
		for i := 0; i < n; i++ {
			c := &r.Results[rng.IntN(n)]
			if c.Gold > 0 {
				ap += c.AP
				scored++
			}
			tp += c.TP
			fp += c.FP
			fn += c.FN
		}
		if scored > 0 {
			maps[b] = ap / float64(scored)
		}
		f1s[b] = f1(tp, fp, fn)
	}
	r.CI = Intervals{Resamples: resamples, MAP: interval95(maps), MicroF1: interval95(f1s)}
}

// interval95 returns the 2.5th and 97.5th nearest-rank percentiles.
func interval95(v []float64) [2]float64 {
	sort.Float64s(v)
	return [2]float64{percentile(v, 0.025), percentile(v, 0.975)}
}
