package nlp

import "testing"

// TestSectionAsserts holds sectionAsserts to sectionAssertion: true when
// and only when some section's kind asserts something.
func TestSectionAsserts(t *testing.T) {
	kinds := []SectionKind{"", ChiefComplaint, FamilyHistory, PastMedicalHistory, PastSurgicalHistory, Allergies, AssessmentAndPlan, SocialHistory}
	for _, a := range kinds {
		for _, b := range kinds {
			secs := []Section{{Kind: a}, {Kind: b}}
			want := sectionAssertion(a) != 0 || sectionAssertion(b) != 0
			if got := sectionAsserts(secs); got != want {
				t.Errorf("sectionAsserts(%q, %q) = %t, want %t", a, b, got, want)
			}
		}
	}
	if sectionAsserts(nil) {
		t.Error("sectionAsserts(nil) = true")
	}
	for kind, want := range map[SectionKind]Assertion{FamilyHistory: Family, PastMedicalHistory: Historical, PastSurgicalHistory: Historical | Ended, Allergies: Historical | Ended, Medications: 0} {
		if got := sectionAssertion(kind); got != want {
			t.Errorf("sectionAssertion(%q) = %v, want %v", kind, got, want)
		}
	}
}
