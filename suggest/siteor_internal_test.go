package suggest

import (
	"strings"
	"testing"
)

// TestMayHoldOr: mayHoldOr is true of every text whose lower-cased fields
// (readingOf's) hold "or" between two others, and false of a text
// without the word.
func TestMayHoldOr(t *testing.T) {
	fields := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return c == ' ' || c == ',' || c == '(' || c == ')' })
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Occlusion or stenosis of artery", true},
		{"Occlusion OR stenosis", true},
		{"Type I,Or II", true},
		{"Fracture (or dislocation) of hip", true},
		{"Disorder of orbit", false},
		{"Major depressive disorder", false},
		{"Tumor", false},
		{"", false},
	} {
		if got := mayHoldOr(tc.text); got != tc.want {
			t.Errorf("mayHoldOr(%q) = %v, want %v", tc.text, got, tc.want)
		}
		f := fields(tc.text)
		for i := 1; i+1 < len(f); i++ {
			if f[i] == "or" && !mayHoldOr(tc.text) {
				t.Errorf("%q holds or, mayHoldOr says not", tc.text)
			}
		}
	}
}
