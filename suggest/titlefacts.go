package suggest

import (
	"strings"

	"medcode/corpus"
)

// titleTable holds, per engine, each code's titleFact.
type titleTable struct {
	codes fieldMemo[titleFact, titleField] // in the engine's codeRecords
}

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
	bits        titleBits // the facts above specific's and refine's passes test (titlelive.go)
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
	f := &titleFact{stems: e.ix.StemsKept(b.Display), unspecSite: unspecifiedSite(b.Display), chapter: corpus.ChapterOf(b.Code),
		system: b.System, billable: b.Billable, nspec: strings.Contains(b.Display, "nspecified"),
		withoutComp: strings.HasSuffix(b.Display, "without complications"), other: otherCode(b)}
	f.bits = titleBitsOf(f)
	return e.titles.codes.store(e.set, id, f)
}
