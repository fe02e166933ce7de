package suggest

import "testing"

// TestPrefilters: each cheap test is true wherever its expression matches
// (it may be true where the expression does not), so the rules see the
// same matches.
func TestPrefilters(t *testing.T) {
	notes := []string{
		"Total time spent 45 minutes on the date of the encounter.",
		"I spent 30 MIN with the patient.",
		"25 mins total time.",
		"Total face-to-face time was about\t40\nmin",
		"Examination minimal findings, 2 tabs daily.",
		"A 45-year-old man; 3 yo sister; 67 y/o female; 5 Y.O. boy",
		"6-month-old infant, 3 weeks old, 10 DAYS OLD, 2 wks-old",
		"Cold and old; no digits here.",
		"G2P1 at 32 weeks gestation; 28 wKs; 30 and 2 days weeks; 12+3 wk",
		"",
	}
	for _, n := range notes {
		if emTime.MatchString(n) && !digitThen(n, reSpace, "min") {
			t.Errorf("emTime matches %q but the prefilter says no", n)
		}
		if got, want := emTimeMatch(n), emTime.FindStringSubmatchIndex(n); len(got) != len(want) {
			t.Errorf("emTimeMatch(%q) = %v, want %v", n, got, want)
		}
		if ageYears.re.MatchString(n) && !digitThen(n, " -", "y") {
			t.Errorf("ageYears matches %q but the prefilter says no", n)
		}
		if ageMonths.re.MatchString(n) && !containsFold(n, "old") {
			t.Errorf("ageMonths matches %q but the prefilter says no", n)
		}
	}
	for _, tc := range []struct {
		s, skip, word string
		want          bool
	}{
		{"12 MIN", " ", "min", true},
		{"12min", " ", "min", true},
		{"12 - y", " -", "y", true},
		{"x min", " ", "min", false},
		{"12 mi", " ", "min", false},
		{"9", " ", "min", false},
	} {
		if got := digitThen(tc.s, tc.skip, tc.word); got != tc.want {
			t.Errorf("digitThen(%q, %q, %q) = %v, want %v", tc.s, tc.skip, tc.word, got, tc.want)
		}
	}
	for _, tc := range []struct {
		s, word string
		want    bool
	}{
		{"3 months OLD", "old", true},
		{"Cold", "old", true},
		{"ol", "old", false},
		{"", "old", false},
	} {
		if got := containsFold(tc.s, tc.word); got != tc.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tc.s, tc.word, got, tc.want)
		}
	}
}
