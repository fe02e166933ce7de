package suggest

import (
	"math"
	"math/rand/v2"
	"testing"
)

// addPlain is posMask.add in signed arithmetic: the form it replaced.
func (m *posMask) addPlain(d int32) bool {
	if d < 0 || d >= 256 {
		return false
	}
	if m.bits[d/64]&(1<<(d%64)) == 0 {
		m.bits[d/64] |= 1 << (d % 64)
		m.n++
	}
	return true
}

// TestPosMaskAdd holds posMask.add, in unsigned arithmetic, to addPlain:
// the same answer and mask for every offset from -300 to 300 and the
// extremes, added to random masks.
func TestPosMaskAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 1))
	ds := []int32{math.MinInt32, math.MinInt32 + 1, -257, -256, -65, -64, -1, 255, 256, 257, math.MaxInt32}
	for d := int32(-300); d <= 300; d++ {
		ds = append(ds, d)
	}
	for range 200 {
		var m posMask
		m.ok = true
		for range r.IntN(40) {
			m.addPlain(int32(r.IntN(256)))
		}
		for _, d := range ds {
			got, want := m, m
			if g, w := got.add(d), want.addPlain(d); g != w || got != want {
				t.Fatalf("add(%d) to %v: %v %v, want %v %v", d, m, g, got, w, want)
			}
		}
	}
}
