package suggest

// groundingIndexed is grounding with isSaid being g.said(t, m), for the
// note indexed by groundIndex (nearly every note): the index's test is
// read in place rather than through a closure call per title term
// (some 750 calls a note). TestGroundingIndexed holds it to grounding.
func (tf *groundTerms) groundingIndexed(g *groundIndex, m uint64) (title, distinct, sibling float64) {
	if len(tf.own) > 0 {
		title = float64(g.count(tf.own, m)) / float64(len(tf.own))
	}
	if !tf.parent {
		return title, -1, 0
	}
	distinct = -1
	if len(tf.distinct) > 0 {
		distinct = float64(g.count(tf.distinct, m)) / float64(len(tf.distinct))
	}
	sents := g.sents[:g.terms]
	for _, t := range tf.sibling {
		if int(t) < len(sents) {
			if sents[t]&m != 0 {
				return title, distinct, 1
			}
		} else if g.said(t, m) {
			return title, distinct, 1
		}
	}
	return title, distinct, 0
}

// count returns how many of ts a sentence of mask m affirms, as g.said
// tells each.
func (g *groundIndex) count(ts []uint32, m uint64) int {
	sents := g.sents[:g.terms]
	k := 0
	for _, t := range ts {
		if int(t) < len(sents) {
			if sents[t]&m != 0 {
				k++
			}
		} else if g.said(t, m) {
			k++
		}
	}
	return k
}
