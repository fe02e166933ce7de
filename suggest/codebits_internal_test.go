package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCodeBits holds codeBits to the set it stands for: every code added
// may be in it, and over random sets of codes most that are not are told
// apart.
func TestCodeBits(t *testing.T) {
	r := rand.New(rand.NewPCG(46, 16))
	code := func() string {
		b := []byte{byte('A' + r.IntN(26)), byte('0' + r.IntN(10)), byte('0' + r.IntN(10))}
		if r.IntN(4) > 0 {
			b = append(b, '.')
			for range 1 + r.IntN(4) {
				b = append(b, byte('0'+r.IntN(10)))
			}
		}
		return string(b)
	}
	told, asked := 0, 0
	for range 500 {
		var set []string
		var bits codeBits
		for range r.IntN(40) {
			c := code()
			set = append(set, c)
			bits.add(c)
		}
		for _, c := range set {
			if !bits.may(c) {
				t.Fatalf("%q added, may says no", c)
			}
		}
		for range 40 {
			c := code()
			if slices.Contains(set, c) {
				continue
			}
			asked++
			if !bits.may(c) {
				told++
			}
		}
	}
	if told*2 < asked {
		t.Fatalf("only %d of %d codes outside the set told apart", told, asked)
	}
}
