package suggest

import (
	"strings"
	"testing"
)

// TestMayOpenSlot: the prefilter is never false where the lower-cased
// title holds the slot phrase.
func TestMayOpenSlot(t *testing.T) {
	for _, title := range []string{
		"", ", unspecified whether", "Asthma, unspecified whether with exacerbation",
		"ASTHMA, UNSPECIFIED WHETHER x", "a, b, Unspecified Whether c", "a,, unspecified whether ",
		"Type 2 diabetes mellitus without complications", "x, unspecified", "x , unspecified whether y",
		"İ, unspecified whether", "Caf\u00e9, unspecified whether y", "a, b", ", ",
	} {
		want := strings.Contains(strings.ToLower(title), ", unspecified whether ")
		if got := mayOpenSlot(title); want && !got {
			t.Errorf("mayOpenSlot(%q) = false, but the title holds the phrase", title)
		}
		if isASCII(title) && mayOpenSlot(title) != want {
			t.Errorf("mayOpenSlot(%q) = %v on an ASCII title, want %v", title, mayOpenSlot(title), want)
		}
	}
}
