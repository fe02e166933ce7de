package eval

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/suggest"
)

// TestFitCeiling: the ceiling never splits on a corpus feature, however
// predictive it is in training, and its out-of-fold confidences are
// calibrated probabilities of the note's own evidence.
func TestFitCeiling(t *testing.T) {
	names := suggest.FeatureNames()
	prior, score := slices.Index(names, "prior"), slices.Index(names, "score")
	r := rand.New(rand.NewPCG(1, 2))
	var X [][]float64
	var y []float64
	var folds []int
	for i := range 600 {
		x := make([]float64, len(names))
		x[score] = r.Float64()
		lab := 0.0
		if r.Float64() < x[score] {
			lab = 1
		}
		// The prior says the label outright: the corpus's distribution.
		x[prior] = -6 + 4*lab
		X, y = append(X, x), append(y, lab)
		folds = append(folds, i%2)
	}
	c, conf, err := fitCeiling(X, y, nil, folds, 2, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(conf) != len(X) || len(c.Trees) == 0 || len(c.CalibX) == 0 {
		t.Fatalf("ceiling %d trees, %d calibration knots, %d confidences for %d rows", len(c.Trees), len(c.CalibX), len(conf), len(X))
	}
	for i, tr := range c.Trees {
		for j, f := range tr.Feature {
			if tr.Left[j] >= 0 && slices.Contains(suggest.CorpusFeatures(), names[f]) {
				t.Errorf("tree %d node %d splits on corpus feature %s", i, j, names[f])
			}
		}
	}
	// Low scores get low confidence, high scores high: the ceiling follows
	// the evidence, not the prior that predicted every label.
	lo, hi := 0.0, 0.0
	var nlo, nhi int
	for i, x := range X {
		switch {
		case x[score] < 0.2:
			lo += conf[i]
			nlo++
		case x[score] > 0.8:
			hi += conf[i]
			nhi++
		}
	}
	if lo/float64(nlo) > 0.35 || hi/float64(nhi) < 0.65 {
		t.Errorf("mean confidence %.2f at low scores, %.2f at high scores", lo/float64(nlo), hi/float64(nhi))
	}
}
