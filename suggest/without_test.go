package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestWithoutPolarity checks that a name saying "X without Y" is not read
// in a note that says "Y without X": the words swap polarity.
func TestWithoutPolarity(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct{ note, first, notFirst string }{
		{"Panic disorder without agoraphobia.", "F41.0", "F40.02"},
		{"Agoraphobia without panic disorder.", "F40.02", "F41.0"},
		{"Chronic gastric ulcer without hemorrhage or perforation.", "K25.7", "K92.2"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.first {
			t.Errorf("%q: first %v, want %s", tc.note, codes(res), tc.first)
		}
		for _, s := range res.Suggestions {
			if s.Code == tc.notFirst && s.Confidence >= eng.DecisionThreshold() {
				t.Errorf("%q: %s at %.2f, above the threshold", tc.note, s.Code, s.Confidence)
			}
		}
	}
}
