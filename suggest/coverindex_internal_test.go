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
// every candidate with a fullName mention, ascending, and each position's
// list every candidate with a fullName mention holding it, ascending.
func TestCoverIndexPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 11))
	var x coverIndex
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
		x.ready = false
		x.build(ks)
		var all []int32
		top := int32(-1)
		for j := range ks {
			for mi := range ks[j].c.mentions {
				if o := &ks[j].c.mentions[mi]; fullName(o) {
					if !slices.Contains(all, int32(j)) {
						all = append(all, int32(j))
					}
					for _, p := range o.hit.Positions {
						top = max(top, p)
					}
				}
			}
		}
		if !slices.Equal(x.all, all) {
			t.Fatalf("round %d: all %v, want %v", round, x.all, all)
		}
		if len(x.start) != int(top)+2 {
			t.Fatalf("round %d: %d starts, want %d", round, len(x.start), top+2)
		}
		for p := int32(0); p <= top; p++ {
			var want []int32
			for j := range ks {
				for mi := range ks[j].c.mentions {
					if o := &ks[j].c.mentions[mi]; fullName(o) && slices.Contains(o.hit.Positions, p) {
						want = append(want, int32(j))
						break
					}
				}
			}
			if got := x.at[x.start[p]:x.start[p+1]]; !slices.Equal(got, want) {
				t.Fatalf("round %d: position %d: %v, want %v", round, p, got, want)
			}
		}
	}
}
