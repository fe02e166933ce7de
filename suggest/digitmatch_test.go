package suggest

import (
	"slices"
	"testing"
)

// TestDigitMatch: find returns what the unanchored pattern's
// FindStringSubmatchIndex returns.
func TestDigitMatch(t *testing.T) {
	for _, text := range []string{
		"A 45-year-old man; 3 yo sister; 67 y/o female; 5 Y.O. boy",
		"6-month-old infant, 3 weeks old, 10 DAYS OLD, 2 wks-old",
		"x45 years old, then 1234 years, then 12 yrsold and 7 years",
		"café9 years old",
		"age 12 YEARS-OLD.",
		"3 months olden; 4 months old",
		"5 \u212Aelvin; 2 wee\u212As old; 9 year\u017F",
		"no digits",
		"",
		"1",
		"80 y",
	} {
		for _, d := range []digitMatch{ageYears, ageMonths} {
			if got, want := d.find(text), d.re.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s on %q = %v, want %v", d.re, text, got, want)
			}
		}
	}
}

func FuzzDigitMatch(f *testing.F) {
	f.Add("A 45-year-old man, 6-month-old infant, 2 wks-old")
	f.Add("a9 years old; 12 YRS old")
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range []digitMatch{ageYears, ageMonths} {
			if got, want := d.find(text), d.re.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s on %q = %v, want %v", d.re, text, got, want)
			}
		}
	})
}
