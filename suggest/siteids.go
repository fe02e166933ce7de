package suggest

import (
	"sync"
	"sync/atomic"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// stemIDs numbers the stems the site refinement compares, so that the
// per-candidate work (fit, holding) compares small integers instead of
// hashing strings. A stem of the index's vocabulary is its term id (base);
// another is numbered from nbase on: sites.txt's stems when the table is
// read, a category's title and inclusion stems when the category is first
// read (siteCategoryOf). A note's stems are only looked up, never
// numbered, so the numbering grows with the code sets, never with the
// notes.
type stemIDs struct {
	base func(string) (uint32, bool)
	// ix is the index whose TermID base is (nil: another base): a note's
	// term ids by it are the stems' numbers (siteScratch.known).
	ix    *index.Index
	nbase int32
	mu    sync.Mutex
	m     sync.Map // string -> int32
	n     atomic.Int32
}

// size is one past the largest number given.
func (t *stemIDs) size() int32 { return t.nbase + t.n.Load() }

// id returns the number of stem s, if it has one.
func (t *stemIDs) id(s string) (int32, bool) {
	if t.base != nil {
		if id, ok := t.base(s); ok {
			return int32(id), true
		}
	}
	if v, ok := t.m.Load(s); ok {
		return v.(int32), true
	}
	return -1, false
}

// intern returns the number of stem s, numbering it when new.
func (t *stemIDs) intern(s string) int32 {
	if id, ok := t.id(s); ok {
		return id
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if id, ok := t.id(s); ok {
		return id
	}
	n := t.n.Load()
	t.m.Store(s, t.nbase+n)
	t.n.Store(n + 1)
	return t.nbase + n
}

// internAll numbers each stem of ss.
func (t *stemIDs) internAll(ss []string) []int32 {
	out := make([]int32, len(ss))
	for i, s := range ss {
		out[i] = t.intern(s)
	}
	return out
}

// beyond returns the number of stem s, which base does not know, if it
// has one.
func (t *stemIDs) beyond(s string) (int32, bool) {
	if v, ok := t.m.Load(s); ok {
		return v.(int32), true
	}
	return -1, false
}

// idTok is a stem number and the token stating it.
type idTok struct {
	id  int32
	tok int32
}

// idPhrase is a stem number and a title phrase (siteMap.phrases) it came
// in.
type idPhrase struct {
	id     int32
	phrase int32
}

// siteScratch is the site refinement's per-note memory, pooled in work:
// each term's stem number and sites.txt phrases, looked up once per note,
// and the sets of one candidate's words, stamped with gen so that no set
// is cleared between candidates.
type siteScratch struct {
	gen        uint32
	saidGen    []uint32
	mappedGen  []uint32
	saidTok    []int32
	mappedTok  []int32
	saidList   []idTok
	mappedList []idTok
	phr        []idPhrase
	hold       []int32
	bits       []uint64 // holding's codes
	toks       []int    // the tokens of the candidate's fits (fit)
	near       []int    // siteNear's tokens
	// termID is, per term of the note, its stem's number (-1 none, -2
	// not looked up yet), read when the numbering held n stems; termPh
	// is its phrases' span in phArena (lo -1: not looked up yet).
	termID  []int32
	termPh  [][2]int32
	phArena []int32
	n       int32
	// held says the word sets are siteWords' for key since begin: a
	// candidate of the same sentence and window terms reads them as they are.
	held bool
	key  siteWordsKey
	// known are the note's term ids by the base's index
	// (sentenceRanges.ids: -1 none, unspecTerm for "unspecified"), nil
	// when not read: a term id is its stem's number.
	known []int64
}

// begin prepares the scratch for a note of nterms terms.
func (s *siteScratch) begin(nterms int) {
	s.termID = s.termID[:0]
	s.termPh = s.termPh[:0]
	for range nterms {
		s.termID = append(s.termID, -2)
		s.termPh = append(s.termPh, [2]int32{-1, -1})
	}
	s.phArena = s.phArena[:0]
	s.n = 0
	s.held = false
	s.known = nil
}

// siteWordsKey is what siteWords' word sets depend on, besides the note:
// the sentence, the range [a, b) of its terms the window holds
// (termWindow) and the numbering's size.
type siteWordsKey struct {
	sent, a, b int
	n          int32
}

// next starts one candidate's word sets over n numbered stems.
func (s *siteScratch) next(n int32) {
	if int(n) > len(s.saidGen) {
		s.saidGen = append(s.saidGen, make([]uint32, int(n)-len(s.saidGen))...)
		s.mappedGen = append(s.mappedGen, make([]uint32, int(n)-len(s.mappedGen))...)
		s.saidTok = append(s.saidTok, make([]int32, int(n)-len(s.saidTok))...)
		s.mappedTok = append(s.mappedTok, make([]int32, int(n)-len(s.mappedTok))...)
	}
	s.gen++
	if s.gen == 0 {
		clear(s.saidGen)
		clear(s.mappedGen)
		s.gen = 1
	}
	s.saidList, s.mappedList, s.phr, s.toks = s.saidList[:0], s.mappedList[:0], s.phr[:0], s.toks[:0]
}

// refresh forgets the terms found unnumbered when stems were numbered
// since they were looked up.
func (s *siteScratch) refresh(n int32) {
	if n == s.n {
		return
	}
	for i, id := range s.termID {
		if id == -1 {
			s.termID[i] = -2
		}
	}
	s.n = n
}

// termStem returns the number of term i's stem, -1 when it has none.
// Its look-up (lookStem) is once per term and note: the answer cached is
// read inline.
func (s *siteScratch) termStem(sm *siteMap, doc *nlp.Document, i int) int32 {
	if id := s.termID[i]; id != -2 {
		return id
	}
	return s.lookStem(sm, doc, i)
}

// lookStem looks up and caches termStem's answer.
func (s *siteScratch) lookStem(sm *siteMap, doc *nlp.Document, i int) int32 {
	id, stem := int32(-1), doc.Terms[i].Stem
	known := i < len(s.known) && len(s.known) == len(s.termID)
	switch {
	case known && s.known[i] >= 0 && s.known[i] != unspecTerm:
		id = int32(s.known[i]) // base's own number
	case known && s.known[i] == -1:
		id, _ = sm.ids.beyond(stem) // base does not know it
	default:
		id, _ = sm.ids.id(stem)
	}
	s.termID[i] = id
	return id
}

// termPhrases returns the span of phArena holding the sites.txt phrases
// term i stands for, alone or after term prev of its sentence (-1 when
// it is the first), looked up once per term and note. Callers read the
// span cached (termPh) inline and call it only when it is unset.
func (s *siteScratch) termPhrases(sm *siteMap, doc *nlp.Document, i, prev int) [2]int32 {
	lo := int32(len(s.phArena))
	st := doc.Terms[i].Stem
	if sm.toPhMay.may(st) { // most stems are no key: no string hashed
		s.phArena = append(s.phArena, sm.toPh[st]...)
	}
	if prev >= 0 {
		if p := doc.Terms[prev].Stem; p != "" && sm.pairFirstMay.may(p) && sm.pairFirst[p] {
			s.phArena = append(s.phArena, sm.toPh[p+" "+st]...)
		}
	}
	s.termPh[i] = [2]int32{lo, int32(len(s.phArena))}
	return s.termPh[i]
}

// noteWords are the stems a sentence states near a mention: the note's
// own stems (said) and the stems sites.txt makes of them (mapped), each
// with the token that states it, kept in the scratch's stamped sets.
type noteWords struct {
	s *siteScratch
	// own are the tokens the vague code's reading holds: a refinement
	// adds words beyond them ("lymphadenopathy" read as R59.9 does not
	// also make it R59.1's "Lymphadenopathy NOS").
	own []int32
	// phrases reports whether a mapped stem reads a title only with the
	// rest of its phrase ("lower" of "lower limb" is no "lower
	// epiphysis"); the phrases are s.phr. A side the engine supplies
	// (with) comes in no phrase.
	phrases bool
	// extra is a stem the engine supplies (with) at token extraTok.
	extra    int32
	extraTok int32
	// terms are the sentence's terms within the window (lo..hi tokens),
	// for the Index paths' words, which have no number.
	terms  []nlp.Term
	lo, hi int
}

// saidAt returns the token stating stem id, if the note says it.
func (nw noteWords) saidAt(id int32) (int, bool) {
	if id >= 0 && int(id) < len(nw.s.saidGen) && nw.s.saidGen[id] == nw.s.gen {
		return int(nw.s.saidTok[id]), true
	}
	return 0, false
}

// mappedAt returns the token whose word sites.txt makes stem id, if any.
func (nw noteWords) mappedAt(id int32) (int, bool) {
	if id >= 0 && id == nw.extra {
		return int(nw.extraTok), true
	}
	if id >= 0 && int(id) < len(nw.s.mappedGen) && nw.s.mappedGen[id] == nw.s.gen {
		return int(nw.s.mappedTok[id]), true
	}
	return 0, false
}

// saysStem reports whether the note says stem st itself, by its text.
func (nw noteWords) saysStem(st string) bool {
	for _, t := range nw.terms {
		if t.Assert&nlp.Negated == 0 && t.Tok >= nw.lo-siteWindow && t.Tok <= nw.hi+siteWindow && t.Stem == st {
			return true
		}
	}
	return false
}

// with returns the note's words with stem id supplied at token t.
func (nw noteWords) with(id int32, t int) noteWords {
	return noteWords{s: nw.s, extra: id, extraTok: int32(t), terms: nw.terms, lo: nw.lo, hi: nw.hi}
}

// phraseIn reports whether a title phrase mapped stem id came in lies
// whole in stems.
func (nw noteWords) phraseIn(sm *siteMap, id int32, stems []int32) bool {
	if !nw.phrases {
		return true // supplied by the engine (a side), not the table
	}
	found := false
	for _, p := range nw.s.phr {
		if p.id != id {
			continue
		}
		found = true
		all := true
		for _, s := range sm.phrases[p.phrase] {
			all = all && containsID(stems, s)
		}
		if all {
			return true
		}
	}
	return !found
}

// containsID reports whether ids holds id.
func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// codeSite is a vague code's site category, its title's reading and
// the codes and stems of the category that may refine it (sitelive.go).
type codeSite struct {
	cat          *siteCategory
	title        siteReading
	codes, stems liveSites
}

// siteCodeOf returns code's site category and title reading, looked up
// once per engine.
func (e *Engine) siteCodeOf(code corpus.ID) *codeSite {
	if cs, ok := e.siteCode.load(e.set, code); ok {
		return cs
	}
	b := e.set.Brief(code)
	cat := e.siteCategoryOf(category(b.Code))
	cs := e.siteShare.codeSite(siteCodeKey{cat: cat, id: code, display: b.Display}, func() *codeSite {
		cs := &codeSite{cat: cat}
		// The title's reading is the category's own (shared, read
		// only); its stems as text are its titleFact's.
		if t, ok := cs.cat.titleOf(code); ok {
			cs.title = t
		} else {
			cs.title = e.readingOf(b.Display)
		}
		cs.codes, cs.stems = e.liveOf(cs.cat, false, &cs.title), e.liveOf(cs.cat, true, &cs.title)
		return cs
	})
	return e.siteCode.store(e.set, code, cs)
}
