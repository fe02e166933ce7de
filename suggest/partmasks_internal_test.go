package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestPartMasks holds partMasks.holdingBits to hasAll asked of each part's
// named stems, over random sets of up to 64 parts and 64 stems.
func TestPartMasks(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 7))
	for range 3000 {
		n, nstems := 1+r.IntN(64), 1+r.IntN(64)
		named := make([]stemBits, n)
		var pm partMasks
		for bi := range named {
			named[bi] = make(stemBits, (nstems+63)/64+1)
			for k := range nstems {
				if r.IntN(4) > 0 {
					named[bi][k>>6] |= 1 << (k & 63)
				}
			}
			pm.add(bi, named[bi])
		}
		ids := make([]int32, r.IntN(4))
		for i := range ids {
			ids[i] = int32(r.IntN(nstems))
		}
		var stems uint64
		for _, id := range ids {
			stems |= 1 << id
		}
		got := pm.holdingBits(n, stems)
		for bi := range 64 {
			want := bi < n && named[bi].hasAll(ids)
			if got>>bi&1 == 1 != want {
				t.Fatalf("part %d of %d, stems %v: holding says %v, hasAll %v", bi, n, ids, !want, want)
			}
		}
	}
}
