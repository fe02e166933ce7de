package suggest

// scoreAt is mentionScore of c's mention i, read in place: a mention is
// 192 bytes, and a loop over c.mentions by value copies each one (twice
// where its score is read through mentionScore).
func (c *candidate) scoreAt(i int) float64 {
	m := &c.mentions[i]
	s := m.hit.Score * (1 - m.partNeg)
	if m.dominated {
		s *= 0.6
	}
	return s
}

// bestScore is scoreAt of c's best mention.
func (c *candidate) bestScore() float64 { return c.scoreAt(c.best) }
