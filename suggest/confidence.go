package suggest

import (
	"math"

	"medcode/corpus"
	"medcode/nlp"
)

// prepare appends a candidate's scored to pre with its features computed;
// confidences fills in the rest. The scored (120 bytes) is written in its
// place in pre, not returned and copied there.
func (e *Engine) prepare(w *work, doc *nlp.Document, pre []scored, c *candidate, code corpus.ID, edits []Edit, f []float64) []scored {
	pre = append(pre, scored{})
	k := &pre[len(pre)-1]
	k.c, k.code, k.edits = c, code, edits
	k.f = e.features(w, doc, c, code, f)
	k.score = round(c.topRef().hit.Score, 4)
	return pre
}

// confidences scores prepared candidates: the model's log-odds (the tree
// ensemble evaluated tree by tree over all candidates, so each tree stays in
// cache), the feedback adjustment, then the calibration.
// feats holds the candidates' features in order, featureCount each.
func (e *Engine) confidences(w *work, ks []scored, feats []float64) {
	w.z = floats(w.z, len(ks))
	z := w.z
	m := e.model
	switch {
	case m != nil && e.forest.trees > 0:
		for i := range z {
			z[i] = m.Bias
		}
		e.forest.evalRows(z, feats, featureCount)
	case m != nil && len(m.Weights) == featureCount:
		for i := range ks {
			z[i] = m.Bias
			for j, w := range m.Weights {
				z[i] += w * ks[i].f[j]
			}
		}
	default:
		for i := range ks {
			z[i] = untrainedLogit(ks[i].f)
		}
	}
	var ceil []float64
	if m != nil && m.Ceiling != nil && e.ceiling.trees > 0 {
		w.ceil = floats(w.ceil, len(ks))
		ceil = w.ceil
		e.ceilingConfidences(w, ceil, feats)
	}
	for i := range ks {
		k := &ks[i]
		if e.adj != nil {
			if b := e.set.Brief(k.code); e.adj.Adjusts(string(b.System), b.Code) {
				k.adj = e.adj.Adjust(string(b.System), b.Code, e.nameTerms(k.c.top()))
				z[i] += k.adj
			}
		}
		k.z = round(z[i], 6)
		conf := sigmoid(z[i])
		if m != nil && len(m.CalibX) > 0 {
			conf = e.calib.of(conf) // Calibrate(m.CalibX, m.CalibY, conf)
		}
		if ceil != nil && k.adj == 0 {
			conf = m.Ceiling.bound(conf, ceil[i])
		}
		k.conf = round(conf, 4)
	}
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// pow10 is math.Pow(10, d): the digits round is asked for (3, 4 and 6)
// tested first, in a body small enough to inline into round (the switch
// and Pow's call made a call of its own, about a third of round's cost);
// pow10Of answers the others.
func pow10(d int) float64 {
	switch d {
	case 4:
		return 1e4
	case 6:
		return 1e6
	case 3:
		return 1e3
	}
	return pow10Of(d)
}

// pow10Of is math.Pow(10, d): exact literals for 0-6 digits (math.Pow's
// own values, TestPow10), math.Pow past them.
func pow10Of(d int) float64 {
	switch d {
	case 0:
		return 1
	case 1:
		return 10
	case 2:
		return 100
	case 3:
		return 1e3
	case 4:
		return 1e4
	case 5:
		return 1e5
	case 6:
		return 1e6
	}
	return math.Pow(10, float64(d))
}

// untrainedLogit scores a candidate without a model: retrieval score,
// discounted when dominated, with a little credit for repeated mentions.
func untrainedLogit(f []float64) float64 {
	s := f[0] * (1 - 0.4*f[7]) * (1 + 0.08*f[6]) * (1 - f[37])
	if f[15] > 0 {
		s *= 0.8
	}
	return 7 * (s - 0.62)
}

// Calibrate maps a re-ranker probability p through the isotonic
// calibration points (xs ascending, ys): piecewise-linear between knots,
// flat beyond the ends; at a repeated x the upper knot's y is used. With no
// points it returns p. Training and the engine share it.
func Calibrate(xs, ys []float64, p float64) float64 {
	n := min(len(xs), len(ys))
	if n == 0 || math.IsNaN(p) {
		return p
	}
	if p <= xs[0] {
		return ys[0]
	}
	if p >= xs[n-1] {
		return ys[n-1]
	}
	// First knot strictly above p (sort.Search, without the closure).
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !(xs[h] > p) {
			i = h + 1
		} else {
			j = h
		}
	}
	x0, x1 := xs[i-1], xs[i]
	y0, y1 := ys[i-1], ys[i]
	if x1 == x0 {
		return y1
	}
	return y0 + (y1-y0)*(p-x0)/(x1-x0)
}
