package suggest

import "medcode/corpus"

// mergeTable finds, for Suggest's merge of the scored candidates that
// landed on one code, the index in kept of a code's first candidate: an
// open-addressing table of the note's codes (a hundred or so), cleared
// per note, where a Go map's hashing, growth and clearing cost several
// times as much per candidate (TestMergeTable holds it to a map). It
// holds no pointers: putWork need not clear it.
type mergeTable struct {
	// keys hold a code as uint32(id) | 1<<32 (0: empty), vals the index
	// stored for it; shift turns a code's hash into a slot (hashSlot).
	keys  []uint64
	vals  []int32
	shift uint32
}

// reset empties t for up to n codes (a table at most half full).
func (t *mergeTable) reset(n int) {
	var size int
	size, t.shift = tableSize(n) // notepos.go
	if cap(t.keys) < size {
		t.keys, t.vals = make([]uint64, size), make([]int32, size)
	}
	t.keys, t.vals = t.keys[:size], t.vals[:size]
	clear(t.keys)
}

// slot returns the index stored for id and true, or, when id has none,
// the place to store it (id is entered: the caller must store it) and
// false. At most the n codes of reset may be entered.
func (t *mergeTable) slot(id corpus.ID) (*int32, bool) {
	k := uint64(uint32(id)) | 1<<32
	mask := uint32(len(t.keys) - 1)
	for s := hashSlot(uint32(id), t.shift); ; s = (s + 1) & mask {
		switch t.keys[s] {
		case k:
			return &t.vals[s], true
		case 0:
			t.keys[s] = k
			return &t.vals[s], false
		}
	}
}
