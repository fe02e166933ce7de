package suggest

import (
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// TestStatusTable: every rule of status.txt names a billable code of the
// loaded ICD-10-CM release (none is dropped silently), and a malformed
// line is an error naming the line.
func TestStatusTable(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := testCodeSet(t)
	rules, err := parseStatusRules(set, statusTable)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, l := range strings.Split(statusTable, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			lines++
		}
	}
	if len(rules) != lines {
		t.Errorf("%d of %d status rules name a billable code", len(rules), lines)
	}
	for _, bad := range []string{"Z79.01\tdrug", "Z79.01\tsometimes\twarfarin"} {
		if _, err := parseStatusRules(set, "# c\n"+bad+"\n"); err == nil || !strings.Contains(err.Error(), "status.txt:2") {
			t.Errorf("%q: err %v, want one naming status.txt:2", bad, err)
		}
	}
	// The "with" table is derived from the index: diabetes type 2 with
	// chronic kidney disease is E11.22.
	with, _ := withTable(set, func(s string) []string { return strings.Fields(strings.ToLower(s)) })
	found := false
	for _, r := range with["Diabetes, diabetic, type 2"] {
		if set.Brief(r.code).Code == "E11.22" && strings.Join(r.sub, " ") == "chronic kidney disease" {
			found = true
		}
	}
	if !found {
		t.Error("no \"Diabetes, diabetic, type 2, with, chronic kidney disease\" -> E11.22 in the with table")
	}
}
