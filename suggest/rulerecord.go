package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/corpus"
)

// ruleRecord is one code's slots of the coding rules' per-code memos
// (coderTables): the "with" heads its Index names open and the stems its
// names hold (comboheads.go), its sole "code first" codes (etiology.go),
// its notes' codes (combination.go), its acuity facts (acuity.go), its
// sequencing facts (seqfacts.go), and in one word its "due to" heads
// (dueto.go) and whether it has a sibling "in remission" (remission.go).
// The rules read several of them for each suggestion of a note; as
// separate idMemos each cost a page directory entry and a slot line, most
// of them cache misses, where the record costs one of each.
type ruleRecord struct {
	opens     atomic.Pointer[[]headOpen]
	named     atomic.Pointer[stemBits]
	soleFirst atomic.Pointer[[]soleCode]
	notes     atomic.Pointer[codeNotes]
	acuity    atomic.Pointer[acuityFacts]
	seq       atomic.Pointer[seqCodeFacts]
	// flags holds the answers of plainHeads and hasRemissionSibling:
	// bits set only, each answer with its known bit (ruleFlag...).
	flags atomic.Uint64
	// The record is padded to one 64-byte line: a page (1 KB, 64-byte
	// aligned) then holds each record in a line of its own, where
	// 56-byte records straddled two lines in twelve ids of sixteen.
	_ [8]byte
}

// The bits of ruleRecord.flags: plainHeads' answer in the low dueBits
// bits, known once ruleDueKnown is set; hasRemissionSibling's in
// ruleRemSibling, known once ruleRemKnown is set.
const (
	dueBits        = 61
	ruleDueKnown   = 1 << 63
	ruleRemKnown   = 1 << 62
	ruleRemSibling = 1 << 61
	dueMask        = 1<<dueBits - 1
)

// ruleRecords is an engine's ruleRecords by code id, in pages
// (recordPages, as the engine's codeRecords) over the ids of the engine's
// code set, sized on first use; ids past them (none are expected) keep
// theirs in a sync.Map. The zero value is ready; safe for concurrent use.
type ruleRecords struct {
	once sync.Once
	recs recordPages[ruleRecord]
	over sync.Map // corpus.ID -> *ruleRecord
}

// of returns id's record, making its page the first time.
func (r *ruleRecords) of(set *corpus.Set, id corpus.ID) *ruleRecord {
	r.once.Do(func() { sizeRecords(&r.recs, set) })
	if p := int(id) >> recordPageBits; id >= 0 && p < len(r.recs.pages) {
		return r.recs.make(id)
	}
	return r.overRecord(id)
}

// overRecord is the record of an id past the set's.
func (r *ruleRecords) overRecord(id corpus.ID) *ruleRecord {
	got, _ := r.over.LoadOrStore(id, new(ruleRecord))
	return got.(*ruleRecord)
}
