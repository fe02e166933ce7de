package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestUnaddressed checks that a condition listed only in the past medical
// history of a note with its own assessment falls below the threshold with
// its reason, and keeps its place when the assessment takes it up.
func TestUnaddressed(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note string
		above      bool
	}{
		{"listed only", "PAST MEDICAL HISTORY: Essential hypertension.\nASSESSMENT: Acute bronchitis.", false},
		{"taken up", "PAST MEDICAL HISTORY: Essential hypertension.\nASSESSMENT: Essential hypertension, controlled.", true},
		{"no assessment", "PAST MEDICAL HISTORY: Essential hypertension.", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range res.Suggestions {
				if s.Code != "I10" {
					continue
				}
				edit := false
				for _, ed := range s.Edits {
					edit = edit || ed.Kind == "not_addressed"
				}
				if above := s.Confidence >= eng.DecisionThreshold(); above != tc.above || edit == tc.above {
					t.Errorf("I10 at %.3f (threshold %.2f), not_addressed edit %v; want above threshold %v", s.Confidence, eng.DecisionThreshold(), edit, tc.above)
				}
				return
			}
			t.Fatalf("I10 not suggested: %+v", res.Suggestions)
		})
	}
}

// TestAnesthesiaSection checks that the anesthetic an operative note
// records is no condition: "local anesthesia" is not R20.0 anesthesia of
// skin.
func TestAnesthesiaSection(t *testing.T) {
	eng := engine(t)
	note := "PROCEDURE: Excision of basal cell carcinoma of the nasal ala.\nANESTHESIA: Local anesthesia with 1% lidocaine.\n"
	res, err := eng.Suggest(context.Background(), suggest.Request{Text: note, MaxResults: 30})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Suggestions {
		if s.Code == "R20.0" {
			t.Errorf("R20.0 suggested at %.2f from the anesthesia section", s.Confidence)
		}
	}
	found := false
	for _, r := range res.Rejected {
		found = found || r.Code == "R20.0" && r.Rule == "not_a_finding"
	}
	if !found {
		t.Errorf("R20.0 not rejected as not_a_finding: %+v", res.Rejected)
	}
}
