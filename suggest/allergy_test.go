package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestAllergyStatus checks that the patient's allergy becomes its status
// code, at the decision threshold when the assessment or plan takes it up
// and just below it when only the allergies section lists it, and that no
// allergy, a denied one or a relative's gives none.
func TestAllergyStatus(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note, code string
		want             int // 0 absent, 1 below the threshold, 2 at it or above
	}{
		{"listed", "ALLERGIES: Penicillin (rash).\nASSESSMENT: Essential hypertension.", "Z88.0", 1},
		{"taken up", "ALLERGIES: Amoxicillin caused hives.\nASSESSMENT: Acute otitis media.\nPLAN: Cefdinir given amoxicillin allergy.", "Z88.0", 2},
		{"class", "ALLERGIES: Sulfa drugs (rash).\nASSESSMENT: Cystitis.", "Z88.2", 1},
		{"contrast", "ALLERGIES: Iodinated contrast (hives).\nASSESSMENT: Osteoarthritis of the right hip.", "Z91.041", 1},
		{"allergic to, in the plan", "ASSESSMENT: Cellulitis of the left leg.\nPLAN: Doxycycline, as she is allergic to cephalexin.", "Z88.1", 2},
		{"none", "ALLERGIES: NKDA.\nASSESSMENT: Essential hypertension.", "Z88.0", 0},
		{"denied", "ASSESSMENT: Acute otitis media. No allergy to penicillin.", "Z88.0", 0},
		{"a relative", "FAMILY HISTORY: Mother allergic to penicillin.\nASSESSMENT: Essential hypertension.", "Z88.0", 0},
		{"a drug taken", "MEDICATIONS: Amoxicillin 500 mg three times daily.\nASSESSMENT: Acute sinusitis.", "Z88.0", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 40})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			if s := find(res, tc.code); s != nil {
				got = 1
				if s.Confidence >= res.Threshold {
					got = 2
				}
			}
			if got != tc.want {
				t.Errorf("%s: got %d, want %d (0 absent, 1 below, 2 at the threshold): %v", tc.code, got, tc.want, codes(res))
			}
		})
	}
}
