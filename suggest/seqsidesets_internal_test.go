package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestSideSets holds sideSets.mayOf to listNeed.may over random sides
// and needs as needOf and sideOf make them (a need's and a side's bit one
// first byte's or none; at and use any mask), up to 64 sides.
func TestSideSets(t *testing.T) {
	r := rand.New(rand.NewPCG(35, 5))
	mask := func() uint64 {
		switch r.IntN(5) {
		case 0:
			return 0
		case 1:
			return ^uint64(0)
		case 2:
			return 1 << r.IntN(64)
		default:
			return r.Uint64() & r.Uint64() & r.Uint64()
		}
	}
	one := func() uint64 {
		if r.IntN(6) == 0 {
			return 0
		}
		return 1 << r.IntN(64)
	}
	// sparse ANDs k draws of a byte: a flag set with few bits.
	sparse := func(k int) uint8 {
		v := uint8(0xff)
		for range k {
			v &= uint8(r.IntN(256))
		}
		return v
	}
	var sets sideSets
	hits := 0
	for range 3000 {
		sides := make([]listSide, r.IntN(65))
		for j := range sides {
			sides[j] = listSide{at: mask(), bit: one(), flags: sparse(2)}
		}
		sets.build(sides)
		for range 10 {
			n := listNeed{bit: one(), use: mask(), flags: sparse(3)}
			got := sets.mayOf(&n)
			var want uint64
			for j := range sides {
				if n.may(&sides[j]) {
					want |= 1 << j
				}
			}
			if got != want {
				t.Fatalf("mayOf(%+v) = %#x, may %#x over %d sides", n, got, want, len(sides))
			}
			if want != 0 && want != 1<<len(sides)-1 {
				hits++
			}
		}
	}
	if hits < 1000 {
		t.Fatalf("cases too one-sided: %d", hits)
	}
}
