package suggest

import (
	"strings"
	"testing"
)

// TestDropBrackets: dropBrackets removes what the replacer it replaces
// removed, byte for byte.
func TestDropBrackets(t *testing.T) {
	r := strings.NewReplacer("(", "", ")", "", "[", "", "]", "")
	for _, s := range []string{"", "type 2", "(primary)", "Essential (primary) [hypertension]", "a((b))c", "\xff(x)"} {
		if got, want := dropBrackets(s), r.Replace(s); got != want {
			t.Errorf("dropBrackets(%q) = %q, want %q", s, got, want)
		}
	}
}
