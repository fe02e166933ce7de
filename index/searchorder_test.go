package index

import (
	"cmp"
	"math"
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
// at sizes on both sides of the insertion-sort bound, of each merge
// pass's and of the bucket sort's, with tied scores, with scores spread
// over the buckets' span (the engine's: its ends, 1 and just above
// keyFloor, among them), and with scores outside it (0, keyFloor itself,
// past 1, negative), which the merge sorts.
func TestSortKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var buf []hitKey
	scores := []func() float64{
		func() float64 { return float64(r.IntN(8)) / 8 }, // 0 and keyFloor among them
		func() float64 { return keyFloor + (1-keyFloor)*(1-r.Float64()) },
		func() float64 { return []float64{1, 0.95, 0.85, 0.6, math.Nextafter(keyFloor, 1)}[r.IntN(5)] },
		func() float64 { return 0.2 + 0.8*r.Float64()*r.Float64() },
		func() float64 {
			if r.IntN(100) == 0 {
				return []float64{1.5, -0.5, 0, keyFloor, math.Nextafter(1, 2)}[r.IntN(5)]
			}
			return 0.2 + 0.8*r.Float64()
		},
	}
	var bucketed, merged int // sorts of more than minBucketKeys keys each way
	for c := range 5 * len(scores) {
		score := scores[c%len(scores)]
		for n := range 300 {
			keys := make([]hitKey, n)
			for i := range keys {
				keys[i] = hitKey{score: score(), name: int32(r.IntN(1000)*1000 + i), i: int32(i)}
			}
			if n > minBucketKeys {
				if _, ok := bucketKeys(slices.Clone(keys), &buf); ok {
					bucketed++
				} else {
					merged++
				}
			}
			checkSortKeys(t, keys, &buf)
		}
	}
	if bucketed == 0 || merged == 0 {
		t.Fatalf("%d sorts by buckets, %d merged: a path untested", bucketed, merged)
	}
}

// checkSortKeys sorts keys with sortKeys and fails t unless they end as
// a plain sort orders them.
func checkSortKeys(t *testing.T, keys []hitKey, buf *[]hitKey) {
	t.Helper()
	want := slices.Clone(keys)
	slices.SortFunc(want, func(a, b hitKey) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.name, b.name)
	})
	keys = sortKeys(keys, buf)
	if !slices.Equal(keys, want) {
		t.Fatalf("%d keys: %v, want %v", len(keys), keys, want)
	}
}
