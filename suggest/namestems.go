package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/index"
)

// nameStemTable holds index.Stems of the index's names by name id, filled
// on first use: nameSays reads the stems of the names that found a
// contradicted candidate, the same few names for every note. Safe for
// concurrent use; the zero value is ready. A release engine's table
// answers from the newest release engine's (shared, set by New): the
// stems depend on the index only. The slots come in pages of
// 1<<memoPageBits names made on first store (idmemo.go): a note stream
// reads a few thousand of the index's quarter million names.
type nameStemTable struct {
	once   sync.Once
	pages  []atomic.Pointer[memoPage[[]string]]
	shared *nameStemTable
}

// of returns the stems of ix's name n; the caller must not modify them.
func (t *nameStemTable) of(ix *index.Index, n int32) []string {
	if t.shared != nil {
		return t.shared.of(ix, n)
	}
	t.once.Do(func() { t.pages = make([]atomic.Pointer[memoPage[[]string]], ix.Len()>>memoPageBits+1) })
	p := &t.pages[n>>memoPageBits]
	pg := p.Load()
	if pg == nil {
		p.CompareAndSwap(nil, new(memoPage[[]string]))
		pg = p.Load()
	}
	slot := &pg[n&(1<<memoPageBits-1)]
	if v := slot.Load(); v != nil {
		return *v
	}
	s := ix.StemsKept(ix.NameText(n))
	slot.CompareAndSwap(nil, &s)
	return *slot.Load()
}

// mentionStems returns the stems of the name that found m (read only):
// from the engine's table when m's name is its hit's name in the engine's
// index, else analysed once per call (work.nameStems).
func (e *Engine) mentionStems(w *work, m *mention) []string {
	if !m.learned && m.hit.Name >= 0 && int(m.hit.Name) < e.ix.Len() && m.name == e.ix.NameText(m.hit.Name) {
		return e.nameStems.of(e.ix, m.hit.Name)
	}
	return w.nameStems(e.ix, m.name)
}
