package suggest

import (
	"slices"
	"testing"
)

// guardedRules are the guarded regexps of the rules.
var guardedRules = map[string]guarded{
	"gestation": gestation, "bmiValue": bmiValue, "trimesterWords": trimesterWords,
	"completedWeeks": completedWeeks, "daysOld": daysOld, "gravidaNumber": gravidaNumber,
	"fetusLetter": fetusLetter, "singleFetus": singleFetus,
}

// sameAsRegexp fails t when a guarded regexp finds other than its regexp
// in s.
func sameAsRegexp(t *testing.T, s string) {
	t.Helper()
	for name, g := range guardedRules {
		if got, want := g.FindAllStringSubmatchIndex(s, -1), g.Regexp.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s on %q: %v, want %v", name, s, got, want)
		}
		if got, want := g.FindStringSubmatch(s), g.Regexp.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("%s submatch on %q: %q, want %q", name, s, got, want)
		}
		if got, want := g.MatchString(s), g.Regexp.MatchString(s); got != want {
			t.Errorf("%s match on %q: %v, want %v", name, s, got, want)
		}
	}
}

func TestGuarded(t *testing.T) {
	tests := []struct {
		text  string
		match string // a rule that must match ("" none)
	}{
		{"G2P1 at 32 weeks gestation.", "gestation"},
		{"Seen at 36 WKS, EGA 36+2.", "gestation"},
		{"BMI 41.5, morbid obesity.", "bmiValue"},
		{"Body Mass Index of 32", "bmiValue"},
		{"Second-trimester bleeding.", "trimesterWords"},
		{"Infant 3 days old.", "daysOld"},
		{"Delivered at 39 completed weeks.", "completedWeeks"},
		{"32 \u212aS gestation", ""}, // the Kelvin sign folds to k under (?i)
		{"32 w\u212as gestation", "gestation"},
		{"Twin B, G2P1, singleton no", "fetusLetter"},
		{"G2P1 at 12 weeks, \u00e9", "gravidaNumber"},
		{"Gravida 3 para 2", "gravidaNumber"},
		{"Infant 3 day\u017f old", "daysOld"}, // the long s folds to s
		{"Single gestation, Tw\u00efn 1, caf\u00e9", "singleFetus"},
		{"Hypertension, well controlled.", ""},
		// from: a search begins before the first word, at a word's start.
		{"Prior notes, fetu\u017f b", "fetusLetter"},
		{"xfetus b then fetus c", "fetusLetter"},
		{"abc_twin 2, twins 3, twin 4", "fetusLetter"},
		{"caf\u00e9baby 2", "fetusLetter"},
		{"9single fetus, then \u017fingle gestation", ""}, // \b is ASCII: none before either
		{"9single fetus, then single gestation", "singleFetus"},
		{"Delivered at 39 completed weeks, 39 weeks", "completedWeeks"}, // its word is not its start
		{"x g2p1", ""},
		{"xg2p1 then gravida 2", "gravidaNumber"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			sameAsRegexp(t, tt.text)
			if tt.match != "" && !guardedRules[tt.match].MatchString(tt.text) {
				t.Errorf("%s does not match %q", tt.match, tt.text)
			}
		})
	}
}

// FuzzGuarded: a guarded regexp finds what its regexp finds.
func FuzzGuarded(f *testing.F) {
	f.Add("at 32 weeks")
	f.Add("BMI 35")
	f.Add("3 days old")
	f.Add("12 w\u212as")
	f.Add("G1P0 twin b, single fetus, \u017fingleton")
	f.Fuzz(func(t *testing.T, s string) {
		sameAsRegexp(t, s)
	})
}
