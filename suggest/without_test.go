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
		// "with fluctuations" after the negative part is positive: the
		// note negates it ("without mention of" is "without", stopword).
		{"Parkinson's disease without dyskinesia or fluctuations.", "G20.A1", "G20.A2"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tc.first {
			t.Errorf("%q: first %v, want %s", tc.note, codes(res), tc.first)
		}
		if first, other := find(res, tc.first), find(res, tc.notFirst); first != nil && other != nil && other.Confidence >= first.Confidence {
			t.Errorf("%q: %s at %.2f, not below %s at %.2f", tc.note, tc.notFirst, other.Confidence, tc.first, first.Confidence)
		}
	}
}
