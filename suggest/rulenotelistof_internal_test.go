package suggest

import "testing"

// TestRuleCueListOfAgrees holds listOf to its plain form, the first list
// of the table with the asked list's length and first phrase's address,
// over the rules' lists, lists the table holds twice or as a shorter
// slice of another, slices of them it does not hold, an empty list and a
// list outside it.
func TestRuleCueListOfAgrees(t *testing.T) {
	base := ruleCueLists()
	shared := phrases("a|a b|a b c|d")
	lists := append(append([][]phrase{}, base...), shared[:2], shared, shared[:2], nil, base[3])
	tab := newRuleCueTable(lists)
	plain := func(ps []phrase) (int32, bool) {
		for li, l := range lists {
			if len(ps) > 0 && len(l) == len(ps) && &l[0] == &ps[0] {
				return int32(li), true
			}
		}
		return 0, false
	}
	asked := [][]phrase{nil, {}, phrases("outside|list"), shared[:3], shared[1:], shared[:1]}
	for _, ps := range lists {
		asked = append(asked, ps)
		if len(ps) > 1 {
			asked = append(asked, ps[:len(ps)-1], ps[1:])
		}
	}
	found := 0
	for i, ps := range asked {
		gotLi, gotOK := tab.listOf(ps)
		wantLi, wantOK := plain(ps)
		if gotOK != wantOK || gotOK && gotLi != wantLi {
			t.Errorf("asked list %d (length %d): listOf %d %v, plain %d %v", i, len(ps), gotLi, gotOK, wantLi, wantOK)
		}
		if wantOK {
			found++
		}
	}
	if found < len(base) {
		t.Fatalf("found %d lists of %d: the test reads too few", found, len(base))
	}
}
