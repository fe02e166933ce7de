package index

import (
	"math/rand/v2"
	"testing"
)

// TestQueryMask holds the query mask (scratch.enter) to the present bits
// it stands in front of: every term present has its bit set, so a pair
// the mask rejects is no query term's, over random queries; and some
// absent terms have their bit clear, or the test could not fail.
func TestQueryMask(t *testing.T) {
	ix := build(t)
	sc := ix.newScratch()
	rng := rand.New(rand.NewPCG(38, 1))
	const vocab = 5000
	cleared := 0
	for range 2000 {
		q := randomQuery(rng, 12, vocab, false)
		sc.enter(q)
		for u := range uint32(vocab) {
			in := sc.present[u/64]&(1<<(u%64)) != 0
			if bit := sc.qmask&(1<<(u%64)) != 0; in && !bit {
				t.Fatalf("query %v: term %d present, its mask bit clear", q.Terms, u)
			} else if !bit {
				cleared++
			}
		}
		sc.reset()
	}
	if cleared == 0 {
		t.Fatalf("no absent term's bit clear: the mask never answers")
	}
}
