package suggest

import "medcode/corpus"

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

// topScore is c.top().hit.Score read in place (0 without mentions).
func (c *candidate) topScore() float64 {
	if len(c.mentions) == 0 {
		return 0
	}
	return c.mentions[c.best].hit.Score
}

// topDominated is c.top().dominated read in place (false without
// mentions).
func (c *candidate) topDominated() bool {
	return len(c.mentions) > 0 && c.mentions[c.best].dominated
}

// topMatch is the name kind, name and match measures of c.top() read in
// place (the zero ones without mentions): a render's matched message.
func (c *candidate) topMatch() (kind corpus.NameKind, name string, coverage, cosine, order float64) {
	if len(c.mentions) == 0 {
		return 0, "", 0, 0, 0
	}
	m := &c.mentions[c.best]
	return m.kind, m.name, m.hit.Coverage, m.hit.Cosine, m.hit.Order
}
