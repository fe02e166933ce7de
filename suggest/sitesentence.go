package suggest

import "medcode/nlp"

// siteSentence is what siteRefine weighs of a vague candidate's sentence
// beside its words: whether it says "other" or "specified" (saysOtherIn)
// and how many sides (right, left, bilateral) it states, not negated
// (sidesStated, in its test, is the plain form). Most candidates find no
// code that may refine them and never ask; the others read both in one
// pass over the sentence's terms, the first time either is asked.
type siteSentence struct {
	terms []nlp.Term // the sentence's terms (sentenceTerms)
	read  bool
	other bool
	nside int
}

// facts reads the sentence's terms once.
func (s *siteSentence) facts() {
	if s.read {
		return
	}
	s.read = true
	var seen [3]bool
	for i := range s.terms {
		t := &s.terms[i]
		k := -1
		switch t.Norm {
		case "other", "specified":
			s.other = true
			continue
		case "right":
			k = 0
		case "left":
			k = 1
		case "bilateral", "both":
			k = 2
		}
		if k >= 0 && t.Assert&nlp.Negated == 0 && !seen[k] {
			seen[k] = true
			s.nside++
		}
	}
}

// saysOther is saysOtherIn of the sentence.
func (s *siteSentence) saysOther() bool {
	s.facts()
	return s.other
}

// sides is the number of sides the sentence states, not negated.
func (s *siteSentence) sides() int {
	s.facts()
	return s.nside
}
