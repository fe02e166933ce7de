package suggest

// groundingIn is grounding(func(t uint32) bool { return g.said(t, m) })
// with said called in the loops, where it inlines: the closure cost a
// call per title term (some 9 a candidate, 85 candidates a note).
// TestGroundingIn holds it to grounding over said.
//
// A sibling's terms, most of them said nowhere in the note, are asked of
// saidSparse; the title's own, most of them said, of said.
func (tf *groundTerms) groundingIn(g *groundIndex, m uint64) (title, distinct, sibling float64) {
	k := 0
	own := tf.own()
	for _, t := range own {
		if g.said(t, m) {
			k++
		}
	}
	if len(own) > 0 {
		title = float64(k) / float64(len(own))
	}
	if !tf.parent {
		return title, -1, 0
	}
	k = 0
	dist := tf.distinct()
	for _, t := range dist {
		if g.said(t, m) {
			k++
		}
	}
	distinct = -1
	if len(dist) > 0 {
		distinct = float64(k) / float64(len(dist))
	}
	for _, t := range tf.sibling() {
		if g.saidSparse(t, m) {
			return title, distinct, 1
		}
	}
	return title, distinct, 0
}
