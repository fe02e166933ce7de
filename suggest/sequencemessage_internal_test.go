package suggest

import (
	"fmt"
	"testing"
)

// reason is why c lists sugs[c.a] before sugs[c.b], put the plain way
// with fmt: what order.message says after "listed before".
func (c *order) reason(sugs []Suggestion) string {
	a, b := sugs[c.a].Code, sugs[c.b].Code
	switch c.note {
	case noteCodeFirst:
		return fmt.Sprintf("the code first note of %s names %s (Tabular List, I.A.13)", b, a)
	case noteUseAdditional:
		return fmt.Sprintf("the use additional code note of %s names %s (Tabular List, I.A.13)", a, b)
	case noteElsewhere:
		return fmt.Sprintf("%s names a disease classified elsewhere and is listed after it (I.A.13)", b)
	}
	return c.why
}

// TestOrderMessage holds order.message to the fmt form it stands for, for
// every kind of note and a rule's own reason.
func TestOrderMessage(t *testing.T) {
	sugs := []Suggestion{{Code: "E11.9"}, {Code: "N18.3"}, {Code: "B95.2"}}
	for _, c := range []order{
		{a: 0, b: 1, note: noteCodeFirst},
		{a: 1, b: 0, note: noteUseAdditional},
		{a: 0, b: 2, note: noteElsewhere},
		{a: 2, b: 1, why: "sepsis before the localized infection (I.C.1.d.4)"},
		{a: 1, b: 2},
	} {
		want := fmt.Sprintf("listed before %s: %s", sugs[c.b].Code, c.reason(sugs))
		if got := c.message(sugs); got != want {
			t.Errorf("%+v: %q, want %q", c, got, want)
		}
	}
}
