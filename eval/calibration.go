package eval

import "math"

// Bin is one row of a reliability table: the predictions whose confidence
// fell in [Lo, Hi) (the last bin includes 1).
type Bin struct {
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
	Count      int     `json:"count"`
	Confidence float64 `json:"confidence"` // mean confidence in the bin
	Accuracy   float64 `json:"accuracy"`   // fraction of the bin that was correct
}

// Reliability groups predictions p with outcomes y (1 correct, 0 wrong) into
// bins equal-width bins over [0,1]; bins <= 0 means 10. Confidences outside
// [0,1] are clamped; NaN pairs are skipped. Empty bins are kept, with zero
// means.
func Reliability(p, y []float64, bins int) []Bin {
	if bins <= 0 {
		bins = 10
	}
	out := make([]Bin, bins)
	sumP := make([]float64, bins)
	sumY := make([]float64, bins)
	for i := range out {
		out[i].Lo = float64(i) / float64(bins)
		out[i].Hi = float64(i+1) / float64(bins)
	}
	n := min(len(p), len(y))
	for i := 0; i < n; i++ {
		if math.IsNaN(p[i]) || math.IsNaN(y[i]) {
			continue
		}
		c := math.Min(math.Max(p[i], 0), 1)
		k := int(c * float64(bins))
		if k >= bins {
			k = bins - 1
		}
		out[k].Count++
		sumP[k] += c
		sumY[k] += y[i]
	}
	for k := range out {
		if out[k].Count > 0 {
			out[k].Confidence = sumP[k] / float64(out[k].Count)
			out[k].Accuracy = sumY[k] / float64(out[k].Count)
		}
	}
	return out
}

// ECE is the expected calibration error over bins equal-width bins (0 means
// 10):
//
//	ECE = Σ_b (n_b / N) · |mean confidence_b − accuracy_b|
//
// It is 0 when there are no predictions.
func ECE(p, y []float64, bins int) float64 {
	tab := Reliability(p, y, bins)
	total := 0
	for _, b := range tab {
		total += b.Count
	}
	if total == 0 {
		return 0
	}
	e := 0.0
	for _, b := range tab {
		e += float64(b.Count) / float64(total) * math.Abs(b.Confidence-b.Accuracy)
	}
	return e
}

// Brier is the mean squared error of the probabilities p against the
// outcomes y: (1/N) Σ (p_i − y_i)². It is 0 when there are no predictions;
// NaN pairs are skipped.
func Brier(p, y []float64) float64 {
	n := min(len(p), len(y))
	s, k := 0.0, 0
	for i := 0; i < n; i++ {
		if math.IsNaN(p[i]) || math.IsNaN(y[i]) {
			continue
		}
		d := p[i] - y[i]
		s += d * d
		k++
	}
	if k == 0 {
		return 0
	}
	return s / float64(k)
}
