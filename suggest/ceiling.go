package suggest

import "slices"

// Ceiling is a second re-ranker over the same features with the
// CorpusFeatures held at 0, and the isotonic calibration of its output.
// The lesser of two calibrated probabilities runs low, so LesserX/LesserY
// calibrate it again (isotonic, on the same out-of-fold rows): the
// confidence is Calibrate(LesserX, LesserY, min(main, ceiling)).
type Ceiling struct {
	Bias    float64   `json:"bias"`
	Trees   []Tree    `json:"trees"`
	CalibX  []float64 `json:"calibX"`
	CalibY  []float64 `json:"calibY"`
	LesserX []float64 `json:"lesserX,omitempty"`
	LesserY []float64 `json:"lesserY,omitempty"`
}

// bound is the confidence of a candidate whose main calibrated confidence
// is conf and whose ceiling is ceil.
func (c *Ceiling) bound(conf, ceil float64) float64 {
	return Calibrate(c.LesserX, c.LesserY, min(conf, ceil))
}

// CorpusFeatures name the features that carry the training corpus's code
// distribution rather than the note's words: the code and category priors
// and the co-occurrence lift. A Ceiling is fitted and evaluated with them at 0.
func CorpusFeatures() []string {
	return []string{"prior", "scorePrior", "catPrior", "cooc"}
}

// corpusColumns are the indices of CorpusFeatures in FeatureNames.
func corpusColumns() []int {
	names := FeatureNames()
	var out []int
	for _, n := range CorpusFeatures() {
		if i := slices.Index(names, n); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// WithoutCorpus returns a copy of the feature rows xs (width w) with the
// CorpusFeatures set to 0, into dst.
func WithoutCorpus(dst, xs []float64, w int) []float64 {
	dst = append(dst[:0], xs...)
	cols := corpusColumns()
	for r := 0; r+w <= len(dst); r += w {
		for _, c := range cols {
			dst[r+c] = 0
		}
	}
	return dst
}

// ceilingConfidences fills z with the ceiling's calibrated confidence of
// each row of feats (featureCount wide); w.gf is scratch, with room for
// rowPad values past its rows (evalDepth3).
func (e *Engine) ceilingConfidences(w *work, z, feats []float64) {
	c := e.model.Ceiling
	w.gf = WithoutCorpus(slices.Grow(w.gf[:0], len(feats)+rowPad), feats, featureCount)
	for i := range z {
		z[i] = c.Bias
	}
	e.ceiling.evalRows(z, w.gf, featureCount)
	for i := range z {
		z[i] = Calibrate(c.CalibX, c.CalibY, sigmoid(z[i]))
	}
}
