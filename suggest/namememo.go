package suggest

import (
	"sync"

	"medcode/index"
)

// nameMemo remembers one value per name of the engine's two indexes (main
// and learned), made the first time a note matches the name; safe for
// concurrent use. It holds at most one entry per name.
type nameMemo[T any] struct {
	mu sync.RWMutex
	m  map[int64]*T
}

// get returns the value remembered for name n of ix (the learned index
// when learned), making it with make from the name's text the first time.
func (m *nameMemo[T]) get(ix *index.Index, learned bool, n int32, make func(ix *index.Index, name string) *T) *T {
	key := int64(n)
	if learned {
		key |= 1 << 32
	}
	m.mu.RLock()
	p, ok := m.m[key]
	m.mu.RUnlock()
	if ok {
		return p
	}
	p = make(ix, ix.NameText(n))
	m.mu.Lock()
	if m.m == nil {
		m.m = map[int64]*T{}
	}
	if q, ok := m.m[key]; ok {
		p = q
	} else {
		m.m[key] = p
	}
	m.mu.Unlock()
	return p
}
