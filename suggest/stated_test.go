package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestStatedHistory checks that a family- or personal-history code the
// assessment or the indication states in the code's own words reaches the
// decision threshold under a model that scores every candidate low, while
// the same history told only in the family history section, an
// unspecified history code and a condition that is no history code stay
// where the model put them.
func TestStatedHistory(t *testing.T) {
	t.Parallel()
	// One leaf: every candidate at log-odds -6, far below the threshold.
	low := suggest.Tree{Feature: []int{-1}, Threshold: []float64{0}, Left: []int{-1}, Right: []int{-1}, Value: []float64{-6}}
	eng := withModel(t, &suggest.Model{Version: suggest.ModelVersion, Features: suggest.FeatureNames(), Trees: []suggest.Tree{low}, Threshold: 0.3})
	cases := []struct {
		name, note, code string
		raised           bool
	}{
		{"assessment", "ASSESSMENT:\n1. Benign prostatic hyperplasia.\n2. Family history of prostate cancer.", "Z80.42", true},
		{"indication", "INDICATION: Family history of malignant neoplasm of prostate.\nIMPRESSION: Normal.", "Z80.42", true},
		{"family section only", "FAMILY HISTORY: Family history of prostate cancer.\nASSESSMENT: Benign prostatic hyperplasia.", "Z80.42", false},
		{"unspecified", "ASSESSMENT: Family history of malignant neoplasm.", "Z80.9", false},
		{"not a history code", "ASSESSMENT: Benign prostatic hyperplasia.", "N40.0", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			s := find(res, tc.code)
			if s == nil {
				t.Fatalf("%s not suggested: %v", tc.code, codes(res))
			}
			edit := false
			for _, ed := range s.Edits {
				edit = edit || ed.Kind == "stated_history"
			}
			if raised := s.Confidence >= res.Threshold; raised != tc.raised || edit != tc.raised {
				t.Errorf("%s at %.3f (threshold %.2f), stated_history edit %v; want raised %v", tc.code, s.Confidence, res.Threshold, edit, tc.raised)
			}
		})
	}
}
