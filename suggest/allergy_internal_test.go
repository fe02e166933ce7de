package suggest

import (
	"strings"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestAllergyTable: every rule of allergy.txt names a billable code of the
// loaded ICD-10-CM release (none is dropped silently), and a malformed
// line is an error naming the line.
func TestAllergyTable(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := testCodeSet(t)
	rules, err := parseAllergyRules(set, allergyTable)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, l := range strings.Split(allergyTable, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			lines++
		}
	}
	if len(rules) != lines {
		t.Errorf("%d of %d allergy rules name a billable code", len(rules), lines)
	}
	for _, bad := range []string{"Z88.0", "Z88.0\tpenicillin\textra"} {
		if _, err := parseAllergyRules(set, "# c\n"+bad+"\n"); err == nil || !strings.Contains(err.Error(), "allergy.txt:2") {
			t.Errorf("%q: err %v, want one naming allergy.txt:2", bad, err)
		}
	}
}

// TestItemText: the medication-list item around a drug runs between the
// separators, so "p.r.n." of one entry is not another's.
func TestItemText(t *testing.T) {
	tests := []struct {
		text, drug, want string
	}{
		{"MEDICATIONS: Levothyroxine 50 mcg daily, ibuprofen p.r.n.", "ibuprofen", " ibuprofen p.r.n."},
		{"MEDICATIONS: Ibuprofen p.r.n., meloxicam 15 mg daily.", "meloxicam", " meloxicam 15 mg daily."},
		{"Meds: naproxen 500 mg as needed; lisinopril", "naproxen", "meds: naproxen 500 mg as needed"},
	}
	for _, tt := range tests {
		i := strings.Index(strings.ToLower(tt.text), tt.drug)
		doc := &nlp.Document{Text: tt.text}
		if got := itemText(doc, cue{start: i, end: i + len(tt.drug)}); got != tt.want {
			t.Errorf("itemText(%q, %s) = %q, want %q", tt.text, tt.drug, got, tt.want)
		}
	}
}
