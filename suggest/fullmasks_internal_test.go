package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestFullMasks holds fullMasks.dominates to the plain walk asking
// within of every mask, over random sentences whose masks and hits
// repeat positions, span more than a mask holds, or hold one position.
func TestFullMasks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	seen := [2]int{}
	var f fullMasks
	positions := func(base int32, span int) []int32 {
		ps := make([]int32, 1+r.IntN(4))
		for j := range ps {
			ps[j] = base + int32(r.IntN(span))
		}
		return ps
	}
	for range 20000 {
		base := int32(r.IntN(100))
		span := []int{4, 12, 300}[r.IntN(3)]
		f.reset()
		var plain []posMask
		for range r.IntN(5) {
			m := maskOf(positions(base, span), base)
			f.add(m)
			plain = append(plain, m)
		}
		for range 8 {
			var mine posMask
			if r.IntN(20) == 0 {
				mine = maskOf(nil, base)
			} else {
				mine = maskOf(positions(base, span), base)
			}
			want := false
			for _, full := range plain {
				if mine.within(full) {
					want = true
					break
				}
			}
			if want {
				seen[1]++
			} else {
				seen[0]++
			}
			if got := f.dominates(&mine); got != want {
				t.Fatalf("masks %v, hit %v: dominated %v, want %v", plain, mine, got, want)
			}
		}
	}
	if seen[0] == 0 || seen[1] < 1000 {
		t.Fatalf("cases not covered: %v", seen)
	}
}
