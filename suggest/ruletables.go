package suggest

import (
	"sync"

	"medcode/corpus"
)

// ruleTables are what the coding rules work out once per engine from the
// code set rather than once per note: the chapter 15 "conditions in"
// ranges (obstetric.go), the codes of the unidentified organisms
// (organism.go) and of open infections (organismcode.go). They live in the engine's ruleCues.
type ruleTables struct {
	c15Once  sync.Once
	c15      []rangeOf
	unidOnce sync.Once
	unid     spelledCodes
	openOnce sync.Once
	open     spelledCodes
}

// openInfections returns the spellings of the ICD-10-CM codes whose
// title is infectionOpen (organismcode.go), found on the first call: a
// code spelled otherwise is not.
func (t *ruleTables) openInfections(e *Engine) *spelledCodes {
	t.openOnce.Do(func() {
		t.open.codes = map[string]bool{}
		for _, id := range e.set.IDs(corpus.ICD10CM) {
			if b := e.set.Brief(id); infectionOpen(b) {
				t.open.add(corpus.NormalizeCode(corpus.ICD10CM, b.Code))
			}
		}
	})
	return &t.open
}

// unidentified returns the codes of e.identified's unidentified-organism
// codes (their from), built on the first call: a code outside it names
// none of their IDs.
func (t *ruleTables) unidentified(e *Engine) *spelledCodes {
	t.unidOnce.Do(func() {
		t.unid.codes = make(map[string]bool, len(e.identified))
		for _, x := range e.identified {
			t.unid.add(corpus.NormalizeCode(corpus.ICD10CM, e.set.CodeString(x.from)))
		}
	})
	return &t.unid
}

// chapter15 returns e's chapter15Ranges, mined on the first call.
func (t *ruleTables) chapter15(e *Engine) []rangeOf {
	t.c15Once.Do(func() { t.c15 = e.chapter15Ranges() })
	return t.c15
}
