package suggest

import (
	"slices"
	"strings"
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
		"5 y.o.boy; 12 YRS-OLD; 3 yr; 3yo; 4 y/o.; 9 years older; 1 year oldest; 7 yrs old_",
		"2 month-olds; 2 mo old; 12 days-old; 3 Wk-Old; 11 mos old; 1 day old.",
		"6 years-oldſ; 7 year oldK; 8 y.o.x; 9 y/ox; 10-yr-old",
	} {
		// Each phrase alone too: find returns the first match only.
		for _, text := range append(strings.Split(text, "; "), text) {
			for _, d := range []digitMatch{ageYears, ageMonths} {
				if got, want := d.find(text), d.re.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
					t.Errorf("%s on %q = %v, want %v", d.re, text, got, want)
				}
			}
		}
	}
}

func FuzzDigitMatch(f *testing.F) {
	f.Add("A 45-year-old man, 6-month-old infant, 2 wks-old")
	f.Add("a9 years old; 12 YRS old")
	f.Add("5 y.o.boy; 12 YRS-OLD; 9 years older; 2 mo old; 3 Wk-Old")
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range []digitMatch{ageYears, ageMonths} {
			if got, want := d.find(text), d.re.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s on %q = %v, want %v", d.re, text, got, want)
			}
		}
	})
}
