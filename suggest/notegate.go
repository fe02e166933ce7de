package suggest

import "medcode/nlp"

// holdsCue reports whether a token of doc may start a phrase of any of
// lists: it is false only when findCues, findCuesIn and sentenceHas find
// none of them anywhere in the note, so a rule whose cues are absent from
// the note returns before any per-suggestion work. One pass over the
// tokens with findCues' cheap first-word filter.
func holdsCue(doc *nlp.Document, lists ...[]phrase) bool {
	var f cueFilter
	for _, ps := range lists {
		for _, p := range ps {
			f.add(p[0])
		}
	}
	for i := range doc.Tokens {
		n := doc.Tokens[i].Norm
		if !f.may(n) {
			continue
		}
		for _, ps := range lists {
			for _, p := range ps {
				if wordMatch(n, p[0]) {
					return true
				}
			}
		}
	}
	return false
}
