package suggest

// nextCueSent returns the first sentence from from on that holds a cue of
// one of lists (each in note order, as ruleNote.cues returns them), -1
// when none does, and moves at[k] past the cues of lists[k] before from.
// A rule that reads the cues of several lists per sentence, with
// sentenceCues and the same at, visits only those sentences: a sentence
// none of them holds gives it nothing to read (TestNextCueSent holds it to
// the walk over every sentence).
func nextCueSent(lists [][]cue, at []int, from int) int {
	next := -1
	for k, cs := range lists {
		i := at[k]
		for i < len(cs) && cs[i].sent < from {
			i++
		}
		at[k] = i
		if i < len(cs) && (next < 0 || cs[i].sent < next) {
			next = cs[i].sent
		}
	}
	return next
}
