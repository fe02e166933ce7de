package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestDefaultChild checks the child a category resolves to when the note
// gives no detail: "without" decides only where siblings differ by it, and
// a child whose inclusion term is the parent's title plus "NOS" is the
// Tabular's own default.
func TestDefaultChild(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct{ note, first, not string }{
		// Every I26.9x child says "without acute cor pulmonale": the
		// catch-all, not the first child (septic).
		{"Acute pulmonary embolism without acute cor pulmonale.", "I26.99", "I26.90"},
		// K42.0 says with obstruction (and without gangrene): the note
		// names no obstruction.
		{"Umbilical hernia.", "K42.9", "K42.0"},
		// No child of C92.0 is "unspecified": C92.00 holds the inclusion
		// term "Acute myeloblastic leukemia NOS", so the bare condition
		// is filed there, not left as the header.
		{"Acute myeloid leukemia.", "C92.00", "C92.0"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.first {
			t.Errorf("%q: first %v, want %s", tc.note, res.Suggestions, tc.first)
			continue
		}
		for _, s := range res.Suggestions {
			if s.Code == tc.not && s.Confidence >= eng.DecisionThreshold() {
				t.Errorf("%q: %s at %.2f, above the threshold", tc.note, s.Code, s.Confidence)
			}
		}
	}
}
