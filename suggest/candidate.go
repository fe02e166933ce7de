package suggest

import (
	"math"
	"slices"
	"sort"
	"strings"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// mention is one hit of a code in one sentence. What the passes over a
// note's mentions read of each (scoreOf's partNeg, dominated and hit
// score; the full-name test's learned and coverage) comes first, in its
// first 32 bytes, with the one-byte fields together so no padding falls
// between wider ones. A mention is 160 bytes and the mention arena
// (mentionSlice) starts on a page, so a mention starts on a 32-byte
// boundary and those 32 bytes sit in one cache line
// (TestMentionHotBytes).
type mention struct {
	partNeg   float64 // share of the matched words negated while the rest is not
	learned   bool
	dominated bool
	expanded  bool
	kind      corpus.NameKind
	assert    nlp.Assertion
	hit       index.Hit
	sent      int
	start     int
	end       int
	section   int
	weight    float64 // learned-name precision
	name      string
}

// candidate gathers the mentions of one suggestable code (or stem). What
// the passes over a note's candidates read of each (its mentions, best,
// target, sibling and filtered), and the best score pendHits keeps as it
// adds mentions, comes first, in its first 64 bytes, and the candidate is
// 256 bytes (pad), a size class whose objects start on a cache line:
// those bytes are one line (TestCandidateHotLine).
type candidate struct {
	mentions []mention
	best     int // index into mentions
	tgt      target
	// sibling: added because training notes code this category this way,
	// on the evidence of another code of the category.
	sibling bool
	// filtered is assertLive's verdict on the candidate for the note
	// (assertlive.go).
	filtered filterState
	// known and shared are what pendHits found of the mentions as it
	// built them (candidateknown.go), read by the passes up to the cap
	// in this line rather than in the mentions' lines.
	known  knownFacts
	shared nlp.Assertion
	// topScore is scoreOf mentions[best], kept by pendHits as it builds
	// the mentions; while known, liveBest reads it (candidateknown.go).
	// It is in the first line, beside the mentions pendHits appends to:
	// in the next, each later mention read a line collect otherwise
	// leaves alone.
	topScore float64
	// key is the string of its code, e.set.CodeString(tgt.anyCode()),
	// which only compete reads (of the live candidates): a candidate of
	// collect's has it once assertLive keeps it (keyed); siblings,
	// histories and site edits set it as they make or move one. sides,
	// which moves a kept candidate to a sibling, leaves it: the
	// tie-break stays the code the candidate was filed under.
	key string
	// spanRank is 0 when no other candidate's best mention overlapping
	// this one's scores higher, else how many do; margin is this best
	// mention's score minus the best overlapping competitor's.
	spanRank int
	margin   float64
	// historyOf is the code whose historical or family mention this
	// history code stands for; replacedBy is that history code, on the
	// candidate it replaces.
	historyOf  string
	replacedBy string
	// historyFrom is the condition candidate historyOf names.
	historyFrom *candidate
	catCount    int     // candidates of the same category in the note
	cooc        float64 // best co-occurrence lift with an anchor code
	// lessThan is a candidate of the same chapter whose fully matched
	// name reads this one's words, and more (specific): it ranks first.
	lessThan *candidate
	// refinedBy is the candidate of the same category reading this vague
	// one's words and more of its sentence; refines lists the vague
	// candidates this one refines (refine.go).
	refinedBy *candidate
	refines   []*candidate
	// sideEdit is set when the note's side moved a header's default
	// child to its sibling (side.go).
	sideEdit *Edit
	// seventh is the seventh character the note documents for a stem
	// ("" none), once seventhKnown.
	seventh      string
	seventhKnown bool
	_            [32]byte // pads the candidate to 256 bytes
}

// top is the candidate's best mention; a candidate without mentions has
// an empty one in no sentence or section.
func (c *candidate) top() mention {
	if len(c.mentions) == 0 {
		return mention{sent: -1, section: -1}
	}
	return c.mentions[c.best]
}

// saysWithout reports whether a name holds "without", "Without" or
// "WITHOUT", without allocating. The first two share "ithout", so a name
// holding neither it nor "WITHOUT" (nearly every name) is answered by
// two searches, not three (TestSaysWithoutAgrees holds it to the three).
func saysWithout(name string) bool {
	if strings.Contains(name, "ithout") {
		return strings.Contains(name, "without") || strings.Contains(name, "Without") || strings.Contains(name, "WITHOUT")
	}
	return strings.Contains(name, "WITHOUT")
}

// withoutClash is the share of a "without" name's matched words whose
// polarity the note inverts: a word the name says the condition is
// without that the note affirms, or a word the name affirms that the note
// negates ("Agoraphobia without panic disorder" read in "Panic disorder
// without agoraphobia"). The name's negative part is what follows each
// "without" up to a comma, "with" or "in" ("Type 2 diabetes mellitus
// without complications in remission" affirms remission); what comes
// before the first "without" or after a "with" is its positive part.
//
// The hit's positions pos are those of mask (maskOf(pos, base), base the
// sentence's first token; hitFacts.read): one pass over the sentence's
// terms marks the positions with a word of either part, where a scan of
// the sentence for each position read the same terms once a position
// (withoutClashPlain in the tests). A mask that is not ok (a sentence
// too long to represent) takes that scan.
func withoutClash(doc *nlp.Document, sent []nlp.Term, parts *withoutParts, pos []int32, mask posMask, base int32) float64 {
	neg, pos0 := parts.neg, parts.pos
	if len(neg) == 0 {
		return 0
	}
	if !mask.ok {
		return withoutClashScan(doc, sent, neg, pos0, pos)
	}
	var inNeg, inPos [4]uint64 // per position of mask: a word of the part
	for k := range sent {
		t := &sent[k]
		d := uint32(int32(t.Tok) - base)
		if d >= 256 {
			continue
		}
		w, b := d/64, uint64(1)<<(d%64)
		if mask.bits[w]&b == 0 {
			continue
		}
		if inNeg[w]&b == 0 && slices.Contains(neg, t.Stem) {
			inNeg[w] |= b
		}
		if inPos[w]&b == 0 && slices.Contains(pos0, t.Stem) {
			inPos[w] |= b
		}
	}
	clash := 0
	for _, p := range pos {
		d := uint32(p - base) // within the mask: it is ok
		w, b := d/64, uint64(1)<<(d%64)
		isNeg, isPos := inNeg[w]&b != 0, inPos[w]&b != 0
		if isNeg == isPos {
			continue // in both parts, or in neither: says nothing
		}
		if isNeg != (doc.Tokens[p].Assert&nlp.Negated != 0) {
			clash++
		}
	}
	return float64(clash) / float64(len(pos))
}

// withoutClashScan is withoutClash reading, for each position, the
// sentence's terms at it by a scan of the sentence.
func withoutClashScan(doc *nlp.Document, sent []nlp.Term, neg, pos0 []string, pos []int32) float64 {
	clash := 0
	for _, p := range pos {
		negated := doc.Tokens[p].Assert&nlp.Negated != 0
		inNeg, inPos := false, false
		for _, t := range sent {
			if t.Tok != int(p) {
				continue
			}
			inNeg = inNeg || slices.Contains(neg, t.Stem)
			inPos = inPos || slices.Contains(pos0, t.Stem)
		}
		if inNeg == inPos {
			continue // in both parts, or in neither: says nothing
		}
		if inNeg != negated {
			clash++
		}
	}
	return float64(clash) / float64(len(pos))
}

// collect searches every sentence and gathers mentions per target.
func (e *Engine) collect(w *work, doc *nlp.Document, req Request) []*candidate {
	// Each mention is built in place in its candidate's room in the
	// mention arena, its candidate found first (candidateOf): no pending
	// copy laid out per candidate after the search.
	terms := doc.Terms
	sc := &w.sc
	sc.codes.reset()
	sc.trig = doc.TriggerTokens(sc.trig)
	sc.label = doc.LabelTokens(sc.label)
	sc.shout = append(sc.shout[:0], make([]int8, len(doc.Sentences))...)
	e.noteTermIDs(w, doc, sc.label) // and the sentences' ends and query terms
	lo := 0
	for _, end := range sc.ends {
		hi := int(end)
		sent, qt := terms[lo:hi:hi], sc.qterms[lo:hi:hi]
		e.searchSentence(w, doc, sent, qt, w.tid[lo:hi], req, e.ix, e.targets, false, sc)
		if e.learned != nil {
			e.searchSentence(w, doc, sent, qt, w.ltid[lo:hi], req, e.learned, e.lTarget, true, sc)
		}
		lo = hi
	}
	// The passes after collect find a code's candidate where candidateOf
	// filed it (sc.codes). A candidate's key is set when assertLive keeps
	// it (keyed), not in a walk of the candidates after the search, which
	// met each again out of cache and looked up the code of each, most
	// then dropped. Its mentions may have room past their number, the
	// candidate's own in the arena: no pass appends to them (those that
	// drop some take fresh room, rules.go).
	return w.order
}

// firstRoom is the room in the mention arena a candidate's first mention
// takes: most candidates of a note have no more mentions than this, and
// theirs are never moved.
const firstRoom = 4

// moreRoom returns c's mentions, which fill their room, moved in order to
// room in the mention arena (mentionSlice) twice their number.
func (w *work) moreRoom(c *candidate) []mention {
	n := len(c.mentions)
	ms := w.mentionSlice(2 * n)
	return ms[:copy(ms[:n], c.mentions)]
}

// candidateOf returns target tgt's candidate, created on its first
// mention, with room for one more mention past its others (its slot is
// c.mentions[:len(c.mentions)+1]'s last: its mentions sit in room of the
// mention arena, firstRoom from the first on, moved by moreRoom when
// full), or nil when tgt is invalid or has no code (the mention is
// dropped).
func (w *work) candidateOf(tgt *target) *candidate {
	k := tgt.anyCode()
	if tgt.invalid || k == 0 {
		return nil
	}
	// codeSlots.ref's probe, written here: ref is too large to inline,
	// and a call for each mention cost more than the probe.
	s := &w.sc.codes
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	sl := &s.slots[s.slotOf(k)]
	if sl.key == 0 {
		sl.key = k
		s.n++
	}
	c := sl.c
	if c == nil {
		c = w.candidate()
		c.tgt = *tgt // its key comes when assertLive keeps it (keyed)
		c.mentions = w.mentionSlice(firstRoom)
		sl.c = c
		w.order = append(w.order, c)
	} else if len(c.mentions) == cap(c.mentions) {
		c.mentions = w.moreRoom(c)
	}
	if c.tgt.from != 0 && tgt.from == 0 {
		c.tgt = *tgt // the code's own name matched: no resolution edit
	}
	return c
}

// sentenceScratch is reused across the sentences of one note.
type sentenceScratch struct {
	q        index.Query
	expanded []bool      // per query term: from an abbreviation expansion (listed when one is)
	facts    []hitFacts  // per hit: its words' negation share and assertion
	full     fullMasks   // the sentence's fully matched names, which dominate others
	trig     []bool      // per token of the note: part of an assertion trigger
	label    []bool      // per token of the note: in a body-system sub-heading ("HEENT:")
	prefix   []prefixAt  // the query's compound words and their prefixes' starts
	qterms   []queryTerm // per term of the note: what the searches read of it (noteTermIDs)
	ends     []int32     // the ends of the note's sentences' runs of terms (noteTermIDs)
	shout    []int8      // per sentence of the note: 0 not judged, 1 all capitals, -1 not
	codes    codeSlots   // the note's candidates by code, as collect gathers them
}

// prefixAt is a compound's word (its token) and where its prefix starts.
type prefixAt struct{ tok, start int }

// prefixStart is where the compound ending at token tok starts (the last
// one the query read), or the largest int when tok is no compound's word.
func (sc *sentenceScratch) prefixStart(tok int) int {
	for i := len(sc.prefix) - 1; i >= 0; i-- {
		if sc.prefix[i].tok == tok {
			return sc.prefix[i].start
		}
	}
	return math.MaxInt
}

// posMask is the set of token positions a hit matched, relative to the
// sentence's first token; ok is false when the sentence is too long to
// represent (dominance is then not judged).
type posMask struct {
	bits [4]uint64
	n    int
	ok   bool
}

// maskOf is the mask of the positions ps relative to base; it is not ok
// when one lies outside the mask's 256 positions.
func maskOf(ps []int32, base int32) posMask {
	m := posMask{ok: true}
	for _, p := range ps {
		if !m.add(p - base) {
			return posMask{}
		}
	}
	return m
}

// add sets bit d of m, counting it when new; it reports false when d is
// out of the mask's range.
func (m *posMask) add(d int32) bool {
	// Unsigned, a negative d is out of range too, and the word and bit
	// are a shift and a mask (a signed d/64 and d%64 round toward zero).
	u := uint32(d)
	if u >= 256 {
		return false
	}
	w, b := u/64, uint64(1)<<(u%64)
	if m.bits[w]&b == 0 {
		m.bits[w] |= b
		m.n++
	}
	return true
}

// maskWhere is maskOf the positions ps[j] for which keep[j] holds.
func maskWhere(ps []int32, keep []bool, base int32) posMask {
	m := posMask{ok: true}
	for j, p := range ps {
		if keep[j] && !m.add(p-base) {
			return posMask{}
		}
	}
	return m
}

// holdsAny reports whether m, a mask of positions relative to base with
// ok set, holds any of ps: readsExpanded for the mask of the expanded
// positions (maskWhere; TestExpandedMask).
func (m posMask) holdsAny(ps []int32, base int32) bool {
	for _, p := range ps {
		if d := p - base; d >= 0 && d < 256 && m.bits[d/64]&(1<<(d%64)) != 0 {
			return true
		}
	}
	return false
}

// readsExpanded reports whether positions, a hit's, hold a query
// position qpos[j] whose term came from an expansion (expanded[j]).
func readsExpanded(qpos []int32, expanded []bool, positions []int32) bool {
	for j, p := range qpos {
		if expanded[j] && slices.Contains(positions, p) {
			return true
		}
	}
	return false
}

// within reports whether m is a strict subset of o.
func (m posMask) within(o posMask) bool {
	if !m.ok || !o.ok || m.n >= o.n {
		return false
	}
	for i := range m.bits {
		if m.bits[i]&^o.bits[i] != 0 {
			return false
		}
	}
	return true
}

// searchSentence runs one sentence against one index; qt are its terms'
// query terms (noteTermIDs), ids their ids in ix (-1: not in ix). It reads
// the terms the query terms keep (qtKept): all but those of a section's
// header or a sub-heading, which name a section, not a condition
// ("HISTORY OF PRESENT ILLNESS:", "CARDIOVASCULAR:").
func (e *Engine) searchSentence(w *work, doc *nlp.Document, sent []nlp.Term, qt []queryTerm, ids []int32, req Request, ix *index.Index, targets []target, learned bool, sc *sentenceScratch) {
	q := &sc.q
	q.Terms, q.Pos, sc.prefix = q.Terms[:0], q.Pos[:0], sc.prefix[:0]
	ids = ids[:len(qt)] // one bounds check a term
	expanded := false
	for k := range qt {
		a := qt[k]
		id := ids[k]
		if a.flags&qtKept == 0 || id < 0 {
			continue
		}
		q.Terms = append(q.Terms, uint32(id))
		q.Pos = append(q.Pos, a.tok)
		if a.flags&qtPrefix != 0 {
			sc.prefix = append(sc.prefix, prefixAt{int(a.tok), sent[k].Start}) // a compound's prefix ("pre-eclampsia") is part of its evidence
		}
		expanded = expanded || a.flags&qtExpanded != 0
	}
	if len(q.Terms) == 0 {
		return
	}
	if expanded {
		// Which query terms come from an expansion is listed only for
		// the few sentences holding one (the loop above lists them all).
		sc.expanded = sc.expanded[:0]
		for k := range qt {
			if qt[k].flags&qtKept != 0 && ids[k] >= 0 {
				sc.expanded = append(sc.expanded, qt[k].flags&qtExpanded != 0)
			}
		}
	}
	minCov := e.minCoverage
	if learned {
		minCov = 0.99
	}
	// The hits are read where the searcher left them, not copied out:
	// found points at them in order, and is filtered in place.
	s := w.searcherOf(ix, learned)
	found, pos := s.Find(w.pos, *q, index.SearchOptions{MinCoverage: minCov, MinScore: e.minScore, Systems: req.Systems, Limit: e.hitLimit})
	w.pos = pos
	// A hit's name (its kind, flags and text) is read from its ref,
	// what the search read of it, not from the name's entry (a line of
	// megabytes, most hits a wait on memory): refs is filtered with
	// found.
	refs := s.Refs()
	// A hit whose matched words all sit inside a longer, fully matched name
	// is dominated ("pain" inside "chest pain").
	// Drop hits that contradict the note: a drug-table row without its
	// column word ("metformin" alone is not "underdosing of metformin"), or
	// a name partly negated ("T2DM without complications" against "... with
	// complications") unless the name itself says "without".
	hits := found[:0]
	refs = refs[:len(found)]
	for j, h := range found {
		if targets[h.Code].invalid {
			continue
		}
		ref := refs[j]
		if ref.Kind() == corpus.NameDrug && h.Coverage < 0.99 {
			continue
		}
		if h.Matched <= 1 && ref.Has(index.NameApostrophe) && !e.eponymSaid(doc, ix, learned, h) {
			continue // "good adherence" is not Good's syndrome (eponym.go)
		}
		if !learned && caseMayClash(doc, ix, h, ref) && e.caseClashes(doc, ix, h, sc) { // casesense.go; learned names are lower case
			continue
		}
		refs[len(hits)] = ref
		hits = append(hits, h)
	}
	refs = refs[:len(hits)]
	// Part of a name negated and part not ("T2DM without complications"
	// against "... with complications") contradicts the name unless the name
	// itself says "without": such hits neither dominate others nor count
	// as documenting a complication, and the ranker sees the share.
	// The mention's assertion is what all its words share; the words of a
	// trigger ("without nausea" matching "Nausea without vomiting") are
	// not the finding's and do not count. Both are read in one pass over
	// the hit's words, with the mask of its positions (hitFacts.read).
	base := int32(sent[0].Tok)
	// Grown once, not appended a zero hitFacts per hit: read and the
	// share below set every field.
	facts := slices.Grow(sc.facts[:0], len(hits))[:len(hits)]
	sc.facts = facts
	// A hit whose matched words all sit inside a longer, fully matched name
	// is dominated ("pain" inside "chest pain"): the fully matched names'
	// masks are gathered as their facts are read, in the hits' order.
	sc.full.reset()
	for i, h := range hits {
		f := &facts[i]
		negated := f.read(doc, sc.trig, h.Positions, base)
		pn := 0.0
		if !refs[i].Has(index.NameWithout) { // saysWithout, found once per name
			if negated > 0 && negated < len(h.Positions) {
				pn = float64(negated) / float64(len(h.Positions))
			}
		} else if negated < len(h.Positions) {
			pn = withoutClash(doc, sent, e.withoutOf(ix, learned, h.Name), h.Positions, f.mask, base)
		}
		f.partNeg = pn
		if pn == 0 && h.Coverage >= 0.99 && h.Matched > 1 {
			sc.full.add(f.mask)
		}
	}
	var exp *posMask // the query's positions read from an expansion; nil: none is
	if expanded {
		m := maskWhere(q.Pos, sc.expanded, base)
		exp = &m
	}
	if len(hits) > 0 {
		e.pendHits(w, doc, sc, hits, refs, ix, targets, learned, sent[0].Sent, base, exp)
	}
}

// pendHits builds the mentions of a sentence's hits (sentence sentNo,
// its first token base; facts in sc.facts, a hit's at its index) in
// place among their targets' candidates' (candidateOf); a
// hit whose words are all a trigger's makes none. exp is the mask of
// the query positions read from an expansion, nil when none is; refs[i]
// is hits[i]'s ref (index.HitRef), its name's kind and text. It is a
// function of its own, not the end of searchSentence: there the loop's
// values were spilled around the search's and reloaded each hit.
func (e *Engine) pendHits(w *work, doc *nlp.Document, sc *sentenceScratch, hits []*index.Hit, refs []index.HitRef, ix *index.Index, targets []target, learned bool, sentNo int, base int32, exp *posMask) {
	toks, facts, refs := doc.Tokens, sc.facts[:len(hits)], refs[:len(hits)]
	compound := len(sc.prefix) > 0
	for i, h := range hits {
		f := &facts[i]
		if !f.own {
			continue // only the words of a trigger ("none", "no evidence of") matched
		}
		if learned && e.unsaidLearned(h.Code, f.assert) { // history.go
			continue
		}
		c := w.candidateOf(&targets[h.Code]) // by pointer: a target is five words in registers
		if c == nil {
			continue
		}
		// The mention is built in its slot among c's (candidateOf left
		// room for it), not copied there, every field set (the slot is
		// not zeroed: it may hold an earlier note's mention).
		n := len(c.mentions)
		c.mentions = c.mentions[:n+1]
		m := &c.mentions[n]
		first := &toks[h.First]
		m.hit, m.learned, m.name, m.kind = *h, learned, ix.RefText(refs[i], h.Name), refs[i].Kind()
		m.sent, m.start, m.end = sentNo, first.Start, toks[h.Last].End
		if compound { // else no compound's prefix to reach back to
			m.start = min(m.start, sc.prefixStart(int(h.First)))
		}
		m.section, m.partNeg, m.assert = first.Section, f.partNeg, f.assert
		m.weight, m.expanded, m.dominated = 0, false, false
		if exp != nil { // else no term of the query comes from an expansion
			switch {
			case exp.ok && f.mask.ok:
				m.expanded = exp.meets(&f.mask)
			case exp.ok:
				m.expanded = exp.holdsAny(h.Positions, base)
			default:
				m.expanded = readsExpanded(sc.q.Pos, sc.expanded, h.Positions)
			}
		}
		if len(sc.full.masks) > 0 { // else none dominates
			m.dominated = sc.full.dominates(&f.mask)
		}
		if learned && e.model != nil {
			m.weight = e.lWeight[h.Name] // every learned name has one (engine.go)
		}
		// The candidate's best mention is its first scoring highest,
		// found as its mentions are built; the best's score is kept
		// (topScore), not scored again against each later mention.
		// What the passes up to the cap read of the mentions is kept
		// in the candidate's first line too (known, shared).
		s := scoreOf(m) // read in place: no call (scoreat.go)
		if n == 0 {
			c.best, c.topScore, c.shared, c.known = 0, s, m.assert, knownOf(m)
		} else {
			c.shared &= m.assert
			if s > c.topScore {
				c.best, c.topScore, c.known = n, s, knownOf(m)
			}
		}
	}
}

// caseMayClash is false when caseClash must be: a one-word hit whose
// note word is not written in capitals, on a name without a word in
// capitals (their cases then agree), the common case, decided without
// reading the name (but its flags, from ref).
func caseMayClash(doc *nlp.Document, ix *index.Index, h *index.Hit, ref index.HitRef) bool {
	// The test most hits fail is inlined in searchSentence; the rest is
	// a call.
	return h.Matched == 1 && len(h.Positions) == 1 && oneWordMayClash(doc, ix, h, ref)
}

// oneWordMayClash is caseMayClash of a one-word hit.
func oneWordMayClash(doc *nlp.Document, ix *index.Index, h *index.Hit, ref index.HitRef) bool {
	if ref.Has(index.NameCapitals) {
		return true
	}
	t := &doc.Tokens[h.Positions[0]]
	word := doc.Text[t.Start:t.End]
	return capsWord(word)
}

// inHeader reports whether a term lies in its section's header.
func inHeader(doc *nlp.Document, t nlp.Term) bool {
	if t.Section < 0 || t.Section >= len(doc.Sections) {
		return false
	}
	h := doc.Sections[t.Section].Header
	return t.Start >= h.Start && t.End <= h.End && h.End > h.Start
}

func sortedUnique(p []int32) []int32 {
	s := append([]int32(nil), p...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
