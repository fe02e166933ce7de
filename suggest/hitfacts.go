package suggest

import "medcode/nlp"

// hitFacts are what a hit's words say: partNeg the share of its words
// negated when the name is not, assert the assertion its words share
// (trigger words aside), own whether any word is not a trigger's, and
// mask the positions it matched (maskOf), read in the same pass over its
// words: the fully matched names' masks and each hit's test against them
// need no second walk.
type hitFacts struct {
	partNeg float64
	assert  nlp.Assertion
	own     bool
	mask    posMask
}

// read sets the assertion, own and mask of f (whatever it held) from the
// positions ps of a hit (trig: per token of the note, part of an
// assertion trigger; base: the sentence's first token), and returns how
// many of its words are negated. f.mask is maskOf(ps, base), set in place
// by posMask.add (TestHitFactsMask). A one-word hit, a third of them,
// takes a path of its own, held to the same results by that test.
func (f *hitFacts) read(doc *nlp.Document, trig []bool, ps []int32, base int32) (negated int) {
	// Two passes over ps, each with its values in registers: one walk
	// spilled and reloaded the tokens, ps and base for each position.
	toks := doc.Tokens
	trig = trig[:len(toks)] // one bounds check a position
	if len(ps) == 1 {
		// A third of the hits are one word: its facts are its token's,
		// without the loops (the general form's result, TestHitFactsMask).
		p := ps[0]
		a := toks[p].Assert
		f.assert, f.own = ^nlp.Assertion(0), false
		if !trig[p] {
			f.assert, f.own = a, true
		}
		f.mask = posMask{}
		if d := uint32(p - base); d < 256 {
			f.mask.bits[d/64] = 1 << (d % 64)
			f.mask.n, f.mask.ok = 1, true
		}
		if a&nlp.Negated != 0 {
			return 1
		}
		return 0
	}
	assert := ^nlp.Assertion(0)
	own := false
	for _, p := range ps {
		a := toks[p].Assert
		if a&nlp.Negated != 0 {
			negated++
		}
		if !trig[p] {
			assert &= a
			own = true
		}
	}
	f.assert, f.own = assert, own
	m := &f.mask
	*m = posMask{}
	for _, p := range ps {
		if !m.add(p - base) {
			*m = posMask{}
			return negated
		}
	}
	m.ok = true
	return negated
}

// meets reports whether m and o, both ok, share a position: holdsAny of
// o's positions when o is their mask (TestExpandedMask).
func (m *posMask) meets(o *posMask) bool {
	return m.bits[0]&o.bits[0]|m.bits[1]&o.bits[1]|m.bits[2]&o.bits[2]|m.bits[3]&o.bits[3] != 0
}
