package suggest

import (
	"reflect"
	"testing"
)

// TestBMIMatchesIsFindAll checks that bmiMatches finds what bmiValue's
// FindAll does: boundaries, case, a folded "ſ", back-to-back values.
func TestBMIMatchesIsFindAll(t *testing.T) {
	for _, text := range []string{
		"", "BMI", "BMI 32", "bmi32", "xbmi 32", "BMI of 41.5, morbid obesity. Body Mass Index: 27.2",
		"Obese, BMI is 18; bmi 44 bmi 45.", "body mass 30", "Body maſs index 31", "BMIBMI 33", "_bmi 30 BMI\n30",
		"Weight 100 kg. BMI: 35.2 (obese), BMI trend 36", "b", "bod", "abmi 22 Bmi 23 (body mass index 24.5)",
		"BMI 30 BMI 31BMI 32", "bmi", "BODY MASS INDEX 40.25bmi 20",
	} {
		got, want := bmiMatches(text), bmiValue.Regexp.FindAllStringSubmatchIndex(text, -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: bmiMatches %v, FindAll %v", text, got, want)
		}
	}
}
