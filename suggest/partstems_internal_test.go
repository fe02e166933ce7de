package suggest

import (
	"math/rand"
	"testing"
)

// TestPartStemsNaming holds partStems.naming to the plain test it
// replaces in combinations: part i is in the mask exactly when its named
// stems hold every id (stemBits.hasAll), over random parts, stems and
// subterms of zero to three stems, calls after calls on one scratch (the
// part count and stem count changing between them).
func TestPartStemsNaming(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	var p partStems
	for call := 0; call < 400; call++ {
		stems := 1 + r.Intn(200)
		if call%50 > 25 {
			stems = 130 // the same stems call after call
		}
		nparts := r.Intn(150)
		p.named = p.named[:0]
		for range nparts {
			b := make(stemBits, (stems+63)/64+1)
			for k := range stems {
				if r.Intn(3) > 0 {
					b[k>>6] |= 1 << (k & 63)
				}
			}
			p.named = append(p.named, b)
		}
		p.start(stems)
		for range 30 {
			ids := make([]int32, r.Intn(4))
			for i := range ids {
				ids[i] = int32(r.Intn(stems))
			}
			mask := p.naming(ids)
			if len(mask) != (nparts+63)/64 {
				t.Fatalf("call %d: %d mask words for %d parts", call, len(mask), nparts)
			}
			for i, b := range p.named {
				if got, want := mask[i>>6]&(1<<(i&63)) != 0, b.hasAll(ids); got != want {
					t.Fatalf("call %d, part %d, ids %v: naming %v, hasAll %v", call, i, ids, got, want)
				}
			}
			for i := nparts; i < len(mask)*64; i++ {
				if mask[i>>6]&(1<<(i&63)) != 0 {
					t.Fatalf("call %d: bit %d set beyond %d parts", call, i, nparts)
				}
			}
		}
	}
}
