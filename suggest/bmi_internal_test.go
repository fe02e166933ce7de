package suggest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestBMIMatchesIsFindAll checks that bmiMatches finds what bmiValue's
// FindAll does: boundaries, case, a folded "ſ", back-to-back values.
func TestBMIMatchesIsFindAll(t *testing.T) {
	for _, text := range []string{
		"", "BMI", "BMI 32", "bmi32", "xbmi 32", "BMI of 41.5, morbid obesity. Body Mass Index: 27.2",
		"Obese, BMI is 18; bmi 44 bmi 45.", "body mass 30", "Body maſs index 31", "BMIBMI 33", "_bmi 30 BMI\n30",
		"Weight 100 kg. BMI: 35.2 (obese), BMI trend 36", "b", "bod", "abmi 22 Bmi 23 (body mass index 24.5)",
		"BMI 30 BMI 31BMI 32", "bmi", "BODY MASS INDEX 40.25bmi 20",
		"BMI abcdefghijklmnop32", "BMI abcdefghijklmnopq32", "BMI 32.5kg", "BMI 325", "BMI 3", "BMI 32.", "BMI: 32.x",
		"BMI é 30", "BMI (kg/m2) 31", "body mass index-22", "BMI 2 30", "BMI\t30.0;", "BMI 30.5.6",
	} {
		got, want := bmiMatches(text), bmiValue.Regexp.FindAllStringSubmatchIndex(text, -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: bmiMatches %v, FindAll %v", text, got, want)
		}
	}
}

// TestBMIMatchesRandom holds bmiMatches to bmiValue's FindAll on random
// texts of the words and bytes around a BMI value.
func TestBMIMatchesRandom(t *testing.T) {
	parts := []string{"BMI", "bmi", "Bmi", "body mass index", "Body Mass", "b", "B", "bo", "x", "_", " ", ":", " of ", "32", "41.5", ".", "\n", ";", "ſ", "abmi", "is ", "27.2", "kg", "é", "3", "(kg/m2) ", "abcdefghijklmn"}
	r := rand.New(rand.NewPCG(18, 2))
	for range 5000 {
		text := randomText(r, parts, 12)
		if got, want := bmiMatches(text), bmiValue.Regexp.FindAllStringSubmatchIndex(text, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: bmiMatches %v, FindAll %v", text, got, want)
		}
	}
}

// TestWeightDiagnosis holds weightDiagnosis to the plain prefix test
// (any of bmiWeightPrefixes) on every ICD-10-CM code of the real set.
func TestWeightDiagnosis(t *testing.T) {
	e := realEngine(t)
	n := 0
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		code := e.set.Brief(id).Code
		want := false
		for _, p := range bmiWeightPrefixes {
			want = want || strings.HasPrefix(code, p)
		}
		if got := weightDiagnosis(code); got != want {
			t.Errorf("weightDiagnosis(%s) = %v, want %v", code, got, want)
		}
		if want {
			n++
		}
	}
	for _, code := range []string{"", "E", "R63", "R63.6", "E66.01", "E40"} {
		want := false
		for _, p := range bmiWeightPrefixes {
			want = want || strings.HasPrefix(code, p)
		}
		if got := weightDiagnosis(code); got != want {
			t.Errorf("weightDiagnosis(%q) = %v, want %v", code, got, want)
		}
	}
	if n == 0 {
		t.Error("no weight diagnosis in the set")
	}
}

// TestMentionsBMIIsContainsFold holds mentionsBMI to its two containsFold
// scans on random texts of the words' pieces, cases and folding runes
// (the long s of "maſs", the Kelvin sign), short and past containsFold's
// prefilter length.
func TestMentionsBMIIsContainsFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(36, 7))
	pieces := []string{"b", "B", "bm", "BMi", "bmi", "mi", "i", "body", "Body ", "body mass", "BODY MAſS", "mass", "maſs",
		" ", "x", "ab", "\u212a", "é", "submit", "obese", "b\n", "bo"}
	said := 0
	for r := range 20000 {
		var sb strings.Builder
		for range rng.IntN(2 + r%40) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		want := containsFold(text, "bmi") || containsFold(text, "body mass")
		if got := mentionsBMI(text); got != want {
			t.Fatalf("%q: mentionsBMI %v, containsFold %v", text, got, want)
		}
		if want {
			said++
		}
	}
	if said == 0 || said == 20000 {
		t.Fatalf("%d of 20000 texts mention a BMI: the test holds nothing", said)
	}
}
