package suggest

import (
	"fmt"
	"testing"
)

// TestLessSpecificMessage holds lessSpecificMessage to the fmt form it
// stands for.
func TestLessSpecificMessage(t *testing.T) {
	for _, b := range [][2]string{
		{"J15.0", "Pneumonia due to Klebsiella pneumoniae"},
		{"M61.3", "Calcification and ossification of muscles associated with burns"},
		{"", ""},
		{"G56.01", "Carpal tunnel syndrome, right upper limb (100% %s)"},
	} {
		want := fmt.Sprintf("less specific than %s (%s), whose name the note states in full", b[0], b[1])
		if got := lessSpecificMessage(b[0], b[1]); got != want {
			t.Errorf("%q: %q, want %q", b, got, want)
		}
	}
}
