package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestUnconcluded checks that a sign or symptom a note names only outside
// its conclusion, and a condition only its history of the present illness
// or examination tells, falls below
// the threshold with its reason, and keeps its
// place when the assessment or plan takes it up, when it is the chief
// complaint, when the note has no conclusion, and when a concluded code's
// notes ask for it.
func TestUnconcluded(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note, code string
		lowered          bool
	}{
		{"history only", "HISTORY OF PRESENT ILLNESS: Palpitations for a week, with fatigue.\nASSESSMENT: Paroxysmal atrial fibrillation.", "R53.83", true},
		{"review of systems only", "REVIEW OF SYSTEMS: Positive for nocturia.\nASSESSMENT: Obstructive sleep apnea.", "R35.1", true},
		{"exam only", "PHYSICAL EXAM: Diaphoresis noted.\nIMPRESSION: Acute pancreatitis.", "R61", true},
		{"taken up", "HISTORY OF PRESENT ILLNESS: Fatigue for a month.\nASSESSMENT: Fatigue, cause unclear; check TSH.", "R53.83", false},
		{"in the plan", "HISTORY OF PRESENT ILLNESS: Fatigue for a month.\nASSESSMENT: Essential hypertension.\nPLAN: Check TSH for the fatigue.", "R53.83", false},
		{"no conclusion", "HISTORY OF PRESENT ILLNESS: Fatigue for a month.", "R53.83", false},
		{"exam finding", "PHYSICAL EXAM: Tonsils enlarged, 3+ bilaterally.\nASSESSMENT: Obstructive sleep apnea.", "J35.1", true},
		{"exam finding concluded", "PHYSICAL EXAM: Tonsils enlarged, 3+ bilaterally.\nASSESSMENT: Hypertrophy of tonsils.", "J35.1", false},
		{"condition in the story only", "HISTORY OF PRESENT ILLNESS: Episodes of hypoglycemia last year.\nASSESSMENT: Essential hypertension.", "E16.2", true},
		{"condition taken up", "HISTORY OF PRESENT ILLNESS: Episodes of hypoglycemia.\nASSESSMENT: Hypoglycemia, reduce glipizide.", "E16.2", false},
		{"external cause from the story", "HISTORY OF PRESENT ILLNESS: Slipped on ice yesterday and fell.\nASSESSMENT: Sprain of right ankle.", "W00.0XXA", false},
		{"procedure narrative", "POSTOPERATIVE DIAGNOSIS: Right inguinal hernia.\nDESCRIPTION OF PROCEDURE: The sac was reduced. Dense adhesions of the omentum were lysed.", "K66.0", true},
		{"asked for", "HISTORY OF PRESENT ILLNESS: Nocturia 3 times nightly.\nASSESSMENT: Benign prostatic hyperplasia with lower urinary tract symptoms.", "R35.1", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range res.Suggestions {
				if s.Code != tc.code {
					continue
				}
				edit := false
				for _, ed := range s.Edits {
					edit = edit || ed.Kind == "not_concluded"
				}
				if above := s.Confidence >= eng.DecisionThreshold(); above == tc.lowered || edit != tc.lowered {
					t.Errorf("%s at %.3f (threshold %.2f), not_concluded edit %v; want lowered %v", tc.code, s.Confidence, eng.DecisionThreshold(), edit, tc.lowered)
				}
				return
			}
			t.Fatalf("%s not suggested: %+v", tc.code, res.Suggestions)
		})
	}
}
