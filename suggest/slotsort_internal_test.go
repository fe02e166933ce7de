package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestSortSlotEntries holds sortSlotEntries to slices.SortFunc by (h, v)
// over random entries: short and long, hashes spread and crowded into
// few buckets (a shared top, equal hashes), repeated values.
func TestSortSlotEntries(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewPCG(23, 5))
	for round := range 400 {
		n := r.IntN(5000)
		if round%50 == 0 {
			n = r.IntN(70)
		}
		es := make([]slotEntry, n)
		spread := r.IntN(4)
		for i := range es {
			h := r.Uint64()
			switch spread {
			case 1: // a few buckets
				h = uint64(r.IntN(4))<<60 | h>>8
			case 2: // a few hashes
				h = uint64(r.IntN(8)) << 50
			}
			es[i] = slotEntry{h: h, v: uint64(r.IntN(6)), lr: uint64(i)}
		}
		want := slices.Clone(es)
		slices.SortFunc(want, compareSlotEntries)
		got := slices.Clone(es)
		sortSlotEntries(got)
		for i := range got {
			if got[i].h != want[i].h || got[i].v != want[i].v {
				t.Fatalf("round %d (n %d, spread %d): entry %d is (%x, %d), want (%x, %d)",
					round, n, spread, i, got[i].h, got[i].v, want[i].h, want[i].v)
			}
		}
		// A permutation: every entry (lr is its first place) once.
		seen := make([]bool, n)
		for _, e := range got {
			if seen[e.lr] {
				t.Fatalf("round %d: entry %d twice", round, e.lr)
			}
			seen[e.lr] = true
		}
	}
}
