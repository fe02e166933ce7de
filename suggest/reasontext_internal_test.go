package suggest

import (
	"fmt"
	"testing"

	"medcode/corpus"
)

// TestGiveWayReason holds giveWayReason, built by concatenation, equal to
// the fmt.Sprintf form of each reason.
func TestGiveWayReason(t *testing.T) {
	formats := map[giveWhy]string{
		whyComplication: "the note documents %s (%s), a complication in the same category",
		whyExplained:    "the reason for the visit or study, explained by %s (%s) in the note's conclusion: not coded separately",
		whyIntegral:     "a sign or symptom routinely part of %s (%s), which the note documents: not coded separately",
		whyNamed:        "a sign or symptom named by %s (%s), which the note documents: not coded separately",
		whyMore:         "the note documents %s (%s), which says more",
	}
	for _, bb := range []corpus.Brief{
		{System: corpus.ICD10CM, Code: "I12.9", Display: "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease"},
		{System: corpus.ICD10CM, Code: "E11.22", Display: "Type 2 diabetes mellitus with diabetic chronic kidney disease (100%)"},
		{},
	} {
		for why, f := range formats {
			if got, want := giveWayReason(why, &bb), fmt.Sprintf(f, bb.Code, bb.Display); got != want {
				t.Errorf("giveWayReason(%d, %s) = %q, want %q", why, bb.Code, got, want)
			}
		}
		if got := giveWayReason(0, &bb); got != "" {
			t.Errorf("giveWayReason(0, %s) = %q, want \"\"", bb.Code, got)
		}
	}
}

// TestConflictReasonText holds conflictText, built by concatenation, equal
// to the fmt.Sprintf form.
func TestConflictReasonText(t *testing.T) {
	for _, tt := range [][5]string{
		{"type", "1", "E11.9", "type", "2"},
		{"stage 3a", "kidney", "N18.9", "unspecified", "kidney"},
		{"", "", "", "", ""},
		{"100%", "%s", "X", "%d", "y"},
	} {
		got := conflictText(tt[0], tt[1], tt[2], tt[3], tt[4])
		want := fmt.Sprintf("note says %s %s; %s is %s %s", tt[0], tt[1], tt[2], tt[3], tt[4])
		if got != want {
			t.Errorf("conflictText(%q) = %q, want %q", tt, got, want)
		}
	}
}
