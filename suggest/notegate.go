package suggest

import "medcode/nlp"

// holdsWord reports whether a token of doc is one of words (norms): a
// rule every cue phrase of which holds one of words finds none in a note
// without them.
func holdsWord(doc *nlp.Document, words ...string) bool {
	for i := range doc.Tokens {
		n := doc.Tokens[i].Norm
		for _, w := range words {
			if n == w {
				return true
			}
		}
	}
	return false
}
