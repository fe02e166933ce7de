package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/corpus"
)

// idMemo remembers one value per code id, safe for concurrent use: a slot
// per id of the engine's code set, so that a lookup is an index and an
// atomic load, not a hash of an interface key (sync.Map). Ids past the set
// (none are expected) fall back to a sync.Map. The zero value is ready;
// the slots are made on first use.
type idMemo[T any] struct {
	once  sync.Once
	slots []atomic.Pointer[T]
	over  sync.Map
}

// load returns the value remembered for id, if any.
func (m *idMemo[T]) load(set *corpus.Set, id corpus.ID) (*T, bool) {
	m.once.Do(func() { m.slots = make([]atomic.Pointer[T], maxID(set)+1) })
	if id >= 0 && int(id) < len(m.slots) {
		v := m.slots[id].Load()
		return v, v != nil
	}
	v, ok := m.over.Load(id)
	if !ok {
		return nil, false
	}
	return v.(*T), true
}

// store remembers v for id unless a value is already there, and returns
// the one remembered.
func (m *idMemo[T]) store(set *corpus.Set, id corpus.ID, v *T) *T {
	m.once.Do(func() { m.slots = make([]atomic.Pointer[T], maxID(set)+1) })
	if id >= 0 && int(id) < len(m.slots) {
		if m.slots[id].CompareAndSwap(nil, v) {
			return v
		}
		return m.slots[id].Load()
	}
	got, _ := m.over.LoadOrStore(id, v)
	return got.(*T)
}

// maxID is the largest id of set's codes.
func maxID(set *corpus.Set) corpus.ID {
	top := corpus.ID(0)
	for _, sys := range set.Systems() {
		for _, id := range set.IDs(sys) {
			top = max(top, id)
		}
	}
	return top
}
