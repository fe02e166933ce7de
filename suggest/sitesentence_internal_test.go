package suggest

import (
	"testing"

	"medcode/nlp"
)

// siteSentenceNotes exercise siteSentence: sides said, repeated, negated
// and absent, and "other" or "specified" beside them.
var siteSentenceNotes = []string{
	"",
	"Gout flare, right great toe.",
	"Bilateral knee pain. Right worse than left knee osteoarthritis.",
	"No right-sided weakness; left leg swelling. Both eyes red, right more than left.",
	"Other specified disorder of the left ear. Not bilateral. Specified as right.",
	"Uterine fibroid, intramural, other site. Pain in both knees, no left hip pain.",
	"Denies left arm pain. Right, right and right again.",
}

// TestSiteSentence: siteSentence reads each sentence as saysOtherIn and
// sidesStated do.
func TestSiteSentence(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, note := range siteSentenceNotes {
		sameSiteSentence(t, pipe, note)
	}
}

// FuzzSiteSentence: siteSentence reads each sentence as saysOtherIn and
// sidesStated do.
func FuzzSiteSentence(f *testing.F) {
	for _, n := range siteSentenceNotes {
		f.Add(n)
	}
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, note string) { sameSiteSentence(t, pipe, note) })
}

func sameSiteSentence(t *testing.T, pipe *nlp.Pipeline, note string) {
	doc := pipe.Analyze(note)
	for sent := -1; sent <= len(doc.Sentences); sent++ {
		_, terms := sentenceSpan(doc, sent)
		s := &siteSentence{terms: terms}
		// Asked in either order, and twice.
		if sent%2 == 0 {
			s.sides()
		}
		for range 2 {
			if got, want := s.saysOther(), saysOtherIn(doc, sent); got != want {
				t.Errorf("%q sentence %d: saysOther = %v, want %v", note, sent, got, want)
			}
			if got, want := s.sides(), sidesStated(doc, sent); got != want {
				t.Errorf("%q sentence %d: sides = %d, want %d", note, sent, got, want)
			}
		}
	}
}

// sidesStated counts the sides (right, left, bilateral) sentence sent
// states, not negated: the plain form siteRefine read before siteSentence,
// kept as its reference.
func sidesStated(doc *nlp.Document, sent int) int {
	var seen [3]bool
	n := 0
	for _, t := range sentenceTerms(doc, sent) {
		i := -1
		switch t.Norm {
		case "right":
			i = 0
		case "left":
			i = 1
		case "bilateral", "both":
			i = 2
		}
		if i >= 0 && t.Assert&nlp.Negated == 0 && !seen[i] {
			seen[i] = true
			n++
		}
	}
	return n
}
