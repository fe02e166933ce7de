package suggest

// groundingIn is grounding(func(t uint32) bool { return g.said(t, m) })
// with said called in the loops, where it inlines: the closure cost a
// call per title term (some 9 a candidate, 85 candidates a note).
// TestGroundingIn holds it to grounding over said.
func (tf *groundTerms) groundingIn(g *groundIndex, m uint64) (title, distinct, sibling float64) {
	k := 0
	for _, t := range tf.own {
		if g.said(t, m) {
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
		if g.said(t, m) {
			k++
		}
	}
	distinct = -1
	if len(tf.distinct) > 0 {
		distinct = float64(k) / float64(len(tf.distinct))
	}
	for _, t := range tf.sibling {
		if g.said(t, m) {
			return title, distinct, 1
		}
	}
	return title, distinct, 0
}
