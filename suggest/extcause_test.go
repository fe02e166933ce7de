package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/suggest"
)

// TestExternalCauseAlone checks that an external cause code is not
// recommended without an injury it explains (guideline I.C.20), and stays
// recommended beside one.
func TestExternalCauseAlone(t *testing.T) {
	eng := engine(t)
	alone := func(s *suggest.Suggestion) bool {
		return slices.ContainsFunc(s.Edits, func(e suggest.Edit) bool { return e.Kind == "external_cause_alone" })
	}
	for _, tc := range []struct {
		note, code string
		alone      bool
	}{
		{"Frequent falls.", "W19.XXXA", true},
		{"Fall from ladder with closed fracture of the right radial shaft, initial encounter.", "W11.XXXA", false},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		s := find(res, tc.code)
		if s == nil {
			t.Fatalf("%q: %s not ranked: %v", tc.note, tc.code, codes(res))
		}
		if alone(s) != tc.alone {
			t.Errorf("%q: %s edits %+v, want external_cause_alone %v", tc.note, tc.code, s.Edits, tc.alone)
		}
		if tc.alone && s.Confidence >= eng.DecisionThreshold() {
			t.Errorf("%q: %s at %.2f, above the threshold", tc.note, tc.code, s.Confidence)
		}
	}
}
