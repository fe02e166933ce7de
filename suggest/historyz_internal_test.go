package suggest

import (
	"strings"
	"testing"
)

// historyZPlain is historyZ as a list of prefixes.
func historyZPlain(code string) bool {
	for _, p := range [...]string{"Z80", "Z81", "Z82", "Z83", "Z84", "Z85", "Z86", "Z87"} {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// TestHistoryZIsPrefixList holds historyZ to historyZPlain on every code
// of the real set and on short and odd strings.
func TestHistoryZIsPrefixList(t *testing.T) {
	e := realEngine(t)
	n := 0
	for _, sys := range e.set.Systems() {
		for _, id := range e.set.IDs(sys) {
			code := e.set.CodeString(id)
			if got, want := historyZ(code), historyZPlain(code); got != want {
				t.Errorf("historyZ(%q) = %v, want %v", code, got, want)
			} else if got {
				n++
			}
		}
	}
	for _, code := range []string{"", "Z", "Z8", "Z80", "Z87.891", "Z88", "Z79", "Z8/", "Z8:", "z80", "Y80", "Z08"} {
		if got, want := historyZ(code), historyZPlain(code); got != want {
			t.Errorf("historyZ(%q) = %v, want %v", code, got, want)
		}
	}
	if n == 0 {
		t.Error("no history code in the set")
	}
}
