package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/corpus"
)

// parentTable remembers each code's ICD-10-CM parent (parent), read by
// many rules for every candidate of every note: of[id] holds the parent
// plus one, zero until first read.
type parentTable struct {
	once sync.Once
	of   []atomic.Int32
}

// parent is the ICD-10-CM parent of id, 0 at a category.
func (e *Engine) parent(id corpus.ID) corpus.ID {
	t := &e.parents
	t.once.Do(func() { t.of = make([]atomic.Int32, maxID(e.set)+1) })
	if id < 0 || int(id) >= len(t.of) {
		return e.parentOf(id)
	}
	if v := t.of[id].Load(); v != 0 {
		return corpus.ID(v - 1)
	}
	p := e.parentOf(id)
	t.of[id].Store(int32(p) + 1)
	return p
}

// parentOf reads the ICD-10-CM parent of id from the code set.
func (e *Engine) parentOf(id corpus.ID) corpus.ID {
	b := e.set.Brief(id)
	if b.Parent == "" || b.System != corpus.ICD10CM {
		return 0
	}
	p, _ := e.set.ID(corpus.ICD10CM, b.Parent)
	return p
}
