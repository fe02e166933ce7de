package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestStatesAroundByPosition: the positional form answers as the pairwise
// scan on random candidates: names in and out of each other, learned,
// partial and partly negated ones, mentions without positions, repeats.
func TestStatesAroundByPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 19))
	mentions := func(n, span int) []mention {
		ms := make([]mention, n)
		for i := range ms {
			m := &ms[i]
			start, size := int32(rng.IntN(span)), rng.IntN(5)
			if rng.IntN(15) == 0 {
				size = 0
			}
			for j := range size {
				p := start + int32(j)
				if rng.IntN(6) == 0 {
					p += int32(rng.IntN(3))
				}
				m.hit.Positions = append(m.hit.Positions, p)
			}
			m.hit.Coverage = 1
			switch rng.IntN(12) {
			case 0:
				m.learned = true
			case 1:
				m.hit.Coverage = 0.5
			case 2:
				m.partNeg = 0.5
			}
		}
		return ms
	}
	agree, yes := 0, 0
	for trial := 0; trial < 20000; trial++ {
		span := 4 + rng.IntN(40)
		d := &candidate{mentions: mentions(rng.IntN(12), span)}
		c := &candidate{mentions: mentions(1+rng.IntN(4), span)}
		if trial%100 == 0 { // large: a repeated phrase
			d.mentions = mentions(200+rng.IntN(300), span)
		}
		want := statesAroundScan(d, c)
		if got := statesAroundByPosition(d, c); got != want {
			t.Fatalf("trial %d: by position %v, scan %v\nd %+v\nc %+v", trial, got, want, d.mentions, c.mentions)
		}
		agree++
		if want {
			yes++
		}
	}
	t.Logf("%d of %d trials state around", yes, agree)
	if yes < agree/20 || yes > agree-agree/20 {
		t.Errorf("%d of %d trials state around: too few of one answer to test", yes, agree)
	}
}
