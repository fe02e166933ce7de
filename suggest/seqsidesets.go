package suggest

import "math/bits"

// sideSets indexes the sides of up to 64 codes (sequenceIn's later) by
// each bit listNeed.may compares, as sets of their indices: per
// first-byte bit c, the sides whose at holds c and those whose bit is c;
// per flag, the sides holding it. A code's need then finds every side
// may passes in a few word operations (mayOf), not by a test per pair:
// sequenceIn judges some forty codes against some thirty each, and most
// pairs fail (TestSideSets holds mayOf to may).
type sideSets struct {
	at, code [64]uint64
	flag     [8]uint64
}

// build indexes sides (64 at most).
func (t *sideSets) build(sides []listSide) {
	*t = sideSets{}
	for j := range sides {
		s, bit := &sides[j], uint64(1)<<j
		for a := s.at; a != 0; a &= a - 1 {
			t.at[bits.TrailingZeros64(a)] |= bit
		}
		if s.bit != 0 {
			t.code[bits.TrailingZeros64(s.bit)] |= bit
		}
		for f := s.flags; f != 0; f &= f - 1 {
			t.flag[bits.TrailingZeros8(f)] |= bit
		}
	}
}

// mayOf is the set of the indexed sides s with n.may(s): n.bit is one
// bit or none, as a side's bit is (needOf, sideOf).
func (t *sideSets) mayOf(n *listNeed) uint64 {
	var m uint64
	if n.bit != 0 {
		m = t.at[bits.TrailingZeros64(n.bit)]
	}
	for u := n.use; u != 0; u &= u - 1 {
		m |= t.code[bits.TrailingZeros64(u)]
	}
	for f := n.flags; f != 0; f &= f - 1 {
		m |= t.flag[bits.TrailingZeros8(f)]
	}
	return m
}
