package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestGroundingIn holds groundingIn to grounding over groundIndex.said on
// random indexes (terms below, just past and well past the index's terms,
// with and without beyond entries), title terms and sentence masks, and
// newGroundTermsOf's layout to the lists it was given (held in the struct
// and, past groundInline terms, apart).
func TestGroundingIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 12))
	terms := func(n, max int) []uint32 {
		if n == 0 {
			return nil
		}
		out := make([]uint32, n)
		for i := range out {
			out[i] = uint32(rng.IntN(max))
		}
		return out
	}
	for range 5000 {
		g := &groundIndex{terms: 1 + rng.IntN(150), ok: true}
		g.sents, g.bits = make([]uint64, g.terms), make([]uint64, (g.terms+63)/64)
		for i := range g.sents {
			if rng.IntN(3) == 0 {
				g.sents[i] = rng.Uint64() & (1<<rng.IntN(64) - 1 | 1<<rng.IntN(64))
				g.bits[i/64] |= 1 << (i % 64)
			}
		}
		for range rng.IntN(6) {
			g.beyond = append(g.beyond, groundBeyond{id: uint32(g.terms + rng.IntN(200)), sent: rng.IntN(64)})
		}
		max := g.terms + 256
		own, parent, distinct, sibling := terms(rng.IntN(8), max), rng.IntN(4) != 0, terms(rng.IntN(5), max), terms(rng.IntN(10+rng.IntN(2)*20), max)
		for _, b := range g.beyond {
			if rng.IntN(2) == 0 {
				sibling = append(sibling, b.id)
			}
			if rng.IntN(3) == 0 {
				own = append(own, b.id)
			}
		}
		tf := newGroundTermsOf(parent, own, distinct, sibling)
		if !slices.Equal(tf.own(), own) || !slices.Equal(tf.distinct(), distinct) || !slices.Equal(tf.sibling(), sibling) {
			t.Fatalf("newGroundTermsOf(%v, %v, %v): %v %v %v", own, distinct, sibling, tf.own(), tf.distinct(), tf.sibling())
		}
		m := rng.Uint64()
		if rng.IntN(3) == 0 {
			m = 1 << rng.IntN(64)
		}
		t1, d1, s1 := tf.groundingIn(g, m)
		t2, d2, s2 := tf.grounding(func(t uint32) bool { return g.said(t, m) })
		if t1 != t2 || d1 != d2 || s1 != s2 {
			t.Fatalf("tf %+v, mask %x: groundingIn %v %v %v, grounding %v %v %v", tf, m, t1, d1, s1, t2, d2, s2)
		}
	}
}
