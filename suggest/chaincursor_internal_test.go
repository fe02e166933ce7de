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
		n := 1 + rng.IntN(80)
		var r sentenceRanges
		r.ids, r.nids = make([]int64, n), make([]int64, n)
		for j := range n {
			r.ids[j] = -1
			if rng.IntN(5) > 0 {
				r.ids[j] = int64(alphabet[rng.IntN(len(alphabet))])
			}
			r.nids[j] = r.ids[j]
			if rng.IntN(4) == 0 {
				r.nids[j] = -1
			}
		}
		for lo := 0; lo < n; {
			hi := min(n, lo+1+rng.IntN(8))
			r.term = append(r.term, [2]int32{int32(lo), int32(hi)})
			lo = hi
		}
		r.pos.build(r.ids)
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
