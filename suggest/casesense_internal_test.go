package suggest

import (
	"strings"
	"testing"
)

// sameWordOrPlural must answer as lower-casing both words does.
func TestSameWordOrPlural(t *testing.T) {
	for _, tc := range []struct {
		note, name string
		want       bool
	}{
		{"pins", "PIN", true},
		{"pin", "PIN", true},
		{"fit", "Fit", true},
		{"fits", "Fit", true},
		{"fitt", "Fit", false},
		{"fi", "Fit", false},
		{"fix", "Fit", false},
		{"s", "", true},
		{"", "", true},
		{"ss", "", false},
		{"ménière", "Ménière", true},
		{"ménières", "MÉNIÈRE", true},
		{"menieres", "Ménière", false},
		{"x1s", "X1", true},
		{"[s", "{", false},
	} {
		lw := strings.ToLower(tc.note)
		if got := sameWordOrPlural(lw, tc.name); got != tc.want {
			t.Errorf("sameWordOrPlural(%q, %q) = %v, want %v", lw, tc.name, got, tc.want)
		}
		ln := strings.ToLower(tc.name)
		if ref := lw == ln || lw == ln+"s"; ref != tc.want {
			t.Errorf("reference for (%q, %q) = %v, want %v", lw, tc.name, ref, tc.want)
		}
	}
}
