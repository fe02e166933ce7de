package suggest

// scoreAt is scoreOf c's mention i, read in place: a mention is
// 160 bytes, and a loop over c.mentions by value copies each one.
func (c *candidate) scoreAt(i int) float64 { return scoreOf(&c.mentions[i]) }

// scoreOf is a mention's score: its hit's, less the share of its words
// negated, and 0.6 of that when a longer name dominates it. It reads the
// mention in place (TestScoreAt holds it to the by-value form).
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
// mention is 160 bytes): a fresh one as top() gives (sentence and
// section -1) when c has none.
func (c *candidate) topRef() *mention {
	if len(c.mentions) == 0 {
		return &mention{sent: -1, section: -1}
	}
	return &c.mentions[c.best]
}
