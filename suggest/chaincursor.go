package suggest

// chainCursor walks notePositions' chain of one id across the sentences
// contradiction visits: where sentenceRanges.holding starts every
// sentence's walk at the chain's head, skipping the positions before the
// sentence, the cursor starts where the last sentence's skip ended while
// the sentences run forward, so that a context term said in every sentence
// of a long note costs linear, not quadratic, time. A sentence before the
// last one starts again at the head.
type chainCursor struct {
	head, at, lo int32
}

func newChainCursor(head int32) chainCursor { return chainCursor{head: head, at: head, lo: -1} }

// from returns the first chain position at or after lo: holding's answers
// from it are those from the head.
func (c *chainCursor) from(next []int32, lo int32) int32 {
	if lo < c.lo {
		c.at = c.head
	}
	c.lo = lo
	for c.at >= 0 && c.at < lo {
		c.at = next[c.at]
	}
	return c.at
}
