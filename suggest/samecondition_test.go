package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestSameConditionBelowThreshold checks that a code of the same category
// that only says less than a suggested one ranks just below it but under
// the decision threshold, and that annotation keeps it above.
func TestSameConditionBelowThreshold(t *testing.T) {
	eng := engine(t)
	const note = "Asthma exacerbation."
	for _, annotate := range []bool{false, true} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: note, MaxResults: 20, Annotate: annotate})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) < 2 || res.Suggestions[0].Code != "J45.901" {
			t.Fatalf("annotate %v: %v, want J45.901 first", annotate, codes(res))
		}
		vague := find(res, "J45.909")
		if vague == nil {
			t.Fatalf("annotate %v: J45.909 not ranked: %v", annotate, codes(res))
		}
		if above := vague.Confidence >= eng.DecisionThreshold(); above != annotate {
			t.Errorf("annotate %v: J45.909 at %.4f (threshold %.2f)", annotate, vague.Confidence, eng.DecisionThreshold())
		}
	}
}
