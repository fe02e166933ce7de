package suggest

import (
	"testing"

	"medcode/nlp"
)

// TestCategoryKey: two codes' keys are equal exactly when their
// categories are (codes of three characters or fewer included).
func TestCategoryKey(t *testing.T) {
	codes := []string{"G56.00", "G56.01", "G56", "G57.1", "M17.11", "M19.90", "E1", "E11", "E1.1", "A", "", "S72.001A", "S72"}
	for _, a := range codes {
		for _, b := range codes {
			if got, want := categoryKey(a) == categoryKey(b), category(a) == category(b); got != want {
				t.Errorf("categoryKey(%q) == categoryKey(%q) is %v, category equality %v", a, b, got, want)
			}
		}
	}
}

// TestAffirmsWord: the token scan agrees with the sentence's word map
// (saidIn) on every word asked, negated words and plurals included.
func TestAffirmsWord(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, text := range []string{
		"Other specified disorders of the left knee. No other fractures.",
		"Patient denies other symptoms. Fracture without other injury, specified as closed.",
		"Bilateral others noted; specifieds.",
	} {
		doc := pipe.Analyze(text)
		var sr sentenceRanges
		sr.index(doc)
		for s := range doc.Sentences {
			for _, w := range []string{"other", "specified", "fracture", "injury", "left", "knee", "bilateral", "symptom", "no"} {
				var fresh sentenceRanges
				fresh.index(doc)
				got, want := fresh.affirmsWord(doc, s, w), sr.saidIn(doc, s)[w]
				if want {
					checked++
				}
				if got != want {
					t.Errorf("%q sentence %d: affirmsWord(%q) = %v, saidIn says %v", text, s, w, got, want)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no word affirmed in any sentence: the test reads nothing")
	}
}
