package suggest

import "testing"

// sameAsAcuityRegexps fails t when wordIndex or mayBeAcuteOnChronic
// disagrees with the regexps they stand for on s.
func sameAsAcuityRegexps(t *testing.T, s string) {
	t.Helper()
	for w, re := range map[string]interface{ FindStringIndex(string) []int }{"acute": noteAcute, "chronic": noteChronic} {
		want := -1
		if m := re.FindStringIndex(s); m != nil {
			want = m[0]
		}
		if got := wordIndex(s, w); got != want {
			t.Errorf("wordIndex(%q, %q) = %d, want %d", s, w, got, want)
		}
	}
	if noteAcuteOnChronic.MatchString(s) && !mayBeAcuteOnChronic(s) {
		t.Errorf("mayBeAcuteOnChronic(%q) is false, noteAcuteOnChronic matches", s)
	}
}

func TestWordIndex(t *testing.T) {
	for _, s := range []string{"", "acute", "subacute chronic", "chronically ill, chronic", "acute_ chronic-acute", "é acute", "acuteé", "\u212aacute",
		"acute on chronic", "exacerbation of chronic", "decompensated chronic", "acutely decompensated chronic"} {
		sameAsAcuityRegexps(t, s)
	}
}

// FuzzWordIndex: wordIndex finds what \bacute\b and \bchronic\b find.
func FuzzWordIndex(f *testing.F) {
	f.Add("subacute on chronic, acute")
	f.Add("exacerbation of copd chronic")
	f.Fuzz(func(t *testing.T, s string) {
		sameAsAcuityRegexps(t, s)
	})
}
