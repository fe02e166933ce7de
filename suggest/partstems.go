package suggest

import (
	"math/bits"
	"slices"
)

// partStems answers, for one combinations call, which parts' codes name
// every stem of a "with" subterm (stemBits.hasAll of each part's named
// stems): per stem, the mask of the parts naming it, the named bits
// turned around once per call. combinations asks per rule of every head
// a note opens (some 60 rules a note); testing each part's bits per rule
// was most of its work.
type partStems struct {
	named []stemBits // per part, filled before start
	words int        // mask words a stem: one bit a part
	masks []uint64   // per stem, words words
	out   []uint64   // naming's answer
}

// start turns named, the parts' named stems of stems "with" stems,
// into the masks per stem.
func (p *partStems) start(stems int) {
	w := (len(p.named) + 63) / 64
	p.words = w
	p.masks = slices.Grow(p.masks[:0], w*stems)[:w*stems]
	clear(p.masks)
	for bi, b := range p.named {
		for k, x := range b {
			for ; x != 0; x &= x - 1 {
				if j := k<<6 | bits.TrailingZeros64(x); j < stems {
					p.masks[j*w+bi>>6] |= 1 << (bi & 63)
				}
			}
		}
	}
}

// naming returns the mask of the parts (bit i%64 of word i/64 for part
// i) whose named stems hold every id of ids. The slice is p's: valid until
// the next call, not to be changed.
func (p *partStems) naming(ids []int32) []uint64 {
	w := p.words
	if len(ids) == 1 { // a subterm of one stem: its mask as is
		return p.masks[int(ids[0])*w : int(ids[0])*w+w]
	}
	p.out = p.out[:0]
	n := len(p.named)
	for i := range w {
		all := ^uint64(0)
		if i == w-1 && n%64 != 0 {
			all = 1<<(n%64) - 1
		}
		p.out = append(p.out, all)
	}
	for _, id := range ids {
		m := p.masks[int(id)*w : int(id)*w+w]
		for i := range p.out {
			p.out[i] &= m[i]
		}
	}
	return p.out
}
