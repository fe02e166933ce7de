package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/nlp"
)

// TestMentionFacts holds mentionFacts to mentionFactsSet on random
// candidates: mentions in sentence order and not, repeated sentences,
// negative ones, more than the set's scan bound, with and without merged
// candidates.
func TestMentionFacts(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 4))
	cand := func() *candidate {
		c := &candidate{}
		n := rng.IntN(6)
		if rng.IntN(8) == 0 {
			n = rng.IntN(4 * sentScanMax)
		}
		sorted := rng.IntN(2) == 0
		s := rng.IntN(5) - 2
		for range n {
			if sorted {
				s += rng.IntN(3)
			} else {
				s = rng.IntN(3*sentScanMax) - 2
			}
			c.mentions = append(c.mentions, mention{sent: s, assert: nlp.Assertion(1 << rng.IntN(6))})
		}
		return c
	}
	for trial := range 5000 {
		k := &scored{c: cand()}
		if rng.IntN(4) == 0 {
			for range 1 + rng.IntN(3) {
				k.extra = append(k.extra, cand())
			}
		}
		n, flags := mentionFacts(k)
		wn, wflags := mentionFactsSet(k)
		if n != wn || flags != wflags {
			t.Fatalf("trial %d: mentionFacts = %d, %v; the set's %d, %v", trial, n, flags, wn, wflags)
		}
	}
}
