package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestExpandedMask holds the mask tests searchSentence runs for a hit
// reading an expanded term (maskWhere, then holdsAny, or meets of the
// hit's mask when it has one) to readsExpanded, over random queries, some
// spanning more positions than a mask holds.
func TestExpandedMask(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	seen := [2]int{}
	masked := 0
	for range 20000 {
		base := int32(r.IntN(100))
		span := []int{8, 64, 300}[r.IntN(3)]
		n := 1 + r.IntN(12)
		qpos := make([]int32, n)
		expanded := make([]bool, n)
		for j := range qpos {
			qpos[j] = base + int32(r.IntN(span))
			expanded[j] = r.IntN(4) == 0
		}
		var positions []int32
		for range 1 + r.IntN(4) {
			positions = append(positions, qpos[r.IntN(n)])
		}
		want := readsExpanded(qpos, expanded, positions)
		if want {
			seen[1]++
		} else {
			seen[0]++
		}
		m := maskWhere(qpos, expanded, base)
		if !m.ok {
			continue
		}
		masked++
		if got := m.holdsAny(positions, base); got != want {
			t.Fatalf("query %v expanded %v, hit %v: mask says %v, want %v", qpos, expanded, positions, got, want)
		}
		if hm := maskOf(positions, base); hm.ok {
			if got := m.meets(&hm); got != want {
				t.Fatalf("query %v expanded %v, hit %v: masks meet %v, want %v", qpos, expanded, positions, got, want)
			}
		}
	}
	if seen[0] == 0 || seen[1] == 0 || masked == 0 {
		t.Fatalf("cases not covered: %v, %d masked", seen, masked)
	}
}
