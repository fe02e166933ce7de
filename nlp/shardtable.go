package nlp

import "sync/atomic"

// shardTable is one vocab shard's words, read without locking: open
// addressing over pointers to immutable words, probed with the FNV-1a
// hash lookup computes anyway (its bits above the shard number). Writers
// (under the shard's mutex) only fill empty slots; a table that would be
// more than half full is replaced by one twice its size holding the same
// words, or, at the shard's cap, by an empty one, so a reader holding the
// old table still reads a valid one.
type shardTable struct {
	slots []atomic.Pointer[word] // a power of two
	n     int                    // words stored (written under the shard's mutex)
}

// shardSlot is where a hash starts probing in a table of mask+1 slots.
func shardSlot(h, mask uint32) uint32 { return (h / vocabShards) & mask }

// find returns the word spelled b, whose FNV-1a hash is h, or nil.
func (t *shardTable) find(b []byte, h uint32) *word {
	mask := uint32(len(t.slots) - 1)
	for i := shardSlot(h, mask); ; i = (i + 1) & mask {
		w := t.slots[i].Load()
		if w == nil || w.norm == string(b) {
			return w
		}
	}
}

// put stores w (hash h, not in t) in a free slot; t has one to spare.
func (t *shardTable) put(w *word, h uint32) {
	mask := uint32(len(t.slots) - 1)
	i := shardSlot(h, mask)
	for t.slots[i].Load() != nil {
		i = (i + 1) & mask
	}
	t.slots[i].Store(w)
	t.n++
}

// shardTableMin is the size of a shard's first table.
const shardTableMin = 64

// store adds w (hash h) to shard s, holding s.mu, and returns w's
// interned copy: the one stored already when another goroutine added
// the form first.
func (s *vocabShard) store(w word, h uint32, cap int) *word {
	t := s.table.Load()
	if t != nil {
		if old := t.find([]byte(w.norm), h); old != nil {
			return old
		}
	}
	switch {
	case t == nil || t.n >= cap:
		t = &shardTable{slots: make([]atomic.Pointer[word], shardTableMin)}
		s.table.Store(t)
	case 2*(t.n+1) > len(t.slots):
		grown := &shardTable{slots: make([]atomic.Pointer[word], 2*len(t.slots))}
		for i := range t.slots {
			if o := t.slots[i].Load(); o != nil {
				grown.put(o, fnv1a([]byte(o.norm)))
			}
		}
		t = grown
		s.table.Store(t)
	}
	p := &w
	t.put(p, h)
	return p
}
