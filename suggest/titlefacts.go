package suggest

import (
	"slices"
	"sync"
	"sync/atomic"

	"medcode/corpus"
)

// titleTable holds, per engine, each code's titleFact and the stems of
// the index names the refinement reads (by name id).
type titleTable struct {
	codes  idMemo[titleFact]
	names  sync.Map // int32 -> []string
	nnames atomic.Int32
}

// maxNameStems bounds the names whose stems the table keeps (the index
// has some 270 k; a note reads a few hundred).
const maxNameStems = 1 << 15

// titleFact is what the refinement passes ask of a code's title, read
// once per engine: its stems (ix.Stems of the display), whether it leaves
// the site unspecified (unspecifiedSite) and its chapter
// (corpus.ChapterOf).
type titleFact struct {
	stems      []string
	unspecSite bool
	chapter    string
}

// titleOf returns code id's title facts. Callers only read them.
func (e *Engine) titleOf(id corpus.ID) *titleFact {
	if f, ok := e.titles.codes.load(e.set, id); ok {
		return f
	}
	b := e.set.Brief(id)
	f := &titleFact{stems: slices.Clip(e.ix.Stems(b.Display)), unspecSite: unspecifiedSite(b.Display), chapter: corpus.ChapterOf(b.Code)}
	return e.titles.codes.store(e.set, id, f)
}

// nameStems returns ix.Stems of index name n (text name), read once per
// engine for up to maxNameStems names. Callers only read them.
func (e *Engine) nameStems(n int32, name string) []string {
	if v, ok := e.titles.names.Load(n); ok {
		return v.([]string)
	}
	st := slices.Clip(e.ix.Stems(name))
	if e.titles.nnames.Load() >= maxNameStems {
		return st
	}
	v, loaded := e.titles.names.LoadOrStore(n, st)
	if !loaded {
		e.titles.nnames.Add(1)
	}
	return v.([]string)
}
