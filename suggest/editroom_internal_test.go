package suggest

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestWithEdit holds work.withEdit to append on a clipped list over
// random sequences of lists grown from earlier ones, with and without a
// result arena (reused, as a pooled one is, after clearFull): every list
// keeps its edits whatever is added after it, and each cut from the
// arena has no room past its end.
func TestWithEdit(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	var w work
	a := &resultArena{}
	for round := range 300 {
		w.res = nil
		if round%3 > 0 {
			a.edits = clearFull(a.edits)
			w.res = a
		}
		var got, want [][]Edit
		for i := range r.IntN(40) {
			ed := Edit{Kind: strconv.Itoa(round), Message: strconv.Itoa(i)}
			from := -1 // a new list
			if len(got) > 0 && r.IntN(4) > 0 {
				from = r.IntN(len(got))
			}
			var g, wt []Edit
			if from >= 0 {
				g, wt = got[from], want[from]
			}
			g = w.withEdit(g, ed)
			wt = append(slices.Clone(wt), ed)
			if w.res != nil && len(g) != cap(g) {
				t.Fatalf("round %d: a list of %d with room for %d", round, len(g), cap(g))
			}
			got, want = append(got, g), append(want, wt)
			for k := range got {
				if !slices.Equal(got[k], want[k]) {
					t.Fatalf("round %d, list %d after %d edits: %v, want %v", round, k, i+1, got[k], want[k])
				}
			}
		}
	}
}
