package suggest

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// TestCuesIn holds cuesIn to the sort.Search form it replaced (the same
// run of cues, by place and length) over random cue lists in note order
// and sentences before, among and after them.
func TestCuesIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 9))
	plain := func(cs []cue, sent int) []cue {
		lo := sort.Search(len(cs), func(i int) bool { return cs[i].sent >= sent })
		hi := lo
		for hi < len(cs) && cs[hi].sent == sent {
			hi++
		}
		return cs[lo:hi:hi]
	}
	for range 20000 {
		cs := make([]cue, rng.IntN(12))
		sent := rng.IntN(3)
		for i := range cs {
			sent += rng.IntN(3)
			cs[i].sent = sent
		}
		for q := -1; q <= sent+2; q++ {
			got, want := cuesIn(cs, q), plain(cs, q)
			if len(got) != len(want) || cap(got) != cap(want) || len(want) > 0 && &got[0] != &want[0] {
				t.Fatalf("cuesIn(%v, %d) = %v, want %v", cs, q, got, want)
			}
		}
	}
}
