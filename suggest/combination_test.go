package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/suggest"
)

// TestCombinationRules: the note's linked conditions, acuity, cause and
// organism select the code the Index and the Tabular give them; absorbed
// and replaced codes are gone; a combination's kept parts follow it.
func TestCombinationRules(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		note    string
		annot   bool
		order   []string // suggested, in this relative order
		without []string // not suggested
	}{
		// "with": coronary atherosclerosis with angina (I.C.9.b).
		{note: "Coronary artery disease with unstable angina.", order: []string{"I25.110"}, without: []string{"I20.0", "I25.10"}},
		// The kept part follows its combination code.
		{note: "Type 2 diabetes with chronic kidney disease, stage 3a.", order: []string{"E11.22", "N18.31"}, without: []string{"E11.9"}},
		{note: "Hypertension with chronic systolic heart failure.", order: []string{"I11.0", "I50.22"}, without: []string{"I10"}},
		{note: "Hypertension and CKD stage 4.", order: []string{"I12.9", "N18.4"}, without: []string{"I10"}},
		// Hypertensive heart disease is heart involvement without failure.
		{note: "Hypertensive heart disease without heart failure.", order: []string{"I11.9"}, without: []string{"I10", "I11.0"}},
		// Acuity.
		{note: "Chronic HFpEF.", order: []string{"I50.32"}, without: []string{"I50.30"}},
		// Annotating: the Index's cross-reference "Failure, heart, with
		// preserved ejection fraction, chronic - see Failure, heart,
		// diastolic, chronic" reaches I50.32 itself; no unspecified code
		// was suggested for the acuity rule to keep.
		{note: "Chronic HFpEF.", annot: true, order: []string{"I50.32"}},
		{note: "Acute on chronic diastolic heart failure.", order: []string{"I50.33"}, without: []string{"I50.30", "I50.32"}},
		{note: "Chronic systolic heart failure and acute bronchitis.", order: []string{"I50.22"}, without: []string{"I50.23"}},
		// Cause.
		// E08 "code first the underlying condition, such as ... pancreatitis
		// (K85-K86.-)"; I.C.4.a.6.b sequences by that note.
		{note: "Diabetes mellitus due to chronic pancreatitis.", order: []string{"K86.1", "E08.9"}, without: []string{"E11.9"}},
		{note: "Steroid-induced diabetes.", order: []string{"E09.9"}, without: []string{"E11.9"}},
		{note: "Type 2 diabetes due to obesity.", order: []string{"E11.9"}, without: []string{"E08.9"}},
		// Organism.
		{note: "Influenza with pneumonia, flu A positive.", order: []string{"J10.00"}, without: []string{"J11.00"}},
		{note: "Influenza with pneumonia.", order: []string{"J11.00"}, without: []string{"J10.00"}},
	}
	for _, tc := range tests {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, Annotate: tc.annot})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.Suggestions {
			if s.Confidence >= res.Threshold {
				got = append(got, s.Code)
			}
		}
		last := -1
		for _, c := range tc.order {
			i := slices.Index(got, c)
			if i < 0 || i < last {
				t.Errorf("%q: got %v, want %v in this order", tc.note, got, tc.order)
				break
			}
			last = i
		}
		for _, c := range tc.without {
			if slices.Contains(got, c) {
				t.Errorf("%q: got %v, want no %s", tc.note, got, c)
			}
		}
	}
}
