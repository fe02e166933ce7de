package suggest

import (
	"slices"
	"strings"
	"testing"
)

// weekScanCases are texts the week and day scans are held to their
// regexps on.
var weekScanCases = []string{
	"", "at 32 weeks gestation", "32 WKS", "32wk", "32 week", "32 weeksx", "32 weekss", "x32 weeks", "_3 weeks", "\u00e93 weeks",
	"123 weeks", "12/7 weeks", "12 3/7 weeks", "36+2 weeks", "36 + \t2 wks", "36+ weeks", "36 +x weeks", "36 7/7 weeks",
	"36 and 2 days weeks", "36 AND 2 Days - weeks", "36 and 2 dayweeks", "36 and 2 daysweeks", "36 and 2 day", "36 and 22 days weeks",
	"36 -  weeks", "36 - - weeks", "36--weeks", "36 \n weeks", "1 week ago, 38 weeks", "3 6 weeks", "36-week", "36- wk.",
	"31 completed weeks", "31-completed weeks", "31 completed  weeks", "31  weeks", "31+2 weeks", "31 3/7-week", "31 3/7 completed weeks",
	"31 weeks old", "31 weeks, ago 30 weeks", "a 31 weeks old then 29 weeks", "31 wks 30 wks", "3131 weeks", "1 week", "31 weeks\u212a",
	"32 \u212aS", "32 w\u212as gestation", "31 wee\u212as then 30 weeks", "2 wk\u017f",
	"3 days old", "3-day-old", "3 day old", "3 dayold", "3 days  old", "12 days old", "123 days old", "3 days olds", "3 days old_",
	"3 DAYS OLD", "x3 days old", "3 days-old", "1 day old and 2 days old", "3 day\u017f old", "3 days\u00a0old", "3 days old\u00e9",
}

// TestWeekScans: gestationMatch, newbornWeeks, completedWeeksFrom and
// daysOldNumber are gestation, newbornGestation's loop, completedWeeks
// and daysOld.
func TestWeekScans(t *testing.T) {
	holdScans(t, strings.Repeat("Newborn seen at 2 wks, 3 days, plan as above. ", 3), weekScanCases, weekScansHold)
}

// FuzzWeekScans: the scans are the regexps on any text.
func FuzzWeekScans(f *testing.F) {
	fuzzScans(f, weekScanCases, weekScansHold)
}

// weekScansHold fails t where a scan finds other than its regexp.
func weekScansHold(t *testing.T, s string) {
	t.Helper()
	m, ok := gestationMatch(s)
	if want := gestation.Regexp.FindStringSubmatchIndex(s); ok != (want != nil) || ok && !slices.Equal(m[:], want) {
		t.Fatalf("gestationMatch(%q) = %v, %v; gestation %v", s, m, ok, want)
	}
	if got, want := newbornWeeks(s), newbornWeeksRegexp(s); got != want {
		t.Fatalf("newbornWeeks(%q) = %d, by the regexp %d", s, got, want)
	}
	if !foldsKOrS(s) {
		var got [][]int
		for m, ok := completedWeeksFrom(s, 0); ok; m, ok = completedWeeksFrom(s, m[1]) {
			got = append(got, slices.Clone(m[:]))
		}
		if want := completedWeeks.Regexp.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("completedWeeksFrom on %q: %v; completedWeeks %v", s, got, want)
		}
	}
	d, ok := daysOldNumber(s)
	if want := daysOld.Regexp.FindStringSubmatch(s); ok != (want != nil) || ok && d != want[1] {
		t.Fatalf("daysOldNumber(%q) = %q, %v; daysOld %q", s, d, ok, want)
	}
}
