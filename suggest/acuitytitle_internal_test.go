package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// regexTitleAcuity is titleAcuity as the regexps alone say it, the
// reference of TestTitleAcuityMatchesRegexps.
func regexTitleAcuity(title string) (string, string) {
	t := strings.ToLower(title)
	v := acuityNone
	switch {
	case titleAcuteOnChronic.MatchString(t):
		v = acuityAcuteOnChronic
	case noteAcute.MatchString(t) && noteChronic.MatchString(t):
		return "", ""
	case noteAcute.MatchString(t):
		v = acuityAcute
	case noteChronic.MatchString(t):
		v = acuityChronic
	}
	return v, strings.TrimSpace(nonWord.ReplaceAllString(titleAcuityWords.ReplaceAllString(t, " "), " "))
}

// TestTitleAcuityMatchesRegexps: titleAcuity, which reads the acuity
// words by wordIndex, says what the regexps say of every ICD-10-CM title
// and of titles built to probe the edges (case, word boundaries, runes
// beyond ASCII), and mayStateAcuity passes every title stating an acuity.
func TestTitleAcuityMatchesRegexps(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := realEngine(t)
	titles := []string{
		"Acute on chronic systolic heart failure", "ACUTE AND CHRONIC pain", "acute-on-chronic x",
		"Subacute thyroiditis", "Chronicity", "acute chronic", "chronic and acute", "acute_chronic",
		"Acute\u212a chronic", "chron\u0130c sinusitis", "\u00e9acute", "acute\u00e9 on chronic", "",
		"Unspecified acute", "acute on chronic", "acute on chronicle", "xacute on chronic",
	}
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		titles = append(titles, e.set.Brief(id).Display)
	}
	stated := 0
	for _, title := range titles {
		gotV, gotK := titleAcuity(title)
		wantV, wantK := regexTitleAcuity(title)
		if gotV != wantV || gotK != wantK {
			t.Errorf("titleAcuity(%q) = %q, %q; the regexps say %q, %q", title, gotV, gotK, wantV, wantK)
		}
		if wantV != acuityNone {
			stated++
			if !mayStateAcuity(title) {
				t.Errorf("mayStateAcuity(%q) = false; it states %q", title, wantV)
			}
		}
	}
	if stated == 0 {
		t.Fatal("no title states an acuity")
	}
}
