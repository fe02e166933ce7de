package suggest

import (
	"strings"
	"testing"
)

// sameWordASCII must answer as lower-casing both words does, or leave a
// word that is not ASCII to the caller.
func TestSameWordASCII(t *testing.T) {
	for _, tc := range []struct {
		note, name string
		want       bool
	}{
		{"pins", "PIN", true},
		{"PINS", "pin", true},
		{"PINs", "Pin", true},
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
		ln := strings.ToLower(tc.name)
		got, ok := sameWordASCII(tc.note, tc.name)
		if !ok {
			got = lw == ln || lw == ln+"s"
		}
		if got != tc.want {
			t.Errorf("sameWordASCII(%q, %q) = %v, %v; want %v", tc.note, tc.name, got, ok, tc.want)
		}
		if ref := lw == ln || lw == ln+"s"; ref != tc.want {
			t.Errorf("reference for (%q, %q) = %v, want %v", lw, tc.name, ref, tc.want)
		}
	}
}
