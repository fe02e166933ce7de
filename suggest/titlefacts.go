package suggest

import (
	"slices"
	"strings"
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
// the site unspecified (unspecifiedSite), its chapter (corpus.ChapterOf),
// its system and billability, and the words vague, siteVague and
// otherCode read: "nspecified", a closing "without complications", an
// "other" variety.
type titleFact struct {
	stems       []string
	unspecSite  bool
	chapter     string
	system      corpus.System
	billable    bool
	nspec       bool
	withoutComp bool
	other       bool
}

// vague is vague(b) of the code read as billable or not.
func (f *titleFact) vague(billable bool) bool {
	return !billable || f.nspec || f.withoutComp
}

// siteVague is siteVague(b) of the code read as billable or not.
func (f *titleFact) siteVague(billable bool) bool {
	return billable && (f.nspec || f.other)
}

// titleOf returns code id's title facts. Callers only read them.
func (e *Engine) titleOf(id corpus.ID) *titleFact {
	if f, ok := e.titles.codes.load(e.set, id); ok {
		return f
	}
	b := e.set.Brief(id)
	f := &titleFact{stems: slices.Clip(e.ix.Stems(b.Display)), unspecSite: unspecifiedSite(b.Display), chapter: corpus.ChapterOf(b.Code),
		system: b.System, billable: b.Billable, nspec: strings.Contains(b.Display, "nspecified"),
		withoutComp: strings.HasSuffix(b.Display, "without complications"), other: otherCode(b)}
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
