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

// holdsCue reports whether the note holds a cue of any of lists, read
// from the table the rules' one pass over the tokens fills. For a gate's
// lists, each phrase of which holds one of the gate's words and each word
// of which is a one-word phrase of them, it is holdsWord(doc, words...)
// without a pass of its own (TestGateCuesAreHoldsWord).
func (n *ruleNote) holdsCue(lists ...[]phrase) bool {
	for _, ps := range lists {
		if len(n.cues(ps)) > 0 {
			return true
		}
	}
	return false
}
