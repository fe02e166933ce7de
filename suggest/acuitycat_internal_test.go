package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestCategoryAcuityKeepsStated: a category's acuity facts list only the
// titles that state an acuity (findAcuitySibling matches no other), and
// the siblings are found as before.
func TestCategoryAcuityKeepsStated(t *testing.T) {
	e := realEngine(t)
	facts := e.categoryAcuity("I50")
	billable := 0
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		if b := e.set.Brief(id); b.Billable && category(b.Code) == "I50" {
			billable++
		}
	}
	if len(facts) == 0 || len(facts) >= billable {
		t.Fatalf("I50: %d acuity facts of %d billable codes", len(facts), billable)
	}
	for _, f := range facts {
		if f.acuity == acuityNone {
			t.Errorf("%s: kept without an acuity", f.code)
		}
	}
	for _, tc := range []struct{ code, v, want string }{
		{"I50.22", acuityAcute, "I50.21"},
		{"I50.21", acuityAcuteOnChronic, "I50.23"},
		{"I50.32", acuityAcute, "I50.31"},
	} {
		id, _ := e.set.ID(corpus.ICD10CM, tc.code)
		_, key := titleAcuity(e.set.Brief(id).Display)
		got, ok := e.findAcuitySibling(tc.code, key, tc.v)
		if !ok || e.set.Brief(got).Code != tc.want {
			t.Errorf("%s %s: sibling %s (%v), want %s", tc.code, tc.v, e.set.Brief(got).Code, ok, tc.want)
		}
	}
}
