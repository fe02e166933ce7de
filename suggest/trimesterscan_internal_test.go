package suggest

import (
	"slices"
	"strings"
	"testing"
)

// trimesterScanCases are texts trimesterMatches is held to trimesterWords on.
var trimesterScanCases = []string{
	"", "third trimester", "Third Trimester", "SECOND-TRIMESTER bleeding", "1st trimester", "2nd-trimester", "3RD trimester",
	"first  trimester", "firsttrimester", "xfirst trimester", "_2nd trimester", "\u00e9third trimester", "third trimesters",
	"third trimester_", "third trimester\u00e9", "trimester", " trimester", "-trimester", "first trimester-trimester",
	"first trimester second trimester, 3rd-trimester", "4th trimester", "fourth trimester", "first tri\u017fter", "fir\u017ft trimester first trimester",
	"third trimester\u212a", "ird trimester", "1st trimester1st trimester", "first\ttrimester", "first trimester third",
}

// TestTrimesterScan: trimesterMatches is trimesterWords.
func TestTrimesterScan(t *testing.T) {
	holdScans(t, strings.Repeat("Pregnant patient at term, seen today. ", 3), trimesterScanCases, trimesterScanHolds)
}

// FuzzTrimesterScan: trimesterMatches is trimesterWords on any text.
func FuzzTrimesterScan(f *testing.F) {
	fuzzScans(f, trimesterScanCases, trimesterScanHolds)
}

// trimesterScanHolds fails t where trimesterMatches finds other than
// trimesterWords (the regexp itself) in s.
func trimesterScanHolds(t *testing.T, s string) {
	t.Helper()
	var got [][]int
	for m := range trimesterMatches(s) {
		got = append(got, slices.Clone(m[:]))
	}
	if want := trimesterWords.Regexp.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("trimesterMatches(%q) = %v; trimesterWords %v", s, got, want)
	}
}
