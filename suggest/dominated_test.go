package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/suggest"
)

// TestDominatedYields: a code found only through words inside a longer
// name the note states in full ranks below that name's code, however
// strong its prior: "infection" (B99.9) in "COVID-19 infection" (U07.1).
func TestDominatedYields(t *testing.T) {
	t.Parallel()
	names := suggest.FeatureNames()
	w := make([]float64, len(names))
	w[slices.Index(names, "prior")] = 1 // the prior alone ranks
	m := &suggest.Model{Features: names, Weights: w, Priors: map[string]float64{
		"ICD-10-CM|B99.9": 2, "ICD-10-CM|U07.1": -3, "default": -5,
	}}
	eng := withModel(t, m)
	res, err := eng.Suggest(context.Background(), suggest.Request{Text: "COVID-19 infection, mild.", MaxResults: 20})
	if err != nil {
		t.Fatal(err)
	}
	u, b := find(res, "U07.1"), find(res, "B99.9")
	if u == nil {
		t.Fatalf("U07.1 not suggested: %v", codes(res))
	}
	if b != nil && b.Confidence >= u.Confidence {
		t.Errorf("B99.9 at %.4f not below U07.1 at %.4f: %v", b.Confidence, u.Confidence, codes(res))
	}
}
