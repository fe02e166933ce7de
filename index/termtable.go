package index

import "encoding/binary"

// termTable finds a stem's term id in one array read: open addressing
// over slots holding a term's first termInline bytes, its length and its
// id, so a stem of termInline bytes or fewer is told from every other
// term without reading the arena (a Go map reads its control word, its
// slot and the key's bytes, three places in memory, for each of the
// hundreds of stems of a note). Longer stems compare their remaining
// bytes with the arena.
type termTable struct {
	slots []termSlot
	mask  uint32
}

// termInline is how many bytes of a term a slot holds.
const termInline = 12

// termSlot is one term: its first bytes (zero-padded) and its meta word,
// id+1 in the low termIDBits bits (0: an empty slot) and the term's
// length, at most 255, above them.
type termSlot struct {
	pre  [termInline]byte
	meta uint32
}

// termIDBits is how many bits of a slot's meta word hold id+1.
const termIDBits = 24

// newTermTable indexes ix's terms; ok is false when there are too many
// for a slot's id bits (TermID then keeps the map).
func newTermTable(ix *Index) (termTable, bool) {
	if len(ix.termStr) >= 1<<termIDBits-1 {
		return termTable{}, false
	}
	n := 64
	for n < 2*len(ix.termStr) {
		n *= 2
	}
	t := termTable{slots: make([]termSlot, n), mask: uint32(n - 1)}
	for id := range ix.termStr {
		s := ix.Term(uint32(id))
		pre, h := termKey(s)
		i := h & t.mask
		for t.slots[i].meta != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = termSlot{pre: pre, meta: uint32(id+1) | uint32(min(len(s), 255))<<termIDBits}
	}
	return t, true
}

// find returns the id of stem among ix's terms.
func (t *termTable) find(ix *Index, stem string) (uint32, bool) {
	var k termProbe
	k.pre, k.h = termKey(stem)
	k.home = t.slots[k.h&t.mask].meta
	return t.probe(ix, stem, &k)
}

// probe returns the id of stem, whose key and home slot's meta word k
// holds, among ix's terms.
func (t *termTable) probe(ix *Index, stem string, k *termProbe) (uint32, bool) {
	l := uint32(min(len(stem), 255))
	meta := k.home
	for i := k.h & t.mask; ; {
		if meta == 0 {
			return 0, false
		}
		if meta>>termIDBits == l && t.slots[i].pre == k.pre {
			id := meta&(1<<termIDBits-1) - 1
			if len(stem) <= termInline || ix.Term(id) == stem {
				return id, true
			}
		}
		i = (i + 1) & t.mask
		meta = t.slots[i].meta
	}
}

// termKey is a stem's first bytes, zero-padded, and the hash of those and
// its length.
func termKey(s string) ([termInline]byte, uint32) {
	var pre [termInline]byte
	copy(pre[:], s)
	a := binary.LittleEndian.Uint64(pre[0:8])
	b := uint64(binary.LittleEndian.Uint32(pre[8:12])) | uint64(len(s))<<32
	h := (a ^ b*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
	h ^= h >> 29
	h *= 0x94d049bb133111eb
	h ^= h >> 32
	return pre, uint32(h)
}
