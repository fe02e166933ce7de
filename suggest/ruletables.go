package suggest

import (
	"sync"

	"medcode/corpus"
)

// ruleTables are what the coding rules work out once per engine from the
// code set rather than once per note: the chapter 15 "conditions in"
// ranges (obstetric.go), the codes of the unidentified organisms
// (organism.go), of open infections (organismcode.go) and the
// categories whose codes have acuity siblings (acuity.go). They live in the engine's ruleCues.
type ruleTables struct {
	c15Once  sync.Once
	c15      []rangeOf
	unidOnce sync.Once
	unid     spelledCodes
	openOnce sync.Once
	open     spelledCodes
	acuOnce  sync.Once
	acu      categorySet
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

// acuityCategories returns a set holding the category (a code's first
// three bytes) of every ICD-10-CM category whose categoryAcuity lists a
// title (acuity.go), built on the first call: a suggestion whose category
// is outside it has no acuity sibling (findAcuitySibling reads
// categoryAcuity of its category alone), so the acuity rule passes it
// over before reading its evidence and its code's facts.
//
// categoryAcuity lists billable codes whose title mayStateAcuity, found
// under the category by their parent links: each such code puts in the
// set its own first three bytes (an ICD-10-CM code's category) and every
// ancestor's (parentOf), so the set holds every category that can list
// one, and a few more. (Asking categoryAcuity of every category cost a second of
// CPU on the first note.)
func (t *ruleTables) acuityCategories(e *Engine) *categorySet {
	t.acuOnce.Do(func() {
		for _, id := range e.set.IDs(corpus.ICD10CM) {
			b := e.set.Brief(id)
			if !b.Billable || !mayStateAcuity(b.Display) {
				continue
			}
			t.acu.add(b.Code)
			for p, n := e.parentOf(id), 0; p != 0 && n < 16; p, n = e.parentOf(p), n+1 { // n: a cycle ends
				t.acu.add(e.set.Brief(p).Code)
			}
		}
	})
	return &t.acu
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
