package suggest

// fullMasks are the position masks of a sentence's fully matched names
// (searchSentence), which dominate the hits whose positions they strictly
// contain. Only the maximal masks are kept: a mask strictly contains
// another exactly when a maximal one does, and a long sentence's many
// full names ("chest pain", "pain in chest", ...) come down to a few.
type fullMasks struct {
	masks []posMask // maximal and ok, none inside another
}

// reset empties f for a new sentence.
func (f *fullMasks) reset() { f.masks = f.masks[:0] }

// add adds the mask of a fully matched name. A mask not ok strictly
// contains none (within), and one inside a kept mask adds nothing; one
// added drops the kept masks inside it.
func (f *fullMasks) add(m posMask) {
	if !m.ok {
		return
	}
	for i := range f.masks {
		if m.subsetOf(f.masks[i]) {
			return
		}
	}
	kept := f.masks[:0]
	for _, o := range f.masks {
		if !o.subsetOf(m) {
			kept = append(kept, o)
		}
	}
	f.masks = append(kept, m)
}

// dominates reports whether an added mask strictly contains mine, as the
// walk asking mine.within of every added mask does (TestFullMasks): the
// added masks are ok, mine is read in place, and the words are tested
// together.
func (f *fullMasks) dominates(mine *posMask) bool {
	if !mine.ok {
		return false
	}
	for i := range f.masks {
		o := &f.masks[i]
		if mine.n < o.n && mine.bits[0]&^o.bits[0]|mine.bits[1]&^o.bits[1]|mine.bits[2]&^o.bits[2]|mine.bits[3]&^o.bits[3] == 0 {
			return true
		}
	}
	return false
}

// subsetOf reports whether m's positions are all o's.
func (m *posMask) subsetOf(o posMask) bool {
	for i := range m.bits {
		if m.bits[i]&^o.bits[i] != 0 {
			return false
		}
	}
	return true
}
