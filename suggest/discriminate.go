package suggest

import (
	"math"
	"math/bits"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// Sibling discrimination. Codes that differ by one word of their title are
// alternatives of one detail: "Type 1 diabetes mellitus without
// complications" and "Type 2 ..." (type), "Chronic kidney disease, stage 2"
// and "stage 3a" (stage), "... left eye" and "... right eye" or
// "... unspecified eye" (laterality), "Displaced ..." and "Nondisplaced
// ..." fracture. Such pairs are found in the code set itself (no hand
// list): every ICD-10-CM title is analysed into terms, and titles equal but
// for the term at one position put that position's terms in one slot,
// named by the neighbouring term ("type _", "stage _", "_ eye"). A
// candidate whose title fills a slot with one term while the note, near
// its evidence, fills the same slot with another contradicts the note:
// "note says type 1; E11.9 is type 2". A code that fills the slot with
// "unspecified" is only dropped for the detail when another candidate of
// its category that holds the note's value stays.

// unspecTerm stands for "unspecified" (the index drops the word from
// names, so it has no index term); unknownTerm for a title word the index
// does not know.
const (
	unspecTerm  = math.MaxUint32
	unknownTerm = math.MaxUint32 - 1
)

// slotTable holds the title terms of every ICD-10-CM code and the slots
// mined from them. It holds no pointers.
type slotTable struct {
	// codeTerms and codeSlots are for building (termSpan and spans read
	// dense): nil after.
	codeTerms map[corpus.ID][2]uint32 // code -> terms[off:off+n]
	// codeSlots lists, per code, the title positions that fill a slot:
	// slots[off:off+n], each i<<1 | (terms-1), one-term slots first.
	codeSlots map[corpus.ID][2]uint32
	slots     []uint16
	terms     []uint32
	// dense holds codeTerms and codeSlots indexed by corpus.ID for the
	// per-candidate reads (spans); a zero entry is a code without terms.
	dense []codeSpans
	// alt holds slotKey(left, right, value): value fills a slot between
	// left and right in some title.
	alt map[uint64]struct{}
	// altBits has bit altBit(k) set for every key k of alt: most lookups
	// are of keys alt does not hold, and a bit in a small table answers
	// them without probing the large map.
	altBits []uint64
	// at holds, parallel to terms, each title term's byte offsets in its
	// code's Display (start<<16 | end), for conflictReason.
	at []uint32
	// rec holds, for each code with slots, what contradiction reads of
	// it in one place: its term count n, its slot count m, its
	// contextMask (two words, low first), its terms, then
	// per slot its position (as in slots) and the span {off, len} of
	// altVals listing the values that replace the slot's value between
	// its neighbours in two titles otherwise equal ("type 1" / "type 2"
	// between nothing and "diabetes").
	rec     []uint32
	altVals []uint64
	// altOwn holds the keys of alt this table holds beside those it
	// shares with the other releases' tables in alt (slotshare.go).
	altOwn map[uint64]struct{}
	// far marks, by index term id, the title words nearby may find apart
	// from their slot (farTerms).
	far []uint64
}

// altFilterLog2 sizes altBits: 2^22 bits (512 KB).
const altFilterLog2 = 22

// altBit is the altBits position of key k (the keys are multiplicative
// hashes: their top bits are mixed).
func altBit(k uint64) uint64 { return k >> (64 - altFilterLog2) }

// hasAlt reports whether alt holds k.
func (st *slotTable) hasAlt(k uint64) bool {
	if b := altBit(k); st.altBits != nil && st.altBits[b/64]&(1<<(b%64)) == 0 {
		return false
	}
	if _, ok := st.alt[k]; ok {
		return true
	}
	_, ok := st.altOwn[k]
	return ok
}

// codeSpans is one code's codeTerms and codeSlots, each stored as
// {off, n+1} so that the zero value stands for absent, and its offset in
// rec plus one (0: no slots).
type codeSpans struct {
	terms, slots [2]uint32
	rec          uint32
}

// spans returns a code's codeTerms span (ok: the code has one) and its
// codeSlots span ({0, 0} when none), without a map lookup.
func (st *slotTable) spans(code corpus.ID) (terms, slots [2]uint32, ok bool) {
	if code < 0 || int(code) >= len(st.dense) {
		return
	}
	d := &st.dense[code]
	if d.terms[1] == 0 {
		return
	}
	terms = [2]uint32{d.terms[0], d.terms[1] - 1}
	if d.slots[1] > 0 {
		slots = [2]uint32{d.slots[0], d.slots[1] - 1}
	}
	return terms, slots, true
}

// termSpan returns a code's codeTerms span {off, n} (ok: the code has
// one).
func (st *slotTable) termSpan(code corpus.ID) ([2]uint32, bool) {
	t, _, ok := st.spans(code)
	return t, ok
}

// maxSlotValues bounds the values of one slot.
const maxSlotValues = 12

// slotKey names a value filling a slot between left and right (unknownTerm:
// the title's start or end).
func slotKey(left, right uint32, value uint64) uint64 {
	h := (uint64(left)<<32 | uint64(right)) * 0x9e3779b97f4a7c15
	return h ^ (value * 0xbf58476d1ce4e5b9)
}

// noTerm ends a one-term slot value.
const noTerm = math.MaxUint32 - 2

// pair is a slot value: one term (b == noTerm) or two.
func pair(a, b uint32) uint64 { return uint64(a)<<32 | uint64(b) }

// titleTerms analyses a title into index term ids, in order.
func titleTerms(ix *index.Index, pipe *nlp.Pipeline, title string, dst []uint32) []uint32 {
	dst, _ = titleTermsAt(ix, pipe.Terms(title), dst, nil)
	return dst
}

// titleTermsAt is titleTerms of a title's terms that also appends each
// term's byte offsets in the title to at (start<<16 | end) when at is not
// nil.
func titleTermsAt(ix *index.Index, terms []nlp.Term, dst, at []uint32) ([]uint32, []uint32) {
	for _, t := range terms {
		if t.Expanded {
			continue
		}
		switch id, ok := ix.TermID(t.Stem); {
		case t.Norm == "unspecified":
			dst = append(dst, unspecTerm)
		case ok:
			dst = append(dst, id)
		default:
			dst = append(dst, unknownTerm)
		}
		if at != nil {
			at = append(at, uint32(t.Start)<<16|uint32(t.End))
		}
	}
	return dst, at
}

// buildSlots mines the slots of set's ICD-10-CM titles.
func buildSlots(set *corpus.Set, ix *index.Index) *slotTable {
	pipe := ix.Analyzer()
	st := &slotTable{codeTerms: map[corpus.ID][2]uint32{}, codeSlots: map[corpus.ID][2]uint32{}, alt: map[uint64]struct{}{}, at: []uint32{}}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if index.SeventhCharacter(b, set.SevenChr(id)) {
			continue // the stem's title says the same, without the 7th character's words
		}
		if len(b.Display) >= 1<<16 {
			continue // beyond at's offsets (no title is this long)
		}
		off := len(st.terms)
		// Every title is read once here: the pipeline's Terms memo,
		// which the notes' rules fill, is left to them.
		st.terms, st.at = titleTermsAt(ix, pipe.TermsOnce(b.Display), st.terms, st.at)
		st.codeTerms[id] = [2]uint32{uint32(off), uint32(len(st.terms) - off)}
	}
	altOf := slotAlternatives(st.terms, st.codeTerms) // slotgroups.go: slotKey -> the values replacing it
	for k := range altOf {
		st.alt[k] = struct{}{}
	}
	for id, span := range st.codeTerms {
		t := st.terms[span[0] : span[0]+span[1]]
		off := len(st.slots)
		st.slots = st.slotsIn(t, st.slots)
		if len(st.slots) > off {
			st.codeSlots[id] = [2]uint32{uint32(off), uint32(len(st.slots) - off)}
		}
	}
	st.altBits = make([]uint64, 1<<altFilterLog2/64)
	for k := range st.alt {
		b := altBit(k)
		st.altBits[b/64] |= 1 << (b % 64)
	}
	top := corpus.ID(0)
	for id := range st.codeTerms {
		top = max(top, id)
	}
	st.dense = make([]codeSpans, top+1)
	for id, sp := range st.codeTerms {
		st.dense[id].terms = [2]uint32{sp[0], sp[1] + 1}
	}
	for id, sp := range st.codeSlots {
		st.dense[id].slots = [2]uint32{sp[0], sp[1] + 1}
	}
	listAt := map[uint64][2]uint32{} // slotKey -> its span of altVals
	for id := range st.dense {
		tsp, ssp, ok := st.spans(corpus.ID(id))
		if !ok || ssp[1] == 0 {
			continue
		}
		t := st.terms[tsp[0] : tsp[0]+tsp[1]]
		st.dense[id].rec = uint32(len(st.rec)) + 1
		sps := st.slots[ssp[0] : ssp[0]+ssp[1]]
		ctx := contextMask(len(t), sps)
		st.rec = append(st.rec, tsp[1], ssp[1], uint32(ctx), uint32(ctx>>32))
		st.rec = append(st.rec, t...)
		for _, sp := range sps {
			a, left, right := window(t, int(sp>>1), int(sp&1)+1)
			k := slotKey(left, right, a)
			at, ok := listAt[k]
			if !ok {
				l := altOf[k]
				at = [2]uint32{uint32(len(st.altVals)), uint32(len(l))}
				st.altVals = append(st.altVals, l...)
				listAt[k] = at
			}
			st.rec = append(st.rec, uint32(sp), at[0], at[1])
		}
	}
	st.codeTerms, st.codeSlots = nil, nil
	st.far = farTerms(ix)
	return st
}

// warm reads the records of the candidates' codes (dense, then the head
// of rec), each step in one pass over the candidates, before
// contradiction reads them one candidate at a time: the reads of a pass
// are independent of each other, so the processor overlaps their cache
// misses instead of waiting for each in turn. It returns a sum of what it
// read so that the reads are kept.
//
//go:noinline
func (st *slotTable) warm(cs []*candidate) uint32 {
	sum := uint32(0)
	for _, c := range cs {
		if code := c.tgt.anyCode(); code >= 0 && int(code) < len(st.dense) {
			sum += st.dense[code].rec
		}
	}
	for _, c := range cs {
		if code := c.tgt.anyCode(); code >= 0 && int(code) < len(st.dense) {
			if r := st.dense[code].rec; r > 0 {
				sum += st.rec[r-1]
			}
		}
	}
	return sum
}

// hasRecord reports whether code has a record (a title with slots):
// contradiction finds nothing for a code without one.
func (st *slotTable) hasRecord(code corpus.ID) bool {
	return code >= 0 && int(code) < len(st.dense) && st.dense[code].rec != 0
}

// slotsOf returns the slot positions of a code's title (see codeSlots).
func (st *slotTable) slotsOf(code corpus.ID) []uint16 {
	_, sp, _ := st.spans(code)
	return st.slots[sp[0] : sp[0]+sp[1]]
}

// fills reports whether value fills a slot between left and right.
func (st *slotTable) fills(left, right uint32, value uint64) bool {
	return st.hasAlt(slotKey(left, right, value))
}

// conflict is a detail the note documents against a candidate's title.
type conflict struct {
	said    nlp.Span // the note's words filling the slot
	ctxNote int      // the neighbouring note term naming the slot
	at, n   int      // the title's terms filling it: terms[at:at+n]
	side    int      // 0: the context precedes the slot
	val     uint64   // the note's value (pair)
	code    corpus.ID
}

// contradiction finds the first slot c's code fills with one value while
// the note, in the sentences of c's mentions, fills it with another and
// never with the code's. ok is false when there is none.
func (st *slotTable) contradiction(ix *index.Index, doc *nlp.Document, sr *sentenceRanges, sents []int, c *candidate, code corpus.ID) (conflict, bool) {
	r, said := st.saidContexts(ix, doc, sr, code)
	if said == 0 {
		return conflict{}, false // no slot, or the note says none of its neighbours
	}
	return st.contradictionIn(ix, doc, sr, sents, r, said, code)
}

// everyContext is the said mask that looks up every slot's neighbours, as
// if the note said every word of the title (TestContradictionSaidMask holds
// contradiction to it).
const everyContext = ^uint64(0)

// saidContexts returns code's record and a mask of the title positions
// that neighbour one of its slots and that the note says (the record's
// contextMask less the positions the note does not say). A slot whose
// neighbours the note never says is contradicted by nothing, so a zero
// mask answers the code without its sentences (discriminate asks this
// before sentencesOf): for about one code in five of a dev note no
// neighbour is said. A title too long for the mask is everyContext.
func (st *slotTable) saidContexts(ix *index.Index, doc *nlp.Document, sr *sentenceRanges, code corpus.ID) ([]uint32, uint64) {
	if !st.hasRecord(code) {
		return nil, 0 // no slot, no contradiction
	}
	r := st.rec[st.dense[code].rec-1:]
	// Every term of the note is judged, in one pass for the note's first
	// candidate (positionsReady judges them before it builds the position
	// table): the scan reads sr.nids directly.
	if !sr.positionsReady(doc, ix) {
		return nil, 0 // the note has no terms
	}
	ctx := uint64(r[2]) | uint64(r[3])<<32
	if ctx == everyContext {
		return r, ctx
	}
	t := r[recHead : recHead+r[0]]
	said := uint64(0)
	for ; ctx != 0; ctx &= ctx - 1 {
		b := bits.TrailingZeros64(ctx)
		if b < 1 || b > len(t) {
			continue
		}
		if h := sr.pos.first(t[b-1]); h >= 0 {
			said |= 1 << b
			sr.ctxHead[b] = h // contradictionIn's walk starts here
		}
	}
	return r, said
}

// recHead is the length of a record's head in rec: n, m and the
// contextMask's two words.
const recHead = 4

// contextMask returns the mask of the title positions (of a title of nt
// terms) that neighbour one of slots (as in codeSlots): bit p+1 stands for
// position p, the title's edges (bits 0 and nt+1) hold no word and are
// clear. A title of more than 62 terms is everyContext.
func contextMask(nt int, slots []uint16) uint64 {
	if nt > 62 {
		return everyContext
	}
	var ctx uint64
	for _, sp := range slots {
		i, n := uint(sp>>1)&63, uint(sp&1)+1
		ctx |= 1<<i | 1<<((i+n+1)&63)
	}
	return ctx &^ (1 | 1<<(nt+1))
}

// saysAt reports whether said holds bit b (saidContexts). Only
// everyContext, every bit of which is set, is asked about bits past 63:
// they are read modulo 64.
func saysAt(said uint64, b int) bool { return said>>(uint(b)&63)&1 != 0 }

// contradictionIn is contradiction of code's record r, reading beside a
// slot only the neighbours said marks (saidContexts, which left the first
// note term holding each in sr.ctxHead; everyContext: none, each is
// looked up).
func (st *slotTable) contradictionIn(ix *index.Index, doc *nlp.Document, sr *sentenceRanges, sents []int, r []uint32, said uint64, code corpus.ID) (conflict, bool) {
	t, slots := recordParts(r)
	terms := doc.Terms
	// step moves from note term j, in the range terms[lo:hi] of its
	// sentence, to the next (dir 1) or previous (-1) term in its sentence
	// (an abbreviation's expansion words follow it in order: "CKD" ->
	// chronic, kidney, disease); -1 when there is none. When the ranges
	// are the runs of the terms' sentences (termRun) the range is the
	// sentence, and no term's sentence is read (TestContradictionAgrees
	// holds the two readings equal).
	runs := sr.termRun
	step := func(j, dir int, lo, hi int32) int {
		k := j + dir
		if runs {
			if k < int(lo) || k >= int(hi) {
				return -1
			}
			return k
		}
		if k < 0 || k >= len(terms) || terms[k].Sent != terms[j].Sent {
			return -1
		}
		return k
	}
	inTitle := func(v uint32) bool {
		for _, x := range t {
			if x == v {
				return true
			}
		}
		return false
	}
	for ; len(slots) >= 3; slots = slots[3:] {
		{
			sp := slots[0]
			i, n := int(sp>>1), int(sp&1)+1
			// The slot's neighbours, positions i-1 and i+n, are said's
			// bits i and i+n+1.
			if !saysAt(said, i) && !saysAt(said, i+n+1) {
				continue // the note says neither
			}
			a, left, right := window(t, i, n)
			// The values replacing a between left and right.
			alts := st.altVals[slots[1] : slots[1]+slots[2]]
			for side := range 2 {
				// The note is read beside one of the slot's neighbours
				// (side 0: the slot follows it), in either word order.
				ctx, at := left, i
				if side == 1 {
					ctx, at = right, i+n+1
				}
				if ctx == unknownTerm || !saysAt(said, at) {
					continue
				}
				// Only the terms holding ctx are visited (notepos.go), in
				// the plain scan's order: sentence by sentence as sents
				// lists them, in note order within each.
				// saidContexts found the first term holding ctx.
				var head int32
				if said != everyContext {
					head = sr.ctxHead[at]
				} else if head = sr.pos.first(ctx); head < 0 {
					continue // the note never says ctx
				}
				supported, found := false, conflict{ctxNote: -1}
				cur := newChainCursor(head)
			scan:
				for _, sn := range sents {
					if sn >= len(sr.term) {
						continue
					}
					lo, hi := sr.term[sn][0], sr.term[sn][1]
					for jj := sr.holding(cur.from(sr.pos.next, lo), ctx, lo, hi); jj >= 0; jj = sr.holding(sr.pos.next[jj], ctx, lo, hi) {
						j := int(jj)
						// The note's one- and two-term values beside the context.
						dir := 1 - 2*side
						v1 := step(j, dir, lo, hi)
						if v1 < 0 {
							continue
						}
						// v1 and v2 are of j's sentence, judged above: their
						// note ids are read directly.
						n1 := sr.nids[v1]
						if n1 < 0 {
							continue
						}
						id1 := uint32(n1)
						vals := [2]uint64{pair(id1, noTerm), 0}
						spans := [2]nlp.Span{{Start: terms[v1].Start, End: terms[v1].End}}
						if v2 := step(v1, dir, lo, hi); v2 >= 0 {
							if n2 := sr.nids[v2]; n2 >= 0 {
								id2 := uint32(n2)
								if side == 0 {
									vals[1] = pair(id1, id2)
									spans[1] = nlp.Span{Start: terms[v1].Start, End: terms[v2].End}
								} else {
									vals[1] = pair(id2, id1)
									spans[1] = nlp.Span{Start: terms[v2].Start, End: terms[v1].End}
								}
							}
						}
						// The note fills the slot with the code's value, or with
						// another word of its title ("essential hypertension"
						// for "Essential (primary) hypertension").
						// A coordinated second value ("hepatitis B and C",
						// "renal and respiratory failure") is said too.
						second := uint64(0)
						if vals[1] != 0 {
							if side == 0 {
								second = pair(uint32(vals[1]), noTerm)
							} else {
								second = pair(uint32(vals[1]>>32), noTerm)
							}
						}
						if vals[0] == a || vals[1] == a || second == a || inTitle(id1) && !slices.Contains(alts, vals[0]) || n == 1 && st.nearby(doc, ix, sr, j, t[i], int(lo), int(hi)) {
							supported = true
							break scan
						}
						for q, v := range vals {
							if v == 0 || found.ctxNote >= 0 || !slices.Contains(alts, v) || connectorValue(ix, v, side) || inTitle(uint32(v>>32)) && uint32(v>>32) != unspecTerm && !withWithout(ix, uint32(v>>32)) {
								continue
							}
							found = conflict{said: spans[q], ctxNote: j, at: i, n: n, side: side, val: v, code: code}
						}
					}
				}
				if !supported && found.ctxNote >= 0 {
					return found, true
				}
			}
		}
	}
	return conflict{}, false
}

// nearby reports whether the word a (not a number or a one- or two-letter
// term, which must sit in the slot itself: st.far) is within three terms
// of the context term j in its sentence: "acute on chronic kidney
// failure" keeps "acute kidney failure". The note's terms are compared by
// index term id (sr.ids, filled when j was judged), a term read as
// "unspecified" by its stem. j lies in the range terms[lo:hi] of its
// sentence; when the ranges are the runs of the terms' sentences
// (termRun) the range is the sentence, and the window is cut to it rather
// than each term's sentence compared (TestSlotNearby holds both readings
// to its table, TestContradictionAgrees the one to the other).
func (st *slotTable) nearby(doc *nlp.Document, ix *index.Index, sr *sentenceRanges, j int, a uint32, lo, hi int) bool {
	if a == unspecTerm || a == unknownTerm || !st.isFar(a) {
		return false
	}
	terms := doc.Terms
	ids := sr.ids
	runs := sr.termRun
	from, to := max(0, j-4), min(len(terms), j+5)
	if runs {
		from, to = max(from, lo), min(to, hi)
	}
	for k := from; k < to; k++ {
		if !runs && terms[k].Sent != terms[j].Sent {
			continue
		}
		if k < len(ids) && ids[k] != unspecTerm {
			if ids[k] == int64(a) {
				return true
			}
			continue
		}
		if terms[k].Stem == ix.Term(a) {
			return true
		}
	}
	return false
}

// farTerms marks the index terms nearby may find apart from their slot:
// longer than two bytes and without a digit.
func farTerms(ix *index.Index) []uint64 {
	n := ix.Terms()
	far := make([]uint64, (n+63)/64)
	for id := range n {
		s := ix.Term(uint32(id))
		if len(s) <= 2 || strings.ContainsAny(s, "0123456789") {
			continue
		}
		far[id/64] |= 1 << (id % 64)
	}
	return far
}

// isFar reports whether farTerms marked term a.
func (st *slotTable) isFar(a uint32) bool {
	return int(a/64) < len(st.far) && st.far[a/64]&(1<<(a%64)) != 0
}

// discriminate drops the candidates the note contradicts: words that only
// state another candidate's seventh character ("encounter" of "initial
// encounter" is not Z76.89), and codes whose title fills a slot with
// another term than the note does (see slotTable). It appends the
// rejections to w.rejected and returns the candidates kept, in order.
func (e *Engine) discriminate(w *work, doc *nlp.Document, live []*candidate, encounter string) []*candidate {
	w.sr.index(doc)
	w.sr.heal.rn = &w.rn     // noteHealing reads the rule note's fracture cues (healing.go)
	w.sr.seedIDs(doc, w.tid) // collect's ids of the note's terms (termids.go)
	// owned: a token states a stem's 7th character (statesSeventh may
	// find one).
	var owned bool
	w.owner, owned = seventhWords(w, e.set, doc, live, encounter, w.owner)
	vs := slices.Grow(w.verdicts[:0], len(live))[:len(live)]
	clear(vs)
	defer func() { clear(vs); w.verdicts = vs[:0] }() // pooled without pointers into this note
	// The conflicts found, few a note: a verdict holds its conflict's
	// place here, so that the verdicts, one a candidate, are small to
	// clear and to read.
	var cfBuf [8]conflict
	cfs := cfBuf[:0]
	if e.slots != nil {
		e.slots.warm(live)
	}
	var spare codeFact
	for i, c := range live {
		vs[i].c = c
		if stem := statesSeventhOf(c, w.owner, owned); stem != 0 {
			vs[i].bad, vs[i].seventh = true, true
			if !reportable(c) {
				continue
			}
			b := e.set.Brief(c.tgt.anyCode())
			w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
				Rule: "seventh_character", Reason: "its words state the 7th character of " + e.set.CodeString(stem), Evidence: e.evidence(w, doc, c, 3)})
			continue
		}
		code := c.tgt.anyCode()
		// A model's sibling candidate stands on another code's words; the
		// ranker weighs it (Model.CategoryTop).
		if e.slots == nil || c.sibling || !e.slots.hasRecord(code) || len(c.mentions) == 0 {
			continue // a code without a slot is contradicted by nothing
		}
		// "Family history of" / "Personal history of" fill no slot against
		// the condition's own details ("type 1 diabetes" in a mother):
		// the history is the assertion's business (history.go).
		// (The code's facts hold both, as asrt bits: no string is read.)
		f := e.factIn(code) // inlined: the table's entry, the call only past it
		if f == nil {
			f = e.factRef(code, &spare)
		}
		if f.flags&factICD == 0 || f.asrt&(asrtFamily|asrtHistory) != 0 {
			continue
		}
		// A code none of whose slots' neighbours the note says is
		// contradicted by nothing: its sentences are not listed.
		r, said := e.slots.saidContexts(e.ix, doc, &w.sr, code)
		if said == 0 {
			continue
		}
		w.sents = sentencesOf(c, true, w.sents)
		if cf, ok := e.slots.contradictionIn(e.ix, doc, &w.sr, w.sents, r, said, code); ok && (generalValue(e.ix, cf.val) || !e.nameSays(w, doc, c, cf.said)) {
			vs[i].cf, vs[i].bad = int32(len(cfs)), true
			cfs = append(cfs, cf)
		}
	}
	// A code contradicted only for being unspecified stays unless a
	// candidate of its category that is not contradicted is the sibling
	// holding the note's value (the replacement is suggested).
	var cats []uint64 // the category of each kept verdict's code (catKeyOf), read once
	replaced := func(code corpus.ID, at int, val uint64) bool {
		cat := e.catKeyOf(code)
		if cats == nil {
			cats = make([]uint64, len(vs))
			for i, v := range vs {
				if !v.bad {
					cats[i] = e.catKeyOf(v.c.tgt.anyCode())
				}
			}
		}
		for i, v := range vs {
			if v.bad || cats[i] != cat {
				continue
			}
			k := v.c.tgt.anyCode()
			if sp, _, ok := e.slots.spans(k); ok && e.slots.sibling(code, e.slots.terms[sp[0]:sp[0]+sp[1]], at, uint32(val>>32)) {
				return true
			}
		}
		return false
	}
	out := live[:0]
	for _, v := range vs {
		if !v.bad {
			out = append(out, v.c)
			continue
		}
		if v.seventh {
			continue // rejected above
		}
		cf := &cfs[v.cf]
		code := v.c.tgt.anyCode()
		b := e.set.Brief(code)
		sp, _, _ := e.slots.spans(code)
		a := e.slots.terms[sp[0]+uint32(cf.at)]
		if a == unspecTerm && !replaced(code, cf.at, cf.val) {
			out = append(out, v.c)
			continue
		}
		if v.c.top().hit.Score < 0.45 {
			continue // rejected; too weak a match to be worth a coder's look
		}
		w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
			Rule: "contradicted", Reason: e.conflictReason(doc, b, *cf), Evidence: e.evidence(w, doc, v.c, 3)})
	}
	return out
}

// verdict is discriminate's judgement of one candidate.
type verdict struct {
	c       *candidate
	cf      int32 // the place of its conflict in discriminate's list (bad, not seventh)
	bad     bool
	seventh bool // its words state another code's 7th character
}

// conflictReason says what the note documents and what the code is:
// "note says type 1; E11.9 is type 2".
func (e *Engine) conflictReason(doc *nlp.Document, b corpus.Brief, cf conflict) string {
	ctx := doc.Terms[cf.ctxNote].Norm
	said := doc.Text[cf.said.Start:cf.said.End]
	// The title's own words for the slot (its terms' offsets, analysed at
	// Open).
	is := ""
	if sp, _, ok := e.slots.spans(cf.code); ok {
		for k := cf.at; k < cf.at+cf.n && k < int(sp[1]); k++ {
			x := e.slots.at[int(sp[0])+k]
			start, end := int(x>>16), int(x&0xffff)
			if k == cf.at {
				is = b.Display[start:end]
			} else if is != "" {
				is = b.Display[strings.Index(b.Display, is):end]
			}
		}
	}
	is = dropBrackets(is)
	if is == "" {
		is = "another " + ctx
	}
	// One concatenation rather than a fmt.Sprintf (TestConflictReasonText
	// holds it equal to the Sprintf form).
	if cf.side == 0 {
		return conflictText(ctx, said, b.Code, ctx, is)
	}
	return conflictText(said, ctx, b.Code, is, ctx)
}

// conflictText is "note says <a> <b>; <code> is <c> <d>".
func conflictText(a, b, code, c, d string) string {
	return "note says " + a + " " + b + "; " + code + " is " + c + " " + d
}

// dropBrackets removes the bytes ()[] from s.
func dropBrackets(s string) string {
	if !strings.ContainsAny(s, "()[]") {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := range len(s) {
		switch s[i] {
		case '(', ')', '[', ']':
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}

// connectorValue reports whether a note value is a lone connector word
// ("with", "due") after its context term: what follows it is another
// matter ("heart disease with ..."), not the detail of the slot. Before
// its context ("without complications") it is the detail.
func connectorValue(ix *index.Index, v uint64, side int) bool {
	if side == 1 || uint32(v) != noTerm || uint32(v>>32) >= unknownTerm-1 {
		return false
	}
	switch ix.Term(uint32(v >> 32)) {
	case "with", "without", "due", "other", "and", "in", "of":
		return true
	}
	return false
}

// nameSays reports whether a name that found c (a good mention's index
// path or inclusion term, "Failure, renal, chronic" for N18.9) holds every
// word of the note's span: the code's own names document that detail.
func (e *Engine) nameSays(w *work, doc *nlp.Document, c *candidate, said nlp.Span) bool {
	best := c.bestScore()
	// The stems of the note's words in said, gathered once.
	var buf [8]string
	want := saidStems(doc.Terms, said, buf[:0])
	for i := range c.mentions {
		m := &c.mentions[i]
		if scoreOf(m) < 0.8*best {
			continue
		}
		all := true
		if len(want) > 0 {
			stems := e.mentionStems(w, m)
			for _, st := range want {
				if !slices.Contains(stems, st) {
					all = false
					break
				}
			}
		}
		if all {
			return true
		}
	}
	return false
}

// sibling reports whether title t is code u's title with the note's value v
// in place of u's "unspecified" at position at: t holds v and every other
// term of u's title.
func (st *slotTable) sibling(u corpus.ID, t []uint32, at int, v uint32) bool {
	sp, _, ok := st.spans(u)
	if !ok || !slices.Contains(t, v) {
		return false
	}
	for i, x := range st.terms[sp[0] : sp[0]+sp[1]] {
		if i != at && !slices.Contains(t, x) {
			return false
		}
	}
	return true
}

// withWithout reports whether term v is "with" or "without": the title
// may hold the other use of the word ("without foreign body ... without
// damage to nail").
func withWithout(ix *index.Index, v uint32) bool {
	if v >= unknownTerm-1 {
		return false
	}
	w := ix.Term(v)
	return w == "with" || w == "without"
}

// generalValue reports whether a note's slot value is "unspecified",
// "with" or "without" alone: a name holds such words for other reasons
// ("Unspecified injury of femoral artery, left leg"), so a name that found
// the code does not support it.
func generalValue(ix *index.Index, v uint64) bool {
	if uint32(v) != noTerm {
		return false
	}
	a := uint32(v >> 32)
	return a == unspecTerm || withWithout(ix, a)
}

// slotsIn appends to dst the slots of title terms t: each word or word pair
// (position i<<1 | length-1) that fills a mined slot between its
// neighbours.
func (st *slotTable) slotsIn(t []uint32, dst []uint16) []uint16 {
	for n := 1; n <= 2; n++ {
		for i := 0; i+n <= len(t) && i < 1<<14; i++ {
			if a, left, right := window(t, i, n); st.fills(left, right, a) {
				dst = append(dst, uint16(i<<1|(n-1)))
			}
		}
	}
	return dst
}

// window returns the word or word pair of title terms t at i (n words) and
// its neighbours (unknownTerm at the title's ends).
func window(t []uint32, i, n int) (a uint64, left, right uint32) {
	a = pair(t[i], noTerm)
	if n == 2 {
		a = pair(t[i], t[i+1])
	}
	left, right = uint32(unknownTerm), uint32(unknownTerm)
	if i > 0 {
		left = t[i-1]
	}
	if i+n < len(t) {
		right = t[i+n]
	}
	return a, left, right
}
