package suggest

import (
	"slices"

	"medcode/corpus"
)

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
	if f, ok := e.titles.load(e.set, id); ok {
		return f
	}
	b := e.set.Brief(id)
	f := &titleFact{stems: slices.Clip(e.ix.Stems(b.Display)), unspecSite: unspecifiedSite(b.Display), chapter: corpus.ChapterOf(b.Code)}
	return e.titles.store(e.set, id, f)
}
