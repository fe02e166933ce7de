package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestPastConditionHistoryCode: a past condition the note says is over is
// coded with its personal-history code, the condition falling below the
// threshold; a bare "history of" a condition with no history code of its
// own, or one the note does not say is over, keeps the condition first.
func TestPastConditionHistoryCode(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		text, first, below string
	}{
		{"History of TIA, no residual deficits.", "Z86.73", "G45.9"},
		{"History of DVT, no longer on anticoagulation.", "Z86.718", "I82.409"},
		{"History of kidney stones, none in 3 years.", "Z87.442", "N20.0"},
		{"History of hypertension.", "I10", ""},
		{"History of DVT.", "I82.409", ""},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tt.first {
			t.Errorf("%q: first suggestion %v, want %s", tt.text, codes(res), tt.first)
		}
		if tt.below == "" {
			continue
		}
		if s := find(res, tt.below); s != nil && s.Confidence >= res.Threshold {
			t.Errorf("%q: %s at %.3f, want below the threshold %.3f", tt.text, tt.below, s.Confidence, res.Threshold)
		}
	}
}
