package suggest

import "slices"

// sentScanMax is how many sentences a sentSet finds by scanning its list:
// most candidates are named in a few sentences, where a scan is cheapest.
const sentScanMax = 32

// sentSet answers "is sentence s already in the list?" for a list built in
// order of first appearance (a candidate's mentions' sentences). Up to
// sentScanMax members it scans the list; past that it keeps a bitset of the
// members, so that a note naming a code in thousands of sentences (a
// phrase pasted over and over) costs linear, not quadratic, time.
// Negative numbers (no sentence) are kept in a list of their own.
type sentSet struct {
	bits []uint64
	negs []int
}

// has reports whether s is in list, the set's members.
func (t *sentSet) has(list []int, s int) bool {
	switch {
	case t.bits == nil:
		return slices.Contains(list, s)
	case s < 0:
		return slices.Contains(t.negs, s)
	default:
		return s/64 < len(t.bits) && t.bits[s/64]&(1<<(s%64)) != 0
	}
}

// added records that s has just been appended to list.
func (t *sentSet) added(list []int, s int) {
	switch {
	case t.bits != nil:
		t.set(s)
	case len(list) > sentScanMax:
		t.bits = make([]uint64, 0, 8)
		for _, x := range list {
			t.set(x)
		}
	}
}

func (t *sentSet) set(s int) {
	if s < 0 {
		t.negs = append(t.negs, s)
		return
	}
	for s/64 >= len(t.bits) {
		t.bits = append(t.bits, 0)
	}
	t.bits[s/64] |= 1 << (s % 64)
}
