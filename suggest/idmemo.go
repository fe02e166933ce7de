package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/corpus"
)

// idMemo remembers one value per code id, safe for concurrent use: a slot
// per id of the engine's code set, so that a lookup is two indexes and
// atomic loads, not a hash of an interface key (sync.Map). Ids past the
// set (none are expected) fall back to a sync.Map. The zero value is
// ready.
//
// The slots come in pages of memoPage ids made on first store: an engine
// holds a dozen memos per ICD-10-CM release, each over a hundred thousand
// ids of which a note stream touches a few thousand, clustered by
// category; a full array per memo cost 0.8 MB each whether used or not.
type idMemo[T any] struct {
	once  sync.Once
	pages []atomic.Pointer[memoPage[T]]
	over  sync.Map
}

// memoPageBits sizes a page: 1<<memoPageBits ids (64 ids, 512 bytes).
const memoPageBits = 6

// memoPage is the slots of 1<<memoPageBits consecutive ids.
type memoPage[T any] [1 << memoPageBits]atomic.Pointer[T]

// init sizes the page directory to set's ids.
func (m *idMemo[T]) init(set *corpus.Set) {
	m.once.Do(func() { m.pages = newPages[T](int(maxID(set))) })
}

// newPages returns the page directory of slots 0 to n.
func newPages[T any](n int) []atomic.Pointer[memoPage[T]] {
	return make([]atomic.Pointer[memoPage[T]], n>>memoPageBits+1)
}

// pageSlot returns slot i of the page directory pages (i within it), making
// its page the first time one of its slots is asked for (newPage, out of
// line so that pageSlot inlines).
func pageSlot[T any](pages []atomic.Pointer[memoPage[T]], i int) *atomic.Pointer[T] {
	pg := pages[i>>memoPageBits].Load()
	if pg == nil {
		pg = newPage(&pages[i>>memoPageBits])
	}
	return &pg[i&(1<<memoPageBits-1)]
}

// newPage makes the page at dir, unless another goroutine has, and
// returns the one kept: an idMemo's (memoPage) or a recordPages'
// (recordPage).
func newPage[P any](dir *atomic.Pointer[P]) *P {
	pg := new(P)
	if !dir.CompareAndSwap(nil, pg) {
		pg = dir.Load()
	}
	return pg
}

// keep stores v in slot unless a value is already there, and returns the
// one kept.
func keep[T any](slot *atomic.Pointer[T], v *T) *T {
	if slot.CompareAndSwap(nil, v) {
		return v
	}
	return slot.Load()
}

// load returns the value remembered for id, if any.
func (m *idMemo[T]) load(set *corpus.Set, id corpus.ID) (*T, bool) {
	m.init(set)
	if p := int(id) >> memoPageBits; id >= 0 && p < len(m.pages) {
		pg := m.pages[p].Load()
		if pg == nil {
			return nil, false
		}
		v := pg[id&(1<<memoPageBits-1)].Load()
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
	m.init(set)
	if p := int(id) >> memoPageBits; id >= 0 && p < len(m.pages) {
		return keep(pageSlot(m.pages, int(id)), v)
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
