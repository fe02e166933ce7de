package nlp

// fixedTable is the fixed vocabulary sealed for lookup: open addressing
// keyed by the FNV-1a hash lookup computes anyway for the shards, so a form
// costs one hash and, mostly, one probe of a small slot array instead of a
// Go map lookup before the shard's.
type fixedTable struct {
	slots []fixedSlot // a power of two, at most half full
	words []word
}

// fixedSlot is a word's hash and its index in words plus one (0: empty).
type fixedSlot struct {
	hash uint32
	at   uint32
}

// fnv1a is the 32-bit FNV-1a hash of b.
func fnv1a(b []byte) uint32 {
	var h uint32 = 2166136261
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// newFixedTable seals the fixed words (in any order: each form is one
// slot, found by its hash and spelling).
func newFixedTable(fixed map[string]word) fixedTable {
	n := 16
	for n < 2*len(fixed) {
		n *= 2
	}
	t := fixedTable{slots: make([]fixedSlot, n), words: make([]word, 0, len(fixed))}
	mask := uint32(n - 1)
	for norm, w := range fixed {
		h := fnv1a([]byte(norm))
		i := h & mask
		for t.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		t.words = append(t.words, w)
		t.slots[i] = fixedSlot{hash: h, at: uint32(len(t.words))}
	}
	return t
}

// find returns the fixed word spelled b, whose FNV-1a hash is h.
func (t *fixedTable) find(b []byte, h uint32) (word, bool) {
	if len(t.slots) == 0 {
		return word{}, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.at == 0 {
			return word{}, false
		}
		if s.hash == h && t.words[s.at-1].norm == string(b) {
			return t.words[s.at-1], true
		}
	}
}
