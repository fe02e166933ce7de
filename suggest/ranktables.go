package suggest

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	factKnown                         // the entry is filled (codeFacts)
	factPastHistory                   // a personal-history code of a past condition (pastHistoryCode)
)

// codeFact is what the ranking passes read of one code.
type codeFact struct {
	flags  uint8
	letter uint8  // first character of the code (0: none)
	length int16  // characters of the code without dots
	cat    int32  // number of its category (rankTables.catNum), when known
	asrt   uint16 // what applyAssertions reads of the code's kind (assertfacts.go)
	// ncooc and cooc are where the code's co-occurrence edges lie in
	// rankTables.coocFlat (linkCooc): cooccur reads them from the fact it
	// has just read rather than from coocAt, a table of its own whose
	// entry missed the cache for each candidate. ncooc is coocSpill when
	// the list is too long to count here (coocAt has it).
	ncooc uint16
	cooc  int32
}

// coocSpill is codeFact.ncooc of a code with more edges than it counts.
const coocSpill = 1<<16 - 1

// rankTables are the engine's per-code tables of the ranking passes.
type rankTables struct {
	once  sync.Once
	facts []codeFact // by corpus.ID
	// ready is set once once has filled facts: factRef's fast path
	// tests it with one load, small enough to inline into its ~1,100
	// calls a note, where once.Do's closure kept factRef a call of its
	// own.
	ready atomic.Bool
	// catNum numbers the categories (category) of the codes, "" too.
	catNum map[string]int32
	// titles are titleGrounding's terms per title code (titlesaid.go).
	titles fieldMemo[groundTerms, groundField] // in the engine's codeRecords
	// explainedBy is reason.go's explainedBy with each value split
	// (conflict.go's explainers).
	explainOnce sync.Once
	explainedBy map[string][]string
	// history are statesName's names per history code (history.go).
	history idMemo[historyNames]
	// excl numbers the Excludes1 prefixes (exclids.go).
	excl exclIndex
	// coocAt holds, by code id, where the code's co-occurrence edges
	// (Engine.cooc) start in coocFlat, the lists end to end by id: code
	// id's are coocFlat[coocAt[id]:coocAt[id+1]], so a read loads two
	// neighbouring offsets rather than an offset, then a slice header of
	// its own (24 bytes), then the list.
	coocOnce sync.Once
	coocAt   []int32
	coocFlat []coocEdge
	// catTop is Engine.catTop by category number (catNum): category n's
	// targets are catTop[catTopAt[n]:catTopAt[n+1]], the lists end to end,
	// so a read loads two neighbouring offsets (16 a cache line) rather
	// than a slice header of its own (24 bytes) and then the list.
	catTopOnce sync.Once
	catTopAt   []int32
	catTop     []target
	// seventh is completeSeventh's work per stem (seventhmemo.go).
	seventh fieldMemo[seventhDone, seventhField] // in the engine's codeRecords
	// lists are fillLists' prefix lists per code (symptomlists.go).
	lists listTable
}

// catTopOf is e.catTop of the category of ICD-10-CM code id (facts f,
// at least three characters long), read by category number.
func (e *Engine) catTopOf(id corpus.ID, f *codeFact) []target {
	t := &e.rank
	if f.flags&factKnown == 0 {
		return e.catTop[e.set.CodeString(id)[:3]]
	}
	t.catTopOnce.Do(func() {
		byNum := make([][]target, len(t.catNum))
		for cat, n := range t.catNum {
			byNum[n] = e.catTop[cat]
		}
		t.catTopAt = make([]int32, len(byNum)+1)
		for n, l := range byNum {
			t.catTop = append(t.catTop, l...)
			t.catTopAt[n+1] = int32(len(t.catTop))
		}
	})
	c := int(f.cat) // as an int, c+1 needs no second bounds test
	return t.catTop[t.catTopAt[c]:t.catTopAt[c+1]]
}

// coocEdges is e.cooc[id] read by index, by lift, highest first (the
// order of e.cooc among equal lifts).
func (e *Engine) coocEdges(id corpus.ID) []coocEdge {
	at, end := e.coocSpanAt(id) // no code past the table has edges
	return e.rank.coocFlat[at:end:end]
}

// coocTable is the engine's rank tables with coocAt and coocFlat built
// (on first use).
func (e *Engine) coocTable() *rankTables {
	t := &e.rank
	t.coocOnce.Do(func() {
		top := corpus.ID(0)
		for id := range e.cooc {
			top = max(top, id)
		}
		t.coocAt = make([]int32, top+2)
		for id := range top + 1 {
			at := len(t.coocFlat)
			t.coocFlat = append(t.coocFlat, e.cooc[id]...)
			edges := t.coocFlat[at:]
			slices.SortStableFunc(edges, func(a, b coocEdge) int { return cmp.Compare(b.lift, a.lift) })
			t.coocAt[id+1] = int32(len(t.coocFlat))
		}
	})
	return t
}

// linkCooc sets in facts, by code id, where each code's co-occurrence
// edges lie in coocFlat (codeFact.cooc, ncooc), as coocEdges reads them.
func (e *Engine) linkCooc(facts []codeFact) {
	t := e.coocTable()
	for i := range min(len(facts), len(t.coocAt)-1) {
		at, n := t.coocAt[i], t.coocAt[i+1]-t.coocAt[i]
		facts[i].cooc, facts[i].ncooc = at, uint16(min(n, coocSpill))
	}
}

// coocSpanAt is where the edges of code id lie in coocFlat, read from
// coocAt: cooccur reads it of a code whose fact does not hold them
// (codeFact.ncooc). TestCoocSpan holds both to coocEdges.
func (e *Engine) coocSpanAt(id corpus.ID) (at, end int32) {
	t := e.coocTable()
	if i := int(id); i >= 0 && i+1 < len(t.coocAt) {
		return t.coocAt[i], t.coocAt[i+1]
	}
	return 0, 0
}

// fact returns the facts of code id (factRef's, copied).
func (e *Engine) fact(id corpus.ID) codeFact {
	var spare codeFact
	return *e.factRef(id, &spare)
}

// factRef returns the facts of code id in place: the table's entry, or
// spare filled with the facts worked out from the code's brief (a code
// past the table). The hot readers (siblings, the features, the conflict
// grades) take it: a codeFact returned by value travels in five registers
// through the stack, a pointer in one (TestFactRef).
func (e *Engine) factRef(id corpus.ID, spare *codeFact) *codeFact {
	if f := e.factIn(id); f != nil {
		return f
	}
	return e.factRefSlow(id, spare)
}

// factIn is factRef's fast path alone: the table's entry of id, nil
// when the table is not built yet or does not hold id. It makes no call,
// so it inlines where factRef (its fallback call too) does not: the
// hottest callers ask it first (TestFactRef holds it to factRef).
func (e *Engine) factIn(id corpus.ID) *codeFact {
	if t := &e.rank; t.ready.Load() && uint(id) < uint(len(t.facts)) && t.facts[id].flags&factKnown != 0 {
		return &t.facts[id]
	}
	return nil
}

// factRefSlow is factRef building the table on first use, and for a
// code past it.
func (e *Engine) factRefSlow(id corpus.ID, spare *codeFact) *codeFact {
	t := &e.rank
	t.once.Do(func() {
		t.facts, t.catNum = codeFacts(e.set)
		e.linkCooc(t.facts)
		t.ready.Store(true)
	})
	if f := e.factIn(id); f != nil { // the table is built now
		return f
	}
	*spare = factOf(e.set.Brief(id))
	return spare
}

// codeFacts works out the facts of every code of set's union (a release's
// narrowed set reads codes its release does not list), as set reads them.
func codeFacts(set *corpus.Set) ([]codeFact, map[string]int32) {
	sets := []*corpus.Set{set.Union()}
	if sets[0] != set {
		sets = append(sets, set)
	}
	out := make([]codeFact, max(maxID(sets[0]), maxID(set))+1)
	cats := map[string]int32{"": 0}
	for _, s := range sets {
		for _, sys := range s.Systems() {
			for _, id := range s.IDs(sys) {
				b := set.Brief(id)
				out[id] = factOf(b)
				out[id].flags |= factKnown
				cat := category(b.Code)
				n, ok := cats[cat]
				if !ok {
					n = int32(len(cats))
					cats[cat] = n
				}
				out[id].cat = n
			}
		}
	}
	return out, cats
}

// catKeyOf is a key of the category of code id (category of its code),
// equal for two codes exactly when their categories are: the category's
// number (rankTables.catNum) read from the code's facts, no string read,
// or for a code past the table its category's number by name, else its
// categoryKey with the top bit set.
func (e *Engine) catKeyOf(id corpus.ID) uint64 {
	f := e.factIn(id)
	if f == nil {
		var spare codeFact
		f = e.factRef(id, &spare) // builds the table (catNum) on first use
	}
	if f.flags&factKnown != 0 {
		return uint64(uint32(f.cat))
	}
	cat := category(e.set.CodeString(id))
	if n, ok := e.rank.catNum[cat]; ok {
		return uint64(uint32(n))
	}
	return 1<<63 | uint64(categoryKey(cat))
}

// countCategories sets each candidate's catCount: the other candidates
// of its code's category (category of the code of c.tgt.anyCode()). It
// also notes, when the engine has co-occurrences, what cooccur reads of
// the same candidates next (anchorCooc).
func (e *Engine) countCategories(w *work, live []*candidate) {
	r := &w.rk
	r.saidNote = false // a new note: titleGrounding's marks are stale
	nums := r.catIDs[:0]
	// What cooccur reads, noted while the facts are at hand (anchorCooc).
	cooc := len(e.cooc) > 0
	r.anchors.reset()
	r.coocAt = r.coocAt[:0]
	var spare codeFact
	for _, c := range live {
		id := c.tgt.anyCode()
		fact := e.factIn(id)
		f := fact
		if f == nil {
			f = e.factRef(id, &spare)
		}
		if cooc {
			e.anchorCooc(r, c, id, fact, f)
		}
		n := f.cat
		if f.flags&factKnown == 0 {
			// Not in the table: number it by name, past the table's.
			cat := category(e.set.CodeString(id))
			var ok bool
			if n, ok = e.rank.catNum[cat]; !ok {
				k, seen := w.cats[cat]
				if !seen {
					k = len(w.cats)
					w.cats[cat] = k
				}
				n = int32(len(e.rank.catNum) + k)
			}
		}
		nums = append(nums, n)
		if int(n) >= len(r.catCount) {
			r.catCount = append(r.catCount, make([]int32, int(n)+1-len(r.catCount))...)
		}
		r.catCount[n]++
	}
	r.catIDs = nums
	for i, c := range live {
		c.catCount = int(r.catCount[nums[i]]) - 1
	}
	for _, n := range nums {
		r.catCount[n] = 0
	}
	e.warmCodes(r, live)
}

// warmCodes reads, for each live candidate whose code is known, the
// per-code tables features reads next (its title terms, its priors), in
// one loop whose cache misses overlap, rather than one by one amid the
// rest of the features' work. The values read are summed into r.warm so
// the reads stay.
func (e *Engine) warmCodes(r *rankScratch, live []*candidate) {
	var sum float64
	var spare codeFact
	for _, c := range live {
		id := c.tgt.code
		if id == 0 {
			continue
		}
		if e.slots != nil && e.factRef(id, &spare).flags&factICD != 0 {
			if tf := e.groundTermsOf(id); tf != nil {
				sum += float64(tf.nOwn)
			}
		}
		if int(id) < len(e.priorByID) {
			sum += e.priorByID[id][0]
		}
	}
	r.warm = sum
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
	if pastHistoryCode(b) {
		f.flags |= factPastHistory
	}
	f.asrt = assertFact(b)
	return f
}

// rankScratch is the per-call scratch of the ranking passes (work.rk).
type rankScratch struct {
	// said has a bit per index term id, set for the terms titleGrounding's
	// current candidate's sentences affirm (saidIDs), so that the set is
	// small enough to stay in cache.
	said    []uint64
	saidIDs []uint32
	// saidSents are the sentences whose terms the marks hold; saidNote
	// says they are of the current note (countCategories clears it).
	saidSents []int
	saidNote  bool
	// cover indexes the fully matched names of the scored candidates
	// (dominated.go).
	cover coverIndex
	// dom lists the scored candidates whose mentions are all dominated
	// (yieldDominated).
	dom []int32
	// excl is resolveConflicts' Excludes1 bookkeeping (exclids.go).
	excl keptExclusions
	// anchors are cooccur's anchor codes (compete.go) and coocAt, per
	// candidate, where its edges lie in coocFlat (start, end), both noted
	// by countCategories.
	anchors idBits
	coocAt  [][2]int32
	// catCount counts candidates per category number, catIDs holds each
	// candidate's (countCategories).
	catCount, catIDs []int32
	// resolveConflicts' per-candidate scratch (conflict.go); final holds
	// its answer until the next call.
	// fsup holds, per code of final, its index in sup.
	sup     []support
	fsup    []int32
	final   []scored
	yielded []scored
	briefs  []corpus.Brief
	drops   []conflictDrop
	stage   []uint8
	// spanKeys and spans are sortSpans' scratch (compete.go).
	spanKeys []spanKey
	spans    []span
	spanOrd  []uint64 // sortSpansPacked's numbers (competepack.go)
	repl     []int
	where    []uint8 // the sectionWhere of each of the note's sections
	warm     float64 // warmCodes' sum
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

// markSaid marks the terms of ids (index term ids: the affirmed terms of
// sentences sents) as said, forgetting the previous marks; ids too large
// for the table (the unspecTerm and unknownTerm markers) are not marked:
// saidMarked asks the caller to look them up in ids.
func (r *rankScratch) markSaid(terms int, ids []uint32, sents []int) {
	r.saidSents = append(r.saidSents[:0], sents...)
	r.saidNote = true
	if n := (terms + 63) / 64; len(r.said) != n {
		r.said = make([]uint64, n)
	} else {
		for _, t := range r.saidIDs {
			r.said[t/64] = 0
		}
	}
	r.saidIDs = r.saidIDs[:0]
	for _, t := range ids {
		if int(t) < terms {
			r.said[t/64] |= 1 << (t % 64)
			r.saidIDs = append(r.saidIDs, t)
		}
	}
}

// saidFor reports whether the marks are those of the affirmed terms of
// sents of the current note (the sentences of the last markSaid).
func (r *rankScratch) saidFor(sents []int) bool {
	return r.saidNote && slices.Equal(r.saidSents, sents)
}

// saidMarked reports whether term t is among the ids of the last
// markSaid; known is false when t is beyond the table.
func (r *rankScratch) saidMarked(t uint32) (said, known bool) {
	if int(t/64) < len(r.said) {
		return r.said[t/64]&(1<<(t%64)) != 0, true
	}
	return false, false
}
