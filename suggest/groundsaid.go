package suggest

// groundingIn is grounding(func(t uint32) bool { return g.said(t, m) })
// with said's common case in the loops: a term below the index's terms is
// one load and a test, where the closure cost a call per title term (some
// 9 a candidate, 85 candidates a note). Terms past them ask said.
// TestGroundingIn holds it to grounding over said.
func (tf *groundTerms) groundingIn(g *groundIndex, m uint64) (title, distinct, sibling float64) {
	sents := g.sents[:g.terms]
	k := 0
	for _, t := range tf.own {
		if int(t) < len(sents) {
			if sents[t]&m != 0 {
				k++
			}
		} else if g.said(t, m) {
			k++
		}
	}
	if len(tf.own) > 0 {
		title = float64(k) / float64(len(tf.own))
	}
	if !tf.parent {
		return title, -1, 0
	}
	k = 0
	for _, t := range tf.distinct {
		if int(t) < len(sents) {
			if sents[t]&m != 0 {
				k++
			}
		} else if g.said(t, m) {
			k++
		}
	}
	distinct = -1
	if len(tf.distinct) > 0 {
		distinct = float64(k) / float64(len(tf.distinct))
	}
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
