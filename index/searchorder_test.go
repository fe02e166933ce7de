package index

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRunTable holds the tabulated run of a sorted query's positions to
// binary search, over positions with repeats (an abbreviation's
// expansions share one) and spans too long to tabulate.
func TestRunTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ n, step int }{{1, 1}, {5, 1}, {20, 3}, {40, 2}, {8, maxRunTable / 4}} {
		var ps []int32
		p := int32(r.IntN(50))
		for range tc.n {
			ps = append(ps, p)
			p += int32(r.IntN(tc.step + 1)) // 0: a repeated position
		}
		sc := &scratch{sortedPos: true}
		sc.tabulate(ps)
		if long := int(ps[len(ps)-1]-ps[0]) >= maxRunTable; long != (len(sc.at) == 0) {
			t.Fatalf("%d positions spanning %d: table of %d", len(ps), ps[len(ps)-1]-ps[0], len(sc.at))
		}
		for _, first := range ps {
			for _, last := range ps {
				if last < first {
					continue
				}
				lo, hi := sc.run(ps, first, last)
				wlo, _ := slices.BinarySearch(ps, first)
				whi, _ := slices.BinarySearch(ps, last+1)
				if lo != wlo || hi != whi {
					t.Fatalf("positions %v, run %d..%d: [%d,%d), want [%d,%d)", ps, first, last, lo, hi, wlo, whi)
				}
			}
		}
	}
}

// TestSortKeys holds sortKeys to a plain sort by score desc then name,
// at sizes on both sides of the insertion-sort bound and of each merge
// pass's, with tied scores.
func TestSortKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var buf []hitKey
	for n := range 300 {
		keys := make([]hitKey, n)
		for i := range keys {
			keys[i] = hitKey{score: float64(r.IntN(8)) / 8, name: int32(r.IntN(1000)*1000 + i), i: int32(i)}
		}
		want := slices.Clone(keys)
		slices.SortFunc(want, func(a, b hitKey) int {
			if a.score != b.score {
				return cmp.Compare(b.score, a.score)
			}
			return cmp.Compare(a.name, b.name)
		})
		sortKeys(keys, &buf)
		if !slices.Equal(keys, want) {
			t.Fatalf("%d keys: %v, want %v", n, keys, want)
		}
	}
}
