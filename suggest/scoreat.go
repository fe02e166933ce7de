package suggest

// scoreAt is mentionScore of c's mention i, read in place: a mention is
// some 170 bytes, and a loop over c.mentions by value copies each one (twice
// where its score is read through mentionScore).
func (c *candidate) scoreAt(i int) float64 { return scoreOf(&c.mentions[i]) }

// scoreOf is mentionScore(*m), read in place.
func scoreOf(m *mention) float64 {
	s := m.hit.Score * (1 - m.partNeg)
	if m.dominated {
		s *= 0.6
	}
	return s
}

// bestScore is scoreAt of c's best mention.
func (c *candidate) bestScore() float64 { return c.scoreAt(c.best) }

// topRef is c's best mention read in place, where top() copies it (a
// mention is some 170 bytes): a fresh one as top() gives (sentence and
// section -1) when c has none.
func (c *candidate) topRef() *mention {
	if len(c.mentions) == 0 {
		return &mention{sent: -1, section: -1}
	}
	return &c.mentions[c.best]
}
