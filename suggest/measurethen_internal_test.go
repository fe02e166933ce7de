package suggest

import "testing"

// TestMeasureThen: a text measure.documented passes over (no digit then
// m.then) holds no match of m.said.
func TestMeasureThen(t *testing.T) {
	for _, text := range []string{
		"", "15 minutes", "15min", "15\tMINS", "Total 30 Minutes.", "1 minute", "laceration 3 cm",
		"laceration 3.5cm", "2.6 CENTIMETERS", "12 centimeter wound", "3 x 4 cm", "10 mm", "5 months",
		"3- cm", "4\n\nminutes", "120 minutes or less", "3 cm\u212a", "45 m i n", "7c m",
	} {
		measureThenHolds(t, text)
	}
}

// FuzzMeasureThen: a text measure.documented passes over holds no match
// of m.said.
func FuzzMeasureThen(f *testing.F) {
	f.Add("laceration 3.5 cm repaired")
	f.Add("spent 25 minutes")
	f.Fuzz(measureThenHolds)
}

func measureThenHolds(t *testing.T, text string) {
	for _, m := range measures {
		if m.said.MatchString(text) && !digitThen(text, reSpace, m.then) {
			t.Errorf("%s: %q matches %v, but digitThen(%q) is false", m.unit, text, m.said, m.then)
		}
	}
}
