package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/index"
)

// TestCoverIndexPlain holds coverIndex.build (one pass over each
// candidate's mentions) to the plain reading of its contract over random
// candidates, the scratch reused from one build to the next: all lists
// every candidate with a fullName mention, ascending, and around, for
// each candidate of dom (a random subset), every candidate with a
// fullName mention holding the first position of its first mention,
// ascending (all when it has none).
func TestCoverIndexPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 11))
	var x coverIndex
	asked := 0
	for round := range 2000 {
		ks := make([]scored, r.IntN(12))
		for j := range ks {
			c := &candidate{}
			for range r.IntN(4) {
				m := mention{hit: index.Hit{Coverage: []float64{1, 0.995, 0.5}[r.IntN(3)]}, learned: r.IntN(6) == 0}
				if r.IntN(6) == 0 {
					m.partNeg = 1
				}
				for range r.IntN(5) {
					m.hit.Positions = append(m.hit.Positions, int32(r.IntN(40)-2)) // a few negative
				}
				c.mentions = append(c.mentions, m)
			}
			ks[j] = scored{c: c}
		}
		var dom []int32
		for j := range ks {
			if r.IntN(3) > 0 {
				dom = append(dom, int32(j))
			}
		}
		x.ready = false
		x.build(ks, dom)
		var all []int32
		for j := range ks {
			for mi := range ks[j].c.mentions {
				if o := &ks[j].c.mentions[mi]; fullName(o) && !slices.Contains(all, int32(j)) {
					all = append(all, int32(j))
				}
			}
		}
		if !slices.Equal(x.all, all) {
			t.Fatalf("round %d: all %v, want %v", round, x.all, all)
		}
		for _, i := range dom {
			c := ks[i].c
			if len(c.mentions) == 0 || len(c.mentions[0].hit.Positions) == 0 || c.mentions[0].hit.Positions[0] < 0 {
				if got := x.around(ks, c); !slices.Equal(got, all) {
					t.Fatalf("round %d: candidate %d without a position: %v, want all %v", round, i, got, all)
				}
				continue
			}
			p := c.mentions[0].hit.Positions[0]
			var want []int32
			for j := range ks {
				for mi := range ks[j].c.mentions {
					if o := &ks[j].c.mentions[mi]; fullName(o) && slices.Contains(o.hit.Positions, p) {
						want = append(want, int32(j))
						break
					}
				}
			}
			if got := x.around(ks, c); !slices.Equal(got, want) {
				t.Fatalf("round %d: candidate %d, position %d: %v, want %v", round, i, p, got, want)
			}
			asked++
		}
	}
	if asked == 0 {
		t.Fatal("no position asked: the test compares nothing")
	}
}
