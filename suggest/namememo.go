package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/index"
)

// nameMemo remembers one value per name of the engine's two indexes (main
// and learned), made the first time a note matches the name; safe for
// concurrent use. As idMemo does for codes, it keeps a slot per name in
// pages of memoPage names made on first store, so that a lookup is two
// indexes and atomic loads, not a lock and a map access. The zero value
// is ready.
type nameMemo[T any] struct {
	once  [2]sync.Once // main, learned
	pages [2][]atomic.Pointer[memoPage[T]]
}

// get returns the value remembered for name n of ix (the learned index
// when learned), making it with newValue from the name's text the first time.
func (m *nameMemo[T]) get(ix *index.Index, learned bool, n int32, newValue func(ix *index.Index, name string) *T) *T {
	l := 0
	if learned {
		l = 1
	}
	m.once[l].Do(func() { m.pages[l] = newPages[T](ix.Len()) })
	pages := m.pages[l]
	p := int(n) >> memoPageBits
	if n < 0 || p >= len(pages) {
		return newValue(ix, ix.NameText(n)) // no name of ix: not remembered
	}
	slot := pageSlot(pages, int(n))
	if v := slot.Load(); v != nil {
		return v
	}
	return keep(slot, newValue(ix, ix.NameText(n)))
}
