package suggest

import (
	"slices"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// TestScansOnDevNotes holds the byte scans that stand for the rules'
// regexps (emTimeMatch and its prefilter, the age matches, findWords,
// saysLocal, gravidaDigits, saysSingleFetus, fetusCharacter, the week and
// day scans, trimesterMatches) to the regexps on every dev note, and
// saysLocal on each of its lower-cased lines.
func TestScansOnDevNotes(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	t.Parallel()
	for _, n := range testenv.DevNotes(t) {
		if got, want := emTimeMatch(n), emTime.FindStringSubmatchIndex(n); !slices.Equal(got, want) {
			t.Fatalf("emTimeMatch: %v, emTime %v on %q", got, want, n)
		}
		for _, d := range []digitMatch{ageYears, ageMonths} {
			if got, want := d.find(n), d.re.FindStringSubmatchIndex(n); !slices.Equal(got, want) {
				t.Fatalf("%s: %v, regexp %v on %q", d.re, got, want, n)
			}
		}
		if got, want := findWords(n), wordRE.FindAllString(n, -1); !slices.Equal(got, want) {
			t.Fatalf("findWords: %q, wordRE %q on %q", got, want, n)
		}
		obstetricScansHold(t, n)
		weekScansHold(t, n)
		trimesterScanHolds(t, n)
		for _, line := range strings.Split(n, "\n") {
			weekScansHold(t, line) // the gestation scan reads sentences
		}
		for _, line := range strings.Split(strings.ToLower(n), "\n") {
			if got, want := saysLocal(line), localWords.MatchString(line); got != want {
				t.Fatalf("saysLocal(%q) = %v, localWords %v", line, got, want)
			}
		}
	}
}
