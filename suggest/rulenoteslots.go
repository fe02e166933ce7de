package suggest

// firstSlot is an exact first word of a ruleCueTable in its open
// addressing table (ruleCueTable.slots), with what find reads of it
// before its lists: the union of its lists' second words' bits and
// whether one of them holds the word alone. As heads (1 + an index by
// firstKey) leading to an entry of first leading to its lists, a first
// word of the note cost three cache lines, each a likely miss (the rest
// of the note evicts the table); its slot is one, and its lists are read
// only when one of them can start at the token.
type firstSlot struct {
	second uint64 // the union of its lists' firstList.second
	off    uint32 // the word is arena[off:off+n]
	n      uint32 // 0: an empty slot
	flat   uint32 // its lists are flat[flat:flat+lists]
	lists  uint32
	single bool // one of its lists holds the word alone
}

// laySlots places each word of first in slots, at its wordKey or the
// next empty slot after it (wrapping): slotOf finds it by walking from
// its key to it, never past an empty slot. The table is at least four
// times the words, so walks stay short and always reach an empty slot.
// (Placed by firstKey, a sum of a few bytes, the words crowded into long
// runs of keys, walked end to end by the tokens that are no first word.)
func (t *ruleCueTable) laySlots() {
	size := 8192 // wordKey's range
	for size < 4*len(t.first) {
		size *= 2
	}
	t.slots = make([]firstSlot, size)
	off, flat := 0, 0
	for _, fw := range t.first {
		s := firstSlot{off: uint32(off), n: uint32(len(fw.word)), flat: uint32(flat), lists: uint32(len(fw.lists))}
		for _, f := range fw.lists {
			s.second |= f.second
			s.single = s.single || f.single
		}
		k := wordKey(fw.word)
		for t.slots[k].n != 0 {
			k = (k + 1) & uint(size-1)
		}
		t.slots[k] = s
		off += len(fw.word)
		flat += len(fw.lists)
	}
}

// slotOf returns the slot of first word w (k its wordKey), nil when w is
// none.
func (t *ruleCueTable) slotOf(w string, k uint) *firstSlot {
	for {
		s := &t.slots[k]
		if s.n == 0 {
			return nil
		}
		if int(s.n) == len(w) && t.arena[s.off:s.off+s.n] == w {
			return s
		}
		k = (k + 1) & uint(len(t.slots)-1)
	}
}
