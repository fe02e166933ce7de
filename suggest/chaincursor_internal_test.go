package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestChainCursor: walks started where a chainCursor says visit what the
// plain scan visits, sentence by sentence, for sentence lists that run
// forward, repeat a sentence and jump back, as a candidate's merged
// mentions' sentences do.
func TestChainCursor(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	alphabet := []uint32{0, 1, 2, 3, 64, 1 << 20, unspecTerm}
	found := 0
	for range 2000 {
		r := randomRanges(rng, alphabet, 1+rng.IntN(80), 8)
		var sents []int
		for s := 0; s < len(r.term); s++ {
			switch rng.IntN(6) {
			case 0:
				continue
			case 1:
				sents = append(sents, rng.IntN(s+1)) // back
			case 2:
				sents = append(sents, s, s)
			default:
				sents = append(sents, s)
			}
		}
		for _, id := range alphabet {
			head := r.pos.first(id)
			if head < 0 {
				continue
			}
			cur := newChainCursor(head)
			for _, sn := range sents {
				lo, hi := r.term[sn][0], r.term[sn][1]
				var got []int32
				for j := r.holding(cur.from(r.pos.next, lo), id, lo, hi); j >= 0; j = r.holding(r.pos.next[j], id, lo, hi) {
					got = append(got, j)
				}
				if want := scanHolding(&r, id, lo, hi); !slices.Equal(got, want) {
					t.Fatalf("id %d sentence %d of %v: cursor visits %v, scan %v", id, sn, sents, got, want)
				}
				found += len(got)
			}
		}
	}
	if found == 0 {
		t.Error("nothing found: nothing tested")
	}
}
