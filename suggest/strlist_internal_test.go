package suggest

import (
	"slices"
	"testing"
)

// TestPackStrings: a packed list gives back each string, in order, empty
// ones included.
func TestPackStrings(t *testing.T) {
	for _, ss := range [][]string{
		nil,
		{""},
		{"fracture"},
		{"fracture, femur", "", "fracture, femur, neck", "é, ü"},
	} {
		l := packStrings(ss)
		var got []string
		for i := range l.len() {
			got = append(got, l.at(i))
		}
		if !slices.Equal(got, ss) {
			t.Errorf("packStrings(%q) gives back %q", ss, got)
		}
	}
}
