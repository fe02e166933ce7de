package suggest

import (
	"strings"
	"sync"

	"medcode/corpus"
)

// The ranking passes (features, titleGrounding, conflicts, dominated
// names, history) read the same facts of a candidate's code for every
// candidate of every note. rankTables holds them per code id, worked out
// once per engine on first use, so a read is an index, not a string test.

// codeFact flags.
const (
	factICD         uint8 = 1 << iota // ICD-10-CM
	factUnspecified                   // the title says "unspecified" (unspecifiedTitle)
	factSymptom                       // ICD-10-CM chapter R
	factWithoutComp                   // ICD-10-CM title says "without complication" (giveWay)
	factWithComp                      // ICD-10-CM title says " with " and not "without" (giveWay)
	factCanExplain                    // ICD-10-CM code that may explain a symptom (explains)
)

// codeFact is what the ranking passes read of one code.
type codeFact struct {
	flags  uint8
	letter uint8 // first character of the code (0: none)
	length int16 // characters of the code without dots
}

// rankTables are the engine's per-code tables of the ranking passes.
type rankTables struct {
	once  sync.Once
	facts []codeFact // by corpus.ID
	// titles are titleGrounding's terms per title code (titlesaid.go).
	titles idMemo[groundTerms]
	// explainedBy is reason.go's explainedBy with each value split
	// (conflict.go's explainers).
	explainOnce sync.Once
	explainedBy map[string][]string
	// history are statesName's names per history code (history.go).
	history idMemo[historyNames]
	// excl numbers the Excludes1 prefixes (exclids.go).
	excl exclIndex
}

// fact returns the facts of code id.
func (e *Engine) fact(id corpus.ID) codeFact {
	t := &e.rank
	t.once.Do(func() { t.facts = codeFacts(e.set) })
	if id >= 0 && int(id) < len(t.facts) {
		return t.facts[id]
	}
	return factOf(e.set.Brief(id))
}

// codeFacts works out the facts of every code of set.
func codeFacts(set *corpus.Set) []codeFact {
	out := make([]codeFact, maxID(set)+1)
	for _, sys := range set.Systems() {
		for _, id := range set.IDs(sys) {
			out[id] = factOf(set.Brief(id))
		}
	}
	return out
}

// factOf works out the facts of one code.
func factOf(b corpus.Brief) codeFact {
	f := codeFact{length: int16(len(b.Code) - strings.Count(b.Code, "."))}
	if b.Code != "" {
		f.letter = b.Code[0]
	}
	if b.System == corpus.ICD10CM {
		f.flags |= factICD
		if strings.HasPrefix(b.Code, "R") {
			f.flags |= factSymptom
		}
		if strings.Contains(b.Display, "without complication") {
			f.flags |= factWithoutComp
		}
		if strings.Contains(b.Display, " with ") && !saysWithout(b.Display) {
			f.flags |= factWithComp
		}
		if !strings.HasPrefix(b.Code, "R") && !strings.HasPrefix(b.Code, "Z") && symptomPrefix(b.Code) == "" {
			f.flags |= factCanExplain
		}
	}
	if unspecifiedTitle(b.Display) {
		f.flags |= factUnspecified
	}
	return f
}

// rankScratch is the per-call scratch of the ranking passes (work.rk).
type rankScratch struct {
	// said marks, per index term id, the terms titleGrounding's current
	// candidate's sentences affirm: said[t] == gen.
	said []uint32
	gen  uint32
	// cover indexes the fully matched names of the scored candidates
	// (dominated.go).
	cover coverIndex
	// excl is resolveConflicts' Excludes1 bookkeeping (exclids.go).
	excl keptExclusions
	// anchors are cooccur's anchor codes (compete.go).
	anchors idBits
}

// idBits is a set of code ids: a bit per id, and the ids set, to clear.
type idBits struct {
	bits []uint64
	ids  []corpus.ID
}

// add puts id in the set.
func (b *idBits) add(id corpus.ID) {
	if id < 0 {
		return
	}
	w := int(id) / 64
	if w >= len(b.bits) {
		b.bits = append(b.bits, make([]uint64, w+1-len(b.bits))...)
	}
	if b.bits[w]&(1<<(uint(id)%64)) == 0 {
		b.bits[w] |= 1 << (uint(id) % 64)
		b.ids = append(b.ids, id)
	}
}

// has reports whether id is in the set.
func (b *idBits) has(id corpus.ID) bool {
	w := int(id) / 64
	return id >= 0 && w < len(b.bits) && b.bits[w]&(1<<(uint(id)%64)) != 0
}

// reset empties the set.
func (b *idBits) reset() {
	for _, id := range b.ids {
		b.bits[int(id)/64] = 0
	}
	b.ids = b.ids[:0]
}

// markSaid marks the terms of ids (index term ids) as said, forgetting
// the previous marks; ids too large for the table (the unspecTerm and
// unknownTerm markers) are not marked: saidMarked asks the caller to look
// them up in ids.
func (r *rankScratch) markSaid(terms int, ids []uint32) {
	if len(r.said) < terms {
		r.said = make([]uint32, terms)
		r.gen = 0
	}
	r.gen++
	if r.gen == 0 {
		clear(r.said)
		r.gen = 1
	}
	for _, t := range ids {
		if int(t) < len(r.said) {
			r.said[t] = r.gen
		}
	}
}

// saidMarked reports whether term t is among the ids of the last
// markSaid; known is false when t is beyond the table.
func (r *rankScratch) saidMarked(t uint32) (said, known bool) {
	if int(t) < len(r.said) {
		return r.said[t] == r.gen, true
	}
	return false, false
}
