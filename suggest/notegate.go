package suggest

// holdsCue reports whether the note holds a cue of any of lists, read
// from the table the rules' one pass over the tokens fills. For a gate's
// lists, each phrase of which holds one of the gate's words and each word
// of which is a one-word phrase of them, it answers as holdsWord(doc,
// words...), the plain pass over the tokens its test holds it to
// (TestGateCuesAreHoldsWord), without a pass of its own.
func (n *ruleNote) holdsCue(lists ...[]phrase) bool {
	for _, ps := range lists {
		if len(n.cues(ps)) > 0 {
			return true
		}
	}
	return false
}
