package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/corpus"
)

// codeRecord is one code's slots of the eight per-code memos the ranking,
// refinement and conflict passes read for most candidates of a note
// (titleOf, groundTermsOf, conflictNames, the Excludes1 numbers,
// conditionOf, siteCodeOf, completeSeventh, lessSpecific), side by side
// in one 64-byte line. As eight idMemos, a code read through several of
// them cost a page directory entry and a slot line in each, each a likely
// cache miss on a note of a few hundred candidates; here it costs one
// directory entry and one line for them all.
type codeRecord struct {
	title    atomic.Pointer[titleFact]      // titleTable.codes
	ground   atomic.Pointer[groundTerms]    // rankTables.titles
	conflict atomic.Pointer[conflictNames]  // Engine.conflictMemo
	excl     atomic.Pointer[exclCode]       // exclIndex.codes
	cond     atomic.Pointer[conditionStems] // Engine.condMemo
	site     atomic.Pointer[codeSite]       // Engine.siteCode
	seventh  atomic.Pointer[seventhDone]    // rankTables.seventh
	lessMsg  atomic.Pointer[string]         // Engine.lessMsg
}

// recordPageBits sizes a page of records (recordPages): 1<<recordPageBits ids
// (16 ids, 1 KB). Smaller than an idMemo's page, for a page holds eight
// memos' slots: a note stream touches a few thousand codes in a thousand
// or two of these pages, about the memory the eight memos' own pages
// took, with one directory of them in place of eight.
const recordPageBits = 4

// recordPage is the records of 1<<recordPageBits consecutive ids.
type recordPage[R any] [1 << recordPageBits]R

// recordPages is one record R per code id of a code set, in pages made
// on first store (as idMemo's): the engine's codeRecords and the coding
// rules' ruleRecords (rulerecord.go). Safe for concurrent use once its
// directory is sized (sizeRecords).
type recordPages[R any] struct {
	pages []atomic.Pointer[recordPage[R]]
}

// codeRecords is an engine's codeRecords by code id, over the ids of the
// engine's code set (sized by newEngine's bindRecords, or once for a
// fieldMemo's own).
type codeRecords = recordPages[codeRecord]

// sizeRecords sizes r's page directory to set's ids.
func sizeRecords[R any](r *recordPages[R], set *corpus.Set) {
	r.pages = make([]atomic.Pointer[recordPage[R]], int(maxID(set))>>recordPageBits+1)
}

// make returns id's record, making its page the first time (newPage,
// idmemo.go, out of line so that make inlines); id is within the directory.
func (r *recordPages[R]) make(id corpus.ID) *R {
	dir := &r.pages[int(id)>>recordPageBits]
	pg := dir.Load()
	if pg == nil {
		pg = newPage(dir)
	}
	return &pg[id&(1<<recordPageBits-1)]
}

// recordField picks one memo's slot out of a codeRecord: each memo of the
// record is a zero-size type implementing it (titleField, ...).
type recordField[T any] interface {
	slot(r *codeRecord) *atomic.Pointer[T]
}

// fieldMemo is an idMemo keeping its values in field F of an engine's
// codeRecords (bindRecords), with idMemo's load and store. The zero value
// is ready and keeps records of its own: an engine a test makes as a
// struct literal works unbound, only without the shared lines.
type fieldMemo[T any, F recordField[T]] struct {
	shared *codeRecords // the engine's, sized, set by bindRecords; nil: own
	once   sync.Once    // sizes own
	own    codeRecords
	over   sync.Map // ids past the set's (none are expected)
}

// records returns the records m keeps its values in: the engine's, sized
// when bound, else its own (ownRecords, out of line so that records
// inlines).
func (m *fieldMemo[T, F]) records(set *corpus.Set) *codeRecords {
	if r := m.shared; r != nil {
		return r
	}
	return m.ownRecords(set)
}

// ownRecords returns m's own records, sized to set's ids on first use.
func (m *fieldMemo[T, F]) ownRecords(set *corpus.Set) *codeRecords {
	m.once.Do(func() { sizeRecords(&m.own, set) })
	return &m.own
}

// load returns the value remembered for id, if any.
func (m *fieldMemo[T, F]) load(set *corpus.Set, id corpus.ID) (*T, bool) {
	pages := m.records(set).pages
	if p := int(id) >> recordPageBits; id >= 0 && p < len(pages) {
		pg := pages[p].Load()
		if pg == nil {
			return nil, false
		}
		var f F
		v := f.slot(&pg[id&(1<<recordPageBits-1)]).Load()
		return v, v != nil
	}
	v, ok := m.over.Load(id)
	if !ok {
		return nil, false
	}
	return v.(*T), true
}

// store remembers v for id unless a value is already there, and returns
// the one remembered.
func (m *fieldMemo[T, F]) store(set *corpus.Set, id corpus.ID, v *T) *T {
	r := m.records(set)
	if p := int(id) >> recordPageBits; id >= 0 && p < len(r.pages) {
		var f F
		return keep(f.slot(r.make(id)), v)
	}
	got, _ := m.over.LoadOrStore(id, v)
	return got.(*T)
}

// The fields of codeRecord, one zero-size type each (recordField).
type (
	titleField    struct{}
	groundField   struct{}
	conflictField struct{}
	exclField     struct{}
	condField     struct{}
	siteField     struct{}
	seventhField  struct{}
	lessMsgField  struct{}
)

func (titleField) slot(r *codeRecord) *atomic.Pointer[titleFact]        { return &r.title }
func (groundField) slot(r *codeRecord) *atomic.Pointer[groundTerms]     { return &r.ground }
func (conflictField) slot(r *codeRecord) *atomic.Pointer[conflictNames] { return &r.conflict }
func (exclField) slot(r *codeRecord) *atomic.Pointer[exclCode]          { return &r.excl }
func (condField) slot(r *codeRecord) *atomic.Pointer[conditionStems]    { return &r.cond }
func (siteField) slot(r *codeRecord) *atomic.Pointer[codeSite]          { return &r.site }
func (seventhField) slot(r *codeRecord) *atomic.Pointer[seventhDone]    { return &r.seventh }
func (lessMsgField) slot(r *codeRecord) *atomic.Pointer[string]         { return &r.lessMsg }

// bindRecords sizes the engine's codeRecords to its code set and points
// the eight record memos at it: newEngine calls it before the engine
// serves a note.
func (e *Engine) bindRecords() {
	r := &e.records
	sizeRecords(r, e.set)
	e.titles.codes.shared = r
	e.rank.titles.shared = r
	e.conflictMemo.shared = r
	e.rank.excl.codes.shared = r
	e.condMemo.shared = r
	e.siteCode.shared = r
	e.rank.seventh.shared = r
	e.lessMsg.shared = r
}
