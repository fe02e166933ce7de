package nlp

import "sync/atomic"

// shardTable is one vocab shard's words, read without locking: open
// addressing over pointers to immutable words, probed with the FNV-1a
// hash lookup computes anyway (its bits above the shard number). Each
// slot keeps its word's hash, so a probe compares spellings only when the
// hashes agree. The shard's fixed words (the dictionaries', from New) are
// in every table of the shard; the words seen later (cached) fill the
// rest. Writers (under the shard's mutex) only fill empty slots; a table
// that would be more than half full is replaced by one twice its size
// holding the same words, or, when the shard holds its cap of cached
// words, by one holding only the fixed words, so a reader holding the old
// table still reads a valid one.
type shardTable struct {
	slots []vocabSlot // a power of two
	used  int         // words stored, fixed and cached (written under the shard's mutex)
	n     int         // cached words stored (written under the shard's mutex)
}

// vocabSlot is one slot of a shardTable: a word and its hash. A writer
// sets hash before it publishes w; a reader loads w first and reads hash
// only when w is set.
type vocabSlot struct {
	hash uint32
	w    atomic.Pointer[word]
}

// fixedWord is one of a shard's fixed words with its hash.
type fixedWord struct {
	w *word
	h uint32
}

// shardStart is where a hash starts probing in a table of mask+1 slots.
func shardStart(h, mask uint32) uint32 { return (h / vocabShards) & mask }

// find returns the word spelled b, whose FNV-1a hash is h, or nil.
func (t *shardTable) find(b []byte, h uint32) *word {
	mask := uint32(len(t.slots) - 1)
	for i := shardStart(h, mask); ; i = (i + 1) & mask {
		s := &t.slots[i]
		w := s.w.Load()
		if w == nil || s.hash == h && w.norm == string(b) {
			return w
		}
	}
}

// probe returns the first word of t with hash h, reading only the slots,
// or nil when t holds none: the word find most likely returns.
func (t *shardTable) probe(h uint32) *word {
	mask := uint32(len(t.slots) - 1)
	for i := shardStart(h, mask); ; i = (i + 1) & mask {
		s := &t.slots[i]
		w := s.w.Load()
		if w == nil || s.hash == h {
			return w
		}
	}
}

// put stores w (hash h, not in t) in a free slot; t has one to spare.
func (t *shardTable) put(w *word, h uint32) {
	mask := uint32(len(t.slots) - 1)
	i := shardStart(h, mask)
	for t.slots[i].w.Load() != nil {
		i = (i + 1) & mask
	}
	t.slots[i].hash = h
	t.slots[i].w.Store(w)
	t.used++
}

// shardTableMin is the size of a shard's smallest table.
const shardTableMin = 64

// fixedTable returns a new table of the shard's fixed words alone, with
// room for at least as many cached words as shardTableMin/2.
func (s *vocabShard) fixedTable() *shardTable {
	size := shardTableMin
	for 2*(len(s.fixed)+shardTableMin/2) > size {
		size *= 2
	}
	t := &shardTable{slots: make([]vocabSlot, size)}
	for _, f := range s.fixed {
		t.put(f.w, f.h)
	}
	return t
}

// store adds w (hash h) to shard s as a cached word, holding s.mu, and
// returns w's interned copy: the one stored already when another
// goroutine added the form first.
func (s *vocabShard) store(w word, h uint32, cap int) *word {
	t := s.table.Load()
	if t != nil {
		if old := t.find([]byte(w.norm), h); old != nil {
			return old
		}
	}
	switch {
	case t == nil || t.n >= cap:
		t = s.fixedTable()
		s.table.Store(t)
	case 2*(t.used+1) > len(t.slots):
		grown := &shardTable{slots: make([]vocabSlot, 2*len(t.slots)), n: t.n}
		for i := range t.slots {
			if o := t.slots[i].w.Load(); o != nil {
				grown.put(o, t.slots[i].hash)
			}
		}
		t = grown
		s.table.Store(t)
	}
	p := &w
	t.put(p, h)
	t.n++
	return p
}

// fnvOffset is the 32-bit FNV-1a hash of no bytes; fnvAdd hashes one
// more byte in.
const fnvOffset uint32 = 2166136261

// fnvAdd is the 32-bit FNV-1a step: h with byte c hashed in.
func fnvAdd(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

// fnv1a is the 32-bit FNV-1a hash of b.
func fnv1a(b []byte) uint32 {
	h := fnvOffset
	for _, c := range b {
		h = fnvAdd(h, c)
	}
	return h
}
