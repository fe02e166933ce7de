package suggest

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"
)

// TestSortSpans: sortSpans leaves the spans, ties included, in the order
// slices.SortFunc by sentence and start leaves them, for the packed keys
// and for spans they cannot hold.
func TestSortSpans(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var scratch rankScratch
	for _, n := range []int{0, 1, 2, 12, 13, 50, 300} {
		for _, negative := range []bool{false, true} {
			g := make([]span, n)
			for i := range g {
				g[i] = span{c: &candidate{}, sent: r.Intn(4), start: r.Intn(6) * 10, end: 100}
			}
			if negative && n > 0 {
				g[n/2].sent = -1
			}
			want := slices.Clone(g)
			slices.SortFunc(want, func(a, b span) int {
				if a.sent != b.sent {
					return cmp.Compare(a.sent, b.sent)
				}
				return cmp.Compare(a.start, b.start)
			})
			sortSpans(&scratch, g)
			for i := range g {
				if g[i].c != want[i].c {
					t.Fatalf("%d spans (negative %v): position %d differs from slices.SortFunc", n, negative, i)
				}
			}
		}
	}
	for _, s := range scratch.spans[:cap(scratch.spans)] {
		if s.c != nil {
			t.Fatal("the scratch keeps a candidate alive")
		}
	}
}
