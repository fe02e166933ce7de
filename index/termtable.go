package index

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

// termSlot is one term: its first bytes (zero-padded, as termHead reads
// them) and its meta word, id+1 in the low termIDBits bits (0: an empty
// slot) and the term's length, at most 255, above them.
type termSlot struct {
	a    uint64 // bytes 0-7
	b    uint32 // bytes 8-11
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
		a, b, h := termKey(s)
		i := h & t.mask
		for t.slots[i].meta != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = termSlot{a: a, b: b, meta: uint32(id+1) | uint32(min(len(s), 255))<<termIDBits}
	}
	return t, true
}

// find returns the id of stem among ix's terms.
func (t *termTable) find(ix *Index, stem string) (uint32, bool) {
	var k termProbe
	k.a, k.b, k.h = termKey(stem)
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
		if meta>>termIDBits == l && t.slots[i].a == k.a && t.slots[i].b == k.b {
			id := meta&(1<<termIDBits-1) - 1
			if len(stem) <= termInline || ix.Term(id) == stem {
				return id, true
			}
		}
		i = (i + 1) & t.mask
		meta = t.slots[i].meta
	}
}

// termKey is a stem's first termInline bytes, zero-padded, as numbers
// (termHead), and the hash of those and its length.
func termKey(s string) (a uint64, b uint32, h uint32) {
	a, b = termHead(s)
	return a, b, termHash(a, b, len(s))
}

// termHash is the hash of a term of n bytes whose head (termHead) is a,
// b.
func termHash(a uint64, b uint32, n int) uint32 {
	x := (a ^ (uint64(b)|uint64(n)<<32)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
	x ^= x >> 29
	x *= 0x94d049bb133111eb
	x ^= x >> 32
	return uint32(x)
}

// termHead returns the first termInline bytes of s, zero past its end,
// as little-endian numbers: bytes 0-7 in a, 8-11 in b. It reads them in
// a few loads (whole words where s is long enough, two overlapping ones
// for four to seven bytes) rather than copying them into an array.
func termHead(s string) (a uint64, b uint32) {
	switch n := len(s); {
	case n >= 12:
		return le64(s), le32(s[8:])
	case n >= 8:
		for i := n - 1; i >= 8; i-- {
			b = b<<8 | uint32(s[i])
		}
		return le64(s), b
	case n >= 4:
		// The two words overlap when n < 8: their common bytes are
		// or-ed with themselves.
		return uint64(le32(s)) | uint64(le32(s[n-4:]))<<(8*(n-4)), 0
	}
	for i := len(s) - 1; i >= 0; i-- {
		a = a<<8 | uint64(s[i])
	}
	return a, 0
}

// le64 is the little-endian number of the first eight bytes of s.
func le64(s string) uint64 {
	_ = s[7] // one bounds check
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 is the little-endian number of the first four bytes of s.
func le32(s string) uint32 {
	_ = s[3] // one bounds check
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
