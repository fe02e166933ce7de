package suggest

import (
	"strings"
	"testing"
)

// TestLowerHas: lowerHas answers as strings.ToLower then Contains or
// HasPrefix would, for ASCII titles and for the runes that lower to ASCII
// letters (dotted capital I, Kelvin sign).
func TestLowerHas(t *testing.T) {
	tests := []struct {
		s, pat string
		prefix bool
		want   bool
	}{
		{"Sepsis due to Escherichia coli [E. coli]", "sepsis", false, true},
		{"Streptococcal SEPSIS, unspecified", "sepsis", false, true},
		{"Septic arthritis", "sepsis", false, false},
		{"SEPSİS", "sepsis", false, true},
		{"Arthropathy in diseases classified elsewhere", "classified elsewhere", false, true},
		{"Classified\telsewhere", "classified elsewhere", false, false},
		{"Adverse effect of penicillins, initial encounter", "adverse effect of", true, true},
		{"Poisoning by, adverse effect of and underdosing of", "adverse effect of", true, false},
		{"UNDERDOSING OF insulin", "underdosing of", true, true},
		{"underdosİng of insulin", "underdosing of", true, true},
		{"Sepsi", "sepsis", false, false},
		{"", "sepsis", false, false},
		{"\u212Aidney", "kidney", true, true},
	}
	for _, tc := range tests {
		ref := strings.Contains(strings.ToLower(tc.s), tc.pat)
		if tc.prefix {
			ref = strings.HasPrefix(strings.ToLower(tc.s), tc.pat)
		}
		if ref != tc.want {
			t.Fatalf("%q: the test's want %v is not strings.ToLower's %v", tc.s, tc.want, ref)
		}
		if got := lowerHas(tc.s, tc.pat, tc.prefix); got != tc.want {
			t.Errorf("lowerHas(%q, %q, %v) = %v, want %v", tc.s, tc.pat, tc.prefix, got, tc.want)
		}
	}
}

// FuzzLowerHas: lowerHas agrees with strings.ToLower for any text.
func FuzzLowerHas(f *testing.F) {
	for _, s := range []string{"Sepsis", "SEPSİS", "diseases Classified Elsewhere", "Adverse effect of", "\u212A", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, pat := range []string{"sepsis", "classified elsewhere", "adverse effect of", "underdosing of"} {
			if got, want := lowerHas(s, pat, false), strings.Contains(strings.ToLower(s), pat); got != want {
				t.Errorf("lowerHas(%q, %q) = %v, want %v", s, pat, got, want)
			}
			if got, want := lowerHas(s, pat, true), strings.HasPrefix(strings.ToLower(s), pat); got != want {
				t.Errorf("lowerHas(%q, %q, prefix) = %v, want %v", s, pat, got, want)
			}
		}
	})
}
