package suggest

import (
	"slices"
	"testing"
)

// TestRefinesInto holds refinesInto to appending each pair's vague code
// to its refinement's list, in order, and checks that the lists cut from
// one array do not run into each other.
func TestRefinesInto(t *testing.T) {
	cs := make([]candidate, 6)
	for _, ps := range [][][2]int{{}, {{0, 1}}, {{0, 1}, {2, 3}, {0, 4}}, {{5, 0}, {1, 2}, {5, 3}, {1, 4}, {5, 1}}} {
		for i := range cs {
			cs[i].refines = nil
		}
		var pairs [][2]*candidate
		want := map[*candidate][]*candidate{}
		for _, p := range ps {
			r, v := &cs[p[0]], &cs[p[1]]
			pairs = append(pairs, [2]*candidate{r, v})
			want[r] = append(want[r], v)
		}
		dst := refinesInto(pairs, make([]*candidate, 0, 1))
		if len(dst) != len(pairs) {
			t.Errorf("%v: %d listed, want %d", ps, len(dst), len(pairs))
		}
		for i := range cs {
			c := &cs[i]
			if !slices.Equal(c.refines, want[c]) {
				t.Errorf("%v: candidate %d refines %d codes, want %d", ps, i, len(c.refines), len(want[c]))
			}
			if len(c.refines) != cap(c.refines) {
				t.Errorf("%v: candidate %d: list may grow into the next", ps, i)
			}
		}
	}
}
