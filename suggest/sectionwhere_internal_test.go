package suggest

import (
	"testing"

	"medcode/nlp"
)

// TestSectionWhere holds sectionWhere's switch to reasonSections and
// answerSections: every kind of either map, the kinds of neither, the
// empty kind (a mention outside any section) and an unknown one.
func TestSectionWhere(t *testing.T) {
	kinds := []nlp.SectionKind{"", "no_such_section", nlp.PastMedicalHistory, nlp.FamilyHistory, nlp.Plan,
		nlp.ProblemList, nlp.AdmissionDiagnoses, nlp.PreoperativeDiagnosis, nlp.HospitalCourse, nlp.Objective}
	for k := range reasonSections {
		kinds = append(kinds, k)
	}
	for k := range answerSections {
		kinds = append(kinds, k)
	}
	for _, k := range kinds {
		var want uint8
		if reasonSections[k] {
			want |= inReason
		}
		if answerSections[k] {
			want |= inAnswer
		}
		if got := sectionWhere(k); got != want {
			t.Errorf("sectionWhere(%q) = %b, want %b", k, got, want)
		}
	}
}
