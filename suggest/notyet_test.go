package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestStatusNotYet checks that a device, opening or aftercare the plan or
// follow-up names, or an operation still to come, adds no status code,
// while the same device the patient lives with does, and that counselling
// the plan gives is no reason for the encounter while counselling the
// visit is for is.
func TestStatusNotYet(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note, code string
		want             bool
	}{
		{"has it", "PAST SURGICAL HISTORY: Right total hip arthroplasty in 2019.\nASSESSMENT: Essential hypertension.", "Z96.641", true},
		{"operation to come", "REASON FOR VISIT: Medical clearance before elective right total hip arthroplasty.\nASSESSMENT: Essential hypertension.", "Z96.641", false},
		{"in the plan", "ASSESSMENT: Cataract of the right eye.\nPLAN: Phacoemulsification with intraocular lens implant, right eye.", "Z96.1", false},
		{"counselling in the plan", "ASSESSMENT: Essential hypertension.\nPLAN: Continue lisinopril. Counseling on diet and exercise.", "Z71.82", false},
		{"counselling the reason", "REASON FOR VISIT: Exercise counseling.\nASSESSMENT: Exercise counseling.", "Z71.82", true},
		{"aftercare to come", "ASSESSMENT: Laceration of the scalp, repaired.\nFOLLOW-UP: Suture removal in 1 week.", "Z48.02", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 40})
			if err != nil {
				t.Fatal(err)
			}
			s := find(res, tc.code)
			if got := s != nil && s.Confidence >= res.Threshold; got != tc.want {
				t.Errorf("%s recommended %v, want %v: %v", tc.code, got, tc.want, codes(res))
			}
		})
	}
}
