package suggest

import (
	"slices"
	"strings"
	"testing"
)

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
		"Total hip arthroplasty 2 years ago; 30 min walk; total of 50 Gy",
		"TOTAL VISIT TIME: 35 MINS", "total\ttime 20 min; total  time 20 min", "TOTAL FACE TO FACE TIME 25 min",
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

// prefilterFastHolds checks the prefilters' fast forms against their
// plain ones on text, and emTimeMatch against emTime itself.
func prefilterFastHolds(t *testing.T, text string) {
	for _, w := range []string{"min", "y", "c", "old", "acute", "total ", "pent ", "unspecified", "-x"} {
		for _, skip := range []string{reSpace, " -", ""} {
			if got, want := digitThen(text, skip, w), digitThenPlain(text, skip, w); got != want {
				t.Fatalf("digitThen(%q, %q, %q) = %v, digitThenPlain %v", text, skip, w, got, want)
			}
		}
		if got, want := containsFold(text, w), containsFoldPlain(text, w); got != want {
			t.Fatalf("containsFold(%q, %q) = %v, containsFoldPlain %v", text, w, got, want)
		}
	}
	if got, want := emTimeMatch(text), emTime.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
		t.Fatalf("emTimeMatch(%q) = %v, emTime %v", text, got, want)
	}
}

// TestPrefilterFast: the fast forms of digitThen and containsFold, which
// read long texts only where the word stands, are the plain forms.
func TestPrefilterFast(t *testing.T) {
	pad := strings.Repeat("Patient seen, exam done; plan as above. ", 2)
	for _, text := range []string{
		"Total time spent 45 minutes on the date of the encounter.", "I \u017fpent 30 MIN with the patient.",
		"25 mins total time.", "Total face-to-face time was about\t40\nmin", "A 45-year-old man; 3 yo sister; 67 y/o female",
		"12 - y", "x min", "12 mi", "9", "MIN 12 min", "acute on chronic", "CHRONIC", "Cold and old", "2 -x", "\u212aold 3\u017fmin",
		"total hip; 30 min; total of 2", "Total Visit time 40 min", "30 mins TOTAL TIME", "total face-to-face time 20 min", "total\u017f 3 min total",
		"x12 min total time", "1234 min total time", "12 min. total time", "I spent a total of 20 minutes.", "Xspent 30 min",
		"total time: 5. Total time 20 min", "10 min and 20 min total time", "total visit time of 2 hours 15 minutes", "_5 min total time",
	} {
		for _, s := range []string{text, pad + text, text + pad, pad + text + pad} {
			prefilterFastHolds(t, s)
		}
	}
}

// FuzzPrefilterFast: the fast prefilters are the plain ones on any text
// long enough to take the fast path.
func FuzzPrefilterFast(f *testing.F) {
	f.Add("Total time spent 45 minutes")
	f.Add("3 yo; 12 - y; MIN")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 {
			text = text[:300]
		}
		for len(text) < shortPrefilter {
			text += " " + text + "x"
		}
		prefilterFastHolds(t, text)
	})
}
