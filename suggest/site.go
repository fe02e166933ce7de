package suggest

import (
	_ "embed"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// The documented site, side and sibling word pick the code. A vague
// candidate (an unspecified or "other" code) whose sentence states, beside
// its words, what one code of its category adds to the vague title moves
// to that code: "Gout flare, right great toe" is M10.071 "Idiopathic gout,
// right ankle and foot", not M10.9; "Sigmoid diverticulitis" is K57.32 of
// the large intestine; "Uterine fibroid, intramural" is D25.1. The words a
// code adds are its title's (or one of its inclusion terms') words the
// vague title does not hold; the note states them itself or through
// sites.txt (a toe is coded to the "ankle and foot", "both eyes" is
// "bilateral", "grade 2" is "second degree"). A word the note says itself
// counts above one the table supplies; a code leaving a side unsaid, or
// more than maxSiteUnsaid other words (the Index's defaults, such as
// "idiopathic", and the words most codes of the category hold, such as
// "skin and subcutaneous tissue" of D17, are implied), is no reading of
// the note. When two codes read the note equally the note does not decide
// and the candidate stays. "Both" sides where the category has no
// bilateral code are the right and the left code ("Bilateral knee pain"
// is M25.561 and M25.562).

//go:embed sites.txt
var sitesTable string

// maxSiteUnsaid bounds the words a site refinement adds that the note
// does not state and the category does not imply.
const maxSiteUnsaid = 2

// maxSiteAdded bounds the words a site refinement adds to the vague
// title: a site, a side, a grade, not a further condition ("with
// perforation, localized peritonitis, and gangrene").
const maxSiteAdded = 6

// siteWindow is how many tokens either side of the vague code's words the
// note's site words may stand.
const siteWindow = 6

// siteMap is sites.txt read through the index's stemmer: the title stems
// each note stem stands for, the default stems, the side stems and the
// filler stems of titles ("of", "unspecified", "site").
type siteMap struct {
	to       map[string][][]string // note stem, or "previous-stem stem", -> title phrases
	defaults map[string]bool
	sides    map[string]bool
	fill     map[string]bool
	strict   map[string]bool
	// kinds is kindOf of every stem of the sets above (the others have
	// none), read by one lookup.
	kinds   map[string]siteKind
	other   string
	unspec  string
	without string
	right   string
	left    string
	bilat   string
	// ids numbers the stems; phrases are the title phrases of to as
	// stem numbers, toPh the phrases of each key of to, pairFirst the
	// first stems of its two-word keys; the ID fields number the words
	// above.
	ids       *stemIDs
	phrases   [][]int32
	toPh      map[string][]int32
	pairFirst map[string]bool
	// toPhMay filters toPh's one-stem keys, pairFirstMay pairFirst's
	// stems (stemmay.go).
	toPhMay, pairFirstMay                                  stemMay
	rightID, leftID, bilatID, otherID, unspecID, withoutID int32
}

// parseSites reads sites.txt.
func parseSites(src string, stems func(string) []string) (*siteMap, error) {
	return parseSitesInto(src, stems, &stemIDs{})
}

// parseSitesInto is parseSites numbering the stems by ids.
func parseSitesInto(src string, stems func(string) []string, ids *stemIDs) (*siteMap, error) {
	sm := &siteMap{to: map[string][][]string{}, defaults: map[string]bool{}, sides: map[string]bool{}, fill: map[string]bool{}, strict: map[string]bool{},
		ids: ids, toPh: map[string][]int32{}, pairFirst: map[string]bool{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("suggest: sites.txt:%d: want a word, a tab and title words", n+1)
		}
		if k == "=default" {
			for _, s := range stems(v) {
				sm.defaults[s] = true
			}
			continue
		}
		ks := stems(k)
		if len(ks) < 1 || len(ks) > 2 {
			return nil, fmt.Errorf("suggest: sites.txt:%d: %q is not one word or a word after another", n+1, k)
		}
		key := strings.Join(ks, " ")
		if len(ks) == 2 {
			sm.pairFirst[ks[0]] = true
			sm.pairFirstMay.add(ks[0])
		} else {
			sm.toPhMay.add(key)
		}
		for ph := range strings.SplitSeq(v, ",") {
			if p := stems(ph); len(p) > 0 && !slices.Equal(p, ks[len(ks)-1:]) {
				sm.to[key] = append(sm.to[key], p)
				sm.toPh[key] = append(sm.toPh[key], int32(len(sm.phrases)))
				sm.phrases = append(sm.phrases, sm.ids.internAll(p))
			}
		}
	}
	one := func(w string) string {
		if s := stems(w); len(s) == 1 {
			return s[0]
		}
		return w
	}
	sm.right, sm.left, sm.bilat = one("right"), one("left"), one("bilateral")
	sm.other, sm.unspec, sm.without = one("other"), one("unspecified"), one("without")
	for _, s := range []string{sm.right, sm.left, sm.bilat} {
		sm.sides[s] = true
	}
	for _, s := range stems("of and in to or the by due nos site part unspecified specified region") {
		sm.fill[s] = true
	}
	for _, s := range stems("with without not") {
		sm.strict[s] = true // "with" a complication is never implied
	}
	sm.kinds = map[string]siteKind{}
	for _, set := range []map[string]bool{sm.strict, sm.fill, sm.sides, sm.defaults} {
		for s := range set {
			sm.kinds[s] = sm.kindOfSets(s)
		}
	}
	sm.kinds[sm.without] = sm.kindOfSets(sm.without)
	sm.rightID, sm.leftID, sm.bilatID = sm.ids.intern(sm.right), sm.ids.intern(sm.left), sm.ids.intern(sm.bilat)
	sm.otherID, sm.unspecID, sm.withoutID = sm.ids.intern(sm.other), sm.ids.intern(sm.unspec), sm.ids.intern(sm.without)
	return sm, nil
}

// siteCode is one billable code of a category and its readings: the
// stems of its title and of each inclusion term, as spans of the
// category's arrays (siteCategory.reading), listed at spans[first:end]
// of the category (or, when kept, of the liveSites the code is in:
// liveSites.readingsOf). other and vague are otherCode of its title and
// siteVague of it read as billable, kept so siteChoice does not test the
// title per note. 16 bytes without a pointer: the collector does not
// scan the lists of codes.
type siteCode struct {
	id         corpus.ID
	other      bool
	vague      bool
	kept       bool
	first, end int32
}

// count returns the number of c's readings.
func (c *siteCode) count() int { return int(c.end - c.first) }

// siteReading is the stems of a title or inclusion term, in order, and
// the pairs of stems it joins by "or", as stem numbers (siteMap.ids).
// kinds holds the sites.txt classes of each stem (kindOf), and whether
// most codes of its category hold it (kindCommon), read once per engine.
// The stems as text are the title's titleFact (titleOf), read by the few
// checks that need them: a category's every reading keeps none.
type siteReading struct {
	ids   []int32
	alts  [][2]int32
	kinds []siteKind
}

// siteKind is the classes sites.txt gives a title stem, as bits.
type siteKind uint8

const (
	kindStrict siteKind = 1 << iota
	kindWithout
	kindFill
	kindSide
	kindDefault
	kindCommon
)

// kindOf classifies stem s by the site table.
func (sm *siteMap) kindOf(s string) siteKind { return sm.kinds[s] }

// kindOfSets is kindOf read from the sets themselves.
func (sm *siteMap) kindOfSets(s string) siteKind {
	var k siteKind
	if sm.strict[s] {
		k |= kindStrict
	}
	if s == sm.without {
		k |= kindWithout
	}
	if sm.fill[s] {
		k |= kindFill
	}
	if sm.sides[s] {
		k |= kindSide
	}
	if sm.defaults[s] {
		k |= kindDefault
	}
	return k
}

// reading numbers stems and classes them by the site table.
func (sm *siteMap) reading(stems []string) siteReading {
	r := siteReading{ids: sm.ids.internAll(stems), kinds: make([]siteKind, len(stems))}
	for i, s := range stems {
		r.kinds[i] = sm.kindOf(s)
	}
	return r
}

// readingOf analyses a title or inclusion term, without the index's
// memos: a category's titles are read once per engine (the site
// categories keep their numbers), most of them never again.
func (e *Engine) readingOf(text string) siteReading {
	r := e.sites.reading(e.ix.StemsOnce(text))
	r.alts = e.appendAlts(r.alts, text)
	return r
}

// appendAlts appends to alts the pairs of stem numbers text joins by "or"
// ("occlusion or stenosis": one word either side).
func (e *Engine) appendAlts(alts [][2]int32, text string) [][2]int32 {
	if !mayHoldOr(text) {
		return alts
	}
	f := strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return c == ' ' || c == ',' || c == '(' || c == ')' })
	for i := 1; i+1 < len(f); i++ {
		if f[i] != "or" {
			continue
		}
		a, b := e.ix.StemsOnce(f[i-1]), e.ix.StemsOnce(f[i+1])
		if len(a) == 1 && len(b) == 1 {
			alts = append(alts, [2]int32{e.sites.ids.intern(a[0]), e.sites.ids.intern(b[0])})
		}
	}
	return alts
}

// mayHoldOr reports whether text, lower-cased and split at spaces,
// commas and brackets, may hold the word "or": it holds "or" in either
// case between two of those or its ends (no other letter lower-cases to
// an ASCII "o" or "r").
func mayHoldOr(text string) bool {
	sep := func(c byte) bool { return c == ' ' || c == ',' || c == '(' || c == ')' }
	for i := 0; i+1 < len(text); i++ {
		if text[i]|0x20 == 'o' && text[i+1]|0x20 == 'r' && (i == 0 || sep(text[i-1])) && (i+2 == len(text) || sep(text[i+2])) {
			return true
		}
	}
	return false
}

// siteCategory is a category's billable codes, its seventh-character
// stems and the stems most of its codes hold (implied by any of them).
// It is kept for the engine's life, so its readings keep only the stem
// numbers and kinds (stems nil): siteCodeOf re-reads the stems of the
// one title a vague candidate needs them of.
//
// The readings' numbers, kinds and "or" pairs lie end to end in the
// category's siteReadings, and each code holds its readings' spans of
// them: arrays without pointers, which the collector does not scan. The
// site memos are the largest the engine fills while it codes; a
// siteReading of its own per reading (three slices) made them a fifth
// of the heap the collector scans.
type siteCategory struct {
	codes []siteCode
	stems []siteCode
	spans []siteSpan // the codes' and stems' readings, in plan order
	siteReadings
	// Each vague code indexes the codes and stems that may refine it by
	// their stems (codeSite's liveSites, sitelive.go); all are the
	// holders of every code's and every stem's readings, made on first
	// need and shared by the vague codes every reading may refine.
	all [2]atomic.Pointer[stemHolders]
}

// allHolders returns the holders of every reading of the category's codes
// (of its stems when stems is set).
func (sc *siteCategory) allHolders(stems bool) *stemHolders {
	k, cs := 0, sc.codes
	if stems {
		k, cs = 1, sc.stems
	}
	if h := sc.all[k].Load(); h != nil {
		return h
	}
	h := holders(&liveSites{codes: cs, cat: sc})
	if sc.all[k].CompareAndSwap(nil, &h) {
		return &h
	}
	return sc.all[k].Load()
}

// titleOf returns the title reading of the category's code or stem id
// (stems nil), ok false when id is neither.
func (sc *siteCategory) titleOf(id corpus.ID) (siteReading, bool) {
	for _, cs := range [][]siteCode{sc.codes, sc.stems} {
		for i := range cs {
			if cs[i].id == id {
				return sc.reading(sc.spans[cs[i].first]), true
			}
		}
	}
	return siteReading{}, false
}

// stemHolders lists, by stem number, the codes whose readings hold it:
// the codes of stem keys[i] are list[at[i]:at[i+1]], keys sorted. mask
// has bit id%holderBits of each stem set, so that most of a note's
// stems, held by no code of the category, cost no search.
type stemHolders struct {
	keys []int32
	at   []int32
	list []int32
	mask [holderBits / 64]uint64
}

// holderBits is the size of stemHolders' mask.
const holderBits = 1024

// may reports whether some code may hold stem id: false when its mask
// bit is unset, where of returns nil. It inlines, so that holding calls
// of only for the few note stems the mask passes.
func (h *stemHolders) may(id int32) bool {
	b := uint32(id) % holderBits
	return h.mask[b/64]&(1<<(b%64)) != 0
}

// of returns the codes holding stem id.
func (h *stemHolders) of(id int32) []int32 {
	if !h.may(id) {
		return nil
	}
	i, ok := slices.BinarySearch(h.keys, id)
	if !ok {
		return nil
	}
	return h.list[h.at[i]:h.at[i+1]:h.at[i+1]]
}

// holders indexes the codes of l by the stem numbers of their readings,
// but for the filler and "with" words (l.by is not read). The (stem,
// code) pairs are sorted in one array rather than gathered in a map of
// lists.
func holders(l *liveSites) stemHolders {
	var h stemHolders
	rd := &l.cat.siteReadings
	n := 0
	for i := range l.codes {
		for _, sp := range l.readingsOf(&l.codes[i]) {
			n += int(sp.idEnd - sp.ids)
		}
	}
	pairs := make([]uint64, 0, n) // stem<<32 | code
	for i := range l.codes {
		for _, sp := range l.readingsOf(&l.codes[i]) {
			ids, kinds := rd.ids[sp.ids:sp.idEnd], rd.kinds[sp.ids:sp.idEnd]
			for j, s := range ids {
				if kinds[j]&(kindFill|kindStrict) != 0 {
					continue
				}
				pairs = append(pairs, uint64(uint32(s))<<32|uint64(uint32(i)))
				b := uint32(s) % holderBits
				h.mask[b/64] |= 1 << (b % 64)
			}
		}
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	nk := 0
	for i, p := range pairs {
		if i == 0 || p>>32 != pairs[i-1]>>32 {
			nk++
		}
	}
	h.keys = make([]int32, 0, nk)
	h.at = make([]int32, 0, nk+1)
	h.list = make([]int32, 0, len(pairs))
	for i, p := range pairs {
		if i == 0 || p>>32 != pairs[i-1]>>32 {
			h.keys = append(h.keys, int32(uint32(p>>32)))
			h.at = append(h.at, int32(len(h.list)))
		}
		h.list = append(h.list, int32(uint32(p)))
	}
	h.at = append(h.at, int32(len(h.list)))
	return h
}

// holding returns, in order, the codes of by holding a stem the note
// states or the table supplies (nw), beyond the vague title's stems vt,
// the filler and "with" words and the vague code's own tokens: the only
// codes fit may accept (it counts no other word).
func (sm *siteMap) holding(by *stemHolders, n int, vt *siteReading, nw noteWords) []int32 {
	// A bit per code of the category: the codes come out in order, once.
	set := nw.s.bits[:0]
	for range (n + 63) / 64 {
		set = append(set, 0)
	}
	nw.s.bits = set
	some := false
	add := func(s int32, t int32) {
		if l := by.of(s); len(l) > 0 && !slices.Contains(nw.own, t) && !containsID(vt.ids, s) {
			for _, c := range l {
				set[c/64] |= 1 << (c % 64)
			}
			some = true
		}
	}
	// Most of the window's stems no code holds: the mask, read inline,
	// answers them without a call.
	for _, p := range nw.s.saidList {
		if by.may(p.id) {
			add(p.id, p.tok)
		}
	}
	for _, p := range nw.s.mappedList {
		if p.id != nw.extra && by.may(p.id) {
			add(p.id, p.tok)
		}
	}
	if nw.extra >= 0 {
		add(nw.extra, nw.extraTok)
	}
	out := nw.s.hold[:0]
	for i, b := 0, uint64(0); some && i < len(set); i++ {
		for b = set[i]; b != 0; b &= b - 1 {
			out = append(out, int32(i*64+bits.TrailingZeros64(b)))
		}
	}
	nw.s.hold = out
	return out
}

// siteCategoryOf returns the billable codes of category cat, built once
// per engine, and once for every release engine whose category reads
// the same (siteshare.go).
func (e *Engine) siteCategoryOf(cat string) *siteCategory {
	if v, ok := e.siteMemo.Load(cat); ok {
		return v.(*siteCategory)
	}
	plan := e.sitePlanOf(cat)
	sc := e.siteShare.category(cat, plan, e.buildSiteCategory)
	v, _ := e.siteMemo.LoadOrStore(cat, sc)
	return v.(*siteCategory)
}

// buildSiteCategory reads the codes and stems of a category's plan.
// It reads the texts in plan order (as readingOf would, one after
// another: the stems are numbered alike) into scratch arrays, which the
// category keeps, each reading a span of them: no small array per
// reading, no stem strings kept.
func (e *Engine) buildSiteCategory(plan []sitePlan) *siteCategory {
	sc := &siteCategory{}
	var b siteBuild
	nc := 0
	b.stem = -1
	for _, p := range plan {
		at := len(b.spans)
		for i, t := range p.texts {
			if i > 0 || p.stem || !b.readAfterStem(e, t) {
				b.read(e, t)
			}
		}
		if p.stem {
			b.stem, b.stemText = at, p.texts[0] // its seventh-character codes follow (sitesuffix.go)
		}
		if !p.stem {
			nc++
			for _, id := range b.ids[b.spans[at].ids:b.spans[at].idEnd] {
				b.held[id]++
			}
		}
	}
	// The stems most codes' titles hold are implied by any of them.
	for i, k := range b.ids {
		if n, ok := b.held[k]; ok && 2*int(n) > nc {
			b.kinds[i] |= kindCommon
		}
	}
	// The readings are b's spans, in plan order; the arrays are copied
	// to their length (append grew them up to twice that).
	sc.siteReadings = siteReadings{ids: slices.Clone(b.ids), kinds: slices.Clone(b.kinds)}
	if len(b.alts) > 0 {
		sc.alts = slices.Clone(b.alts)
	}
	sc.spans = slices.Clone(b.spans)
	sc.codes = make([]siteCode, 0, nc)
	if len(plan) > nc {
		sc.stems = make([]siteCode, 0, len(plan)-nc)
	}
	k := 0
	for _, p := range plan {
		at := k
		k += len(p.texts)
		br := corpus.Brief{Billable: true, Display: p.texts[0]}
		c := siteCode{id: p.id, first: int32(at), end: int32(k), other: otherCode(br), vague: siteVague(br)}
		if p.stem {
			sc.stems = append(sc.stems, c)
		} else {
			sc.codes = append(sc.codes, c)
		}
	}
	return sc
}

// siteBuild is buildSiteCategory's scratch: the stem numbers, kinds and
// "or" pairs of every text read, end to end, each text's span of them,
// and how many codes' titles hold each stem.
type siteBuild struct {
	siteReadings
	spans []siteSpan
	held  map[int32]int32
	// stem is the span of the last stem's title read, stemText the
	// title (stem -1: none yet); suffixes are the title endings read
	// after one (sitesuffix.go).
	stem     int
	stemText string
	suffixes siteSuffixes
}

// siteReadings are readings of texts end to end: each stem's number and
// kind, and the "or" pairs.
type siteReadings struct {
	ids   []int32
	kinds []siteKind
	alts  [][2]int32
}

// siteSpan is one text's part of siteReadings' arrays.
type siteSpan struct{ ids, idEnd, alts, altEnd int32 }

// reading returns the reading of span sp of r's arrays (its "or" pairs
// nil when it has none, as readingOf's).
func (r *siteReadings) reading(sp siteSpan) siteReading {
	rd := siteReading{ids: r.ids[sp.ids:sp.idEnd:sp.idEnd], kinds: r.kinds[sp.ids:sp.idEnd:sp.idEnd]}
	if sp.altEnd > sp.alts {
		rd.alts = r.alts[sp.alts:sp.altEnd:sp.altEnd]
	}
	return rd
}

// add appends the reading of text (readingOf's) to r and returns its
// span.
func (r *siteReadings) add(e *Engine, text string) siteSpan {
	sp := siteSpan{ids: int32(len(r.ids)), alts: int32(len(r.alts))}
	sm := e.sites
	for _, s := range e.ix.StemsOnce(text) {
		r.ids = append(r.ids, sm.ids.intern(s))
		r.kinds = append(r.kinds, sm.kindOf(s))
	}
	r.alts = e.appendAlts(r.alts, text)
	sp.idEnd, sp.altEnd = int32(len(r.ids)), int32(len(r.alts))
	return sp
}

// read appends the reading of text (readingOf's) to b.
func (b *siteBuild) read(e *Engine, text string) {
	if b.held == nil {
		b.held = map[int32]int32{}
	}
	b.spans = append(b.spans, b.add(e, text))
}

// siteWords reads the non-negated terms of sentence sent within
// siteWindow tokens of positions pos into the scratch's word sets.
func (e *Engine) siteWords(ss *siteScratch, sr *sentenceRanges, doc *nlp.Document, sent int, pos []int32) noteWords {
	lo, hi := int(pos[0]), int(pos[0])
	for _, p := range pos {
		lo, hi = min(lo, int(p)), max(hi, int(p))
	}
	sm := e.sites
	n := sm.ids.size()
	first, terms := sr.termsOf(doc, sent)
	nw := noteWords{s: ss, own: pos, phrases: true, extra: -1, terms: terms, lo: lo, hi: hi}
	// Candidates of one sentence and window's terms (several codes of
	// one mention, or mentions of a sentence shorter than the window)
	// share the sets read for the first: they are the terms' alone.
	a, b := termWindow(terms, lo-siteWindow, hi+siteWindow)
	key := siteWordsKey{sent: sent, a: a, b: b, n: n}
	if ss.held && ss.key == key {
		ss.toks = ss.toks[:0]
		return nw
	}
	ss.refresh(n)
	ss.next(n)
	ss.held, ss.key = true, key
	for i := a; i < b; i++ {
		t := &terms[i]
		if t.Assert&nlp.Negated != 0 || t.Stem == "" {
			continue
		}
		if id := ss.termStem(sm, doc, first+i); id >= 0 && int(id) < len(ss.saidGen) && ss.saidGen[id] != ss.gen {
			ss.saidGen[id], ss.saidTok[id] = ss.gen, int32(t.Tok)
			ss.saidList = append(ss.saidList, idTok{id, int32(t.Tok)})
		}
		sp := ss.termPh[first+i]
		if sp[0] < 0 {
			prev := -1
			if i > 0 {
				prev = first + i - 1
			}
			sp = ss.termPhrases(sm, doc, first+i, prev)
		}
		for _, ph := range ss.phArena[sp[0]:sp[1]] {
			for _, s := range sm.phrases[ph] {
				if ss.mappedGen[s] != ss.gen {
					ss.mappedGen[s], ss.mappedTok[s] = ss.gen, int32(t.Tok)
					ss.mappedList = append(ss.mappedList, idTok{s, int32(t.Tok)})
				}
				ss.phr = append(ss.phr, idPhrase{s, ph})
			}
		}
	}
	return nw
}

// termWindow returns the range [a, b) of terms whose tokens lie in
// lo..hi. A Document's terms are in token order (nlp makes them token by
// token: TestTermsInTokenOrder), so the range is found by binary search
// instead of visiting every term of the sentence.
func termWindow(terms []nlp.Term, lo, hi int) (a, b int) {
	a, b = 0, len(terms)
	for a < b { // the first term at lo or after
		m := int(uint(a+b) >> 1)
		if terms[m].Tok < lo {
			a = m + 1
		} else {
			b = m
		}
	}
	b = a
	for b < len(terms) && terms[b].Tok <= hi {
		b++
	}
	return a, b
}

// sentenceSpan returns the index of sentence sent's first term and its
// terms.
func sentenceSpan(doc *nlp.Document, sent int) (int, []nlp.Term) {
	ts := doc.Terms
	lo := sort.Search(len(ts), func(i int) bool { return ts[i].Sent >= sent })
	hi := sort.Search(len(ts), func(i int) bool { return ts[i].Sent > sent })
	return lo, ts[lo:max(lo, hi)]
}

// siteFit is how one reading of a code fits the note: the words it adds
// to the vague title that the note says (lit) or the table supplies
// (mapped) and those it leaves unsaid.
type siteFit struct {
	lit, mapped, unsaid int
	toks                []int
	byDefault           bool // an Index default ("idiopathic") left unsaid
}

// better orders fits: more words the note states than it leaves unsaid,
// then more of the note's own words, then fewer unsaid.
func (f siteFit) better(g siteFit) int {
	if a, b := f.lit+f.mapped-f.unsaid, g.lit+g.mapped-g.unsaid; a != b {
		return a - b
	}
	if f.lit != g.lit {
		return f.lit - g.lit
	}
	return g.unsaid - f.unsaid
}

// fit reads code reading r against the vague title's reading vt and the
// note's words nw; ok false when it adds nothing the note states, leaves
// a side unsaid, leaves as many words unsaid as the note states, or drops
// a word of the vague title other than the one its "unspecified" stands
// beside ("unspecified ear" gives way to "bilateral", "respiratory
// system" never gives way to "kidney"). The words most codes of r's
// category hold (kindCommon) are implied.
func (e *Engine) fit(r, vt *siteReading, nw noteWords) (siteFit, bool) {
	var f siteFit
	sm := e.sites
	// The vague title's words first: most codes of the category drop one
	// (and no fit depends on the order of its refusals).
	if without := slices.Index(r.ids, sm.withoutID); without >= 0 {
		vw := slices.Index(vt.ids, sm.withoutID)
		for _, s := range r.ids[without+1:] {
			if i := slices.Index(vt.ids, s); i >= 0 && (vw < 0 || i < vw) {
				return f, false // without what the vague title names ("nausea without vomiting" is no vomiting)
			}
		}
	}
	for i, s := range vt.ids {
		if vt.kinds[i]&kindFill != 0 || sm.otherID == s || containsID(r.ids, s) {
			continue
		}
		head := i == 0 || i == 1 && vt.ids[0] == sm.unspecID // "Unspecified fascicular block"
		if !head && (vt.ids[i-1] == sm.unspecID || i+1 < len(vt.ids) && vt.ids[i+1] == sm.unspecID) {
			// The unspecified detail the code states (never the title's
			// head): a word the note says there gives way to a code
			// differing by its side alone ("unspecified ear" to "bilateral", never "unspecified
			// thumb" to "unspecified finger").
			if _, said := nw.saidAt(s); !said || e.onlySide(r, vt) {
				continue
			}
		}
		return f, false // drops a word of the vague title: no refinement of it
	}
	// The tokens go to the scratch's arena, kept for the candidate.
	at := len(nw.s.toks)
	cond, without := false, false // past "with" or "without": a condition, never implied
	for i, s := range r.ids {
		k := r.kinds[i]
		if k&kindStrict != 0 {
			cond, without = true, k&kindWithout != 0
		}
		if k&kindFill != 0 || containsID(vt.ids, s) {
			continue
		}
		if k&kindStrict != 0 {
			if _, ok := nw.saidAt(s); !ok {
				f.unsaid++ // "with" says nothing of its own, but its absence does
			}
			continue
		}
		if t, ok := nw.saidAt(s); ok {
			if without {
				return f, false // the note states what the code is without
			}
			if slices.Contains(nw.own, int32(t)) {
				continue // the vague code's own word
			}
			f.lit++
			nw.s.toks = append(nw.s.toks, t)
			continue
		}
		if t, ok := nw.mappedAt(s); ok && nw.phraseIn(sm, s, r.ids) {
			if slices.Contains(nw.own, int32(t)) {
				continue
			}
			f.mapped++
			nw.s.toks = append(nw.s.toks, t)
			continue
		}
		if k&kindSide != 0 {
			return f, false // a side the note does not state is never implied
		}
		if k&kindDefault != 0 {
			f.byDefault = true
			continue
		}
		if k&kindCommon != 0 && !cond || r.altSaid(s, nw) {
			continue
		}
		f.unsaid++
	}
	if n := len(nw.s.toks); n > at {
		f.toks = nw.s.toks[at:n:n]
	}
	return f, f.lit+f.mapped > f.unsaid && f.unsaid <= maxSiteUnsaid && f.lit+f.mapped+f.unsaid <= maxSiteAdded
}

// altSaid reports whether stem s stands in an "or" of the reading ("occlusion
// or stenosis") whose other side the note states.
func (r *siteReading) altSaid(s int32, nw noteWords) bool {
	for _, p := range r.alts {
		o := int32(-1)
		switch s {
		case p[0]:
			o = p[1]
		case p[1]:
			o = p[0]
		default:
			continue
		}
		if _, ok := nw.saidAt(o); ok {
			return true
		}
		if _, ok := nw.mappedAt(o); ok {
			return true
		}
	}
	return false
}

// siteChoice returns the code of cat that best reads the note's words nw
// beside vague code v (its title facts tv, which siteRefine holds, and
// its reading vt), and its fit; ok false when none does or two tie. An
// "other" code is a reading only where v is one, the sentence says other
// (sent) or the note states all its words (the Index's default: chronic
// osteomyelitis of the foot is "other chronic osteomyelitis").
//
// by indexes codes by their stems (holders): only the codes holding a
// word of nw are read, in order.
func (e *Engine) siteChoice(v corpus.ID, tv *titleFact, vt *siteReading, live liveSites, nw noteWords, sent *siteSentence, accept func(corpus.ID, []int) bool) (corpus.ID, siteFit, bool) {
	codes, by, rd := live.codes, live.by, &live.cat.siteReadings
	titleOther := tv.other
	var best corpus.ID
	var bf siteFit
	tie := false
	for _, ci := range e.sites.holding(by, len(codes), vt, nw) {
		c := &codes[ci]
		if c.id == v {
			continue
		}
		var cf siteFit
		found := false
		vagueK := c.vague // a stem is vague by its title
		for _, sp := range live.readingsOf(c) {
			r := rd.reading(sp)
			f, ok := e.fit(&r, vt, nw)
			if ok && vagueK && !r.addsSide(vt) {
				continue // an unspecified code refines by its side alone
			}
			if ok && f.byDefault && !e.indexReads(c.id, tv.stems, nw) {
				continue // the default is the Index's only where an Index path reads the note
			}
			if ok && c.other && !titleOther && !sent.saysOther() && (f.unsaid > 0 || !e.indexReads(c.id, tv.stems, nw)) {
				continue // an "other" variety the note does not call other, unless it says all its words and the Index leads there
			}
			if ok && !accept(c.id, f.toks) {
				continue // not stated with the condition, or contradicted
			}
			if ok && (!found || f.better(cf) > 0) {
				cf, found = f, true
			}
		}
		if !found {
			continue
		}
		if best != 0 {
			d := cf.better(bf)
			if d == 0 {
				tie = true
			}
			if d <= 0 {
				continue
			}
		}
		best, bf, tie = c.id, cf, false
	}
	if best == 0 || tie {
		return 0, siteFit{}, false
	}
	return best, bf, true
}

// siteVagueICD is tf.system == corpus.ICD10CM && tf.siteVague(tf.billable)
// of the titleFact tf whose bits b are (TestSiteVagueBits).
func (b titleBits) siteVagueICD() bool {
	return b.has(titleICD|titleBillable) && b&(titleNspec|titleOther) != 0
}

// siteVague reports whether a vague candidate's code may move to a
// sibling: an unspecified code or an "other" code.
func siteVague(b corpus.Brief) bool {
	return b.Billable && (strings.Contains(b.Display, "nspecified") || otherCode(b))
}

// siteRefine moves each vague candidate no other candidate refines to the
// code of its category its sentence documents (see above); a bilateral
// note where the category has no bilateral code adds the second side.
// Annotating, the vague candidate stays where it ranks, the code the
// note documents beside it. It returns live with the candidates added.
func (e *Engine) siteRefine(w *work, doc *nlp.Document, live []*candidate, annotate bool) []*candidate {
	if e.sites == nil {
		return live
	}
	n := len(live)
	w.site.begin(len(doc.Terms))
	if e.sites.ids.ix == e.ix && len(doc.Terms) > 0 {
		w.sr.termID(doc, e.ix, 0) // the note's term ids, read once (discriminate indexed w.sr)
		w.site.known = w.sr.ids
	}
	for i, v := range live[:n] {
		if v.sibling || len(v.mentions) == 0 {
			continue
		}
		if r := v.refinedBy; r != nil && r.tgt.stem == 0 {
			if rf := e.titleOf(r.tgt.code); !rf.siteVague(rf.billable) {
				continue // refine.go found the specific code
			}
		}
		if r := v.refinedBy; r != nil && r.tgt.stem != 0 {
			continue // refine.go found the specific code
		}
		code := v.tgt.code
		var tf *titleFact
		if v.tgt.stem != 0 {
			code = v.tgt.stem
			tf = e.titleOf(code) // titlefacts.go
		} else if w.liveTitle.holds(i, code) {
			// The facts specific and refine read of v's code
			// (titlelive.go), its bits in a dense array: most
			// candidates' tell that no site refines them, without a
			// fetch of the facts (code is v.tgt.anyCode()).
			if !w.liveTitle.bits[i].siteVagueICD() {
				continue
			}
			tf = w.liveTitle.facts[i]
		} else {
			tf = e.titleOf(code)
		}
		if tf.system != corpus.ICD10CM || !tf.siteVague(tf.billable || v.tgt.stem != 0) {
			continue
		}
		m := &v.mentions[v.best]
		if len(m.hit.Positions) == 0 {
			continue
		}
		cs := e.siteCodeOf(code)
		if v.tgt.stem != 0 && len(cs.stems.codes) == 0 || v.tgt.stem == 0 && len(cs.codes.codes) == 0 {
			continue // no code of the category may refine it, whatever the note says
		}
		vt := &cs.title
		nw := e.siteWords(&w.site, &w.sr, doc, m.sent, m.hit.Positions)
		sent := &siteSentence{terms: nw.terms} // read when first asked
		accept := func(k corpus.ID, toks []int) bool {
			if !siteNear(doc, m.hit.Positions, toks, &w.site.near) {
				return false // the words it adds are not stated with the condition
			}
			if sent.sides() > 1 && e.addsSide(e.titleOf(k).stems, tf.stems) {
				return false // "right worse than left" states no one side
			}
			// The note contradicts it as it would any candidate (discriminate.go).
			w.sents = sentencesOf(v, true, w.sents)
			cf, bad := e.slots.contradiction(e.ix, doc, &w.sr, w.sents, v, k)
			return !bad || !generalValue(e.ix, cf.val) && e.nameSays(w, doc, v, cf.said)
		}
		if v.tgt.stem != 0 {
			if k, f, ok := e.siteChoice(code, tf, vt, cs.stems, nw, sent, accept); ok {
				e.moveTo(v, k, f, "the site or detail the note states")
			}
			continue
		}
		k, f, ok := e.siteChoice(code, tf, vt, cs.codes, nw, sent, accept)
		if ok && annotate {
			// Annotating keeps the vague code where it ranks, the code the
			// note documents beside it.
			c2 := e.cloneCandidate(w, v)
			e.moveTo(c2, k, f, "the site or detail the note states")
			live = append(live, c2)
			continue
		}
		if ok {
			e.moveTo(v, k, f, "the site or detail the note states")
			continue
		}
		// Both sides, where the category has no bilateral code. The
		// window's words first: most candidates state no "bilateral" and
		// never read their sentence's sides.
		t, said := nw.saidAt(e.sites.bilatID)
		mt, mapped := nw.mappedAt(e.sites.bilatID)
		if !said && !mapped || sent.sides() > 1 {
			continue
		}
		if mapped {
			t = mt
		}
		kr, fr, okr := e.siteChoice(code, tf, vt, cs.codes, nw.with(e.sites.rightID, t), sent, accept)
		kl, fl, okl := e.siteChoice(code, tf, vt, cs.codes, nw.with(e.sites.leftID, t), sent, accept)
		if !okr || !okl || kr == kl || !e.mirror(kr, kl) || e.hasBilateral(kr) {
			continue
		}
		c2 := e.cloneCandidate(w, v)
		e.moveTo(v, kr, fr, "bilateral, and the category has no bilateral code: the right side")
		e.moveTo(c2, kl, fl, "bilateral, and the category has no bilateral code: the left side")
		live = append(live, c2)
	}
	return live
}

// cloneCandidate returns a copy of v with its own mentions and no
// refinement links.
func (e *Engine) cloneCandidate(w *work, v *candidate) *candidate {
	c := w.candidate()
	*c = *v
	c.mentions = slices.Clone(v.mentions)
	c.refines, c.refinedBy, c.lessThan = nil, nil, nil
	return c
}

// mirror reports whether codes r and l are the right and the left code of
// one title: their titles differ only in the side.
func (e *Engine) mirror(r, l corpus.ID) bool {
	rt, lt := e.titleOf(r).stems, e.titleOf(l).stems // titlefacts.go: read once per engine
	if len(rt) != len(lt) {
		return false
	}
	for i := range rt {
		if rt[i] != lt[i] && !(rt[i] == e.sites.right && lt[i] == e.sites.left) {
			return false
		}
	}
	return true
}

// indexReads reports whether an Alphabetic Index path of code k or of an
// ancestor in its category reads from the note's words nw, the defaults
// and the sides alone: "Gout, idiopathic, ankle" leads from "gout ... toe"
// to M10.07- (idiopathic is the default of gout), while "Iridocyclitis,
// acute, primary" needs an "acute" the note does not say.
func (e *Engine) indexReads(k corpus.ID, vt []string, nw noteWords) bool {
	cat := category(e.set.CodeString(k))
	read := func(s string) bool {
		mapped := false
		if id, ok := e.sites.ids.id(s); ok {
			_, mapped = nw.mappedAt(id)
		}
		if mapped || nw.saysStem(s) || e.sites.defaults[s] || e.sites.sides[s] || e.sites.fill[s] {
			return true
		}
		for _, v := range vt {
			if len(v) >= 4 && strings.HasPrefix(s, v) {
				return true // a form of the vague title's word ("gouty")
			}
		}
		return false
	}
	for id := k; id != 0 && strings.HasPrefix(e.set.CodeString(id), cat); id = e.parent(id) {
		n := e.conflictNames(id)
		for i := range n.pathCount() {
			all := true
			for _, s := range e.ix.Stems(n.path(i)) {
				all = all && read(s)
			}
			if all {
				return true
			}
		}
	}
	return false
}

// addsSide reports whether reading r holds a side vague title vt does
// not (addsSide by stem numbers).
func (r *siteReading) addsSide(vt *siteReading) bool {
	for i, s := range r.ids {
		if r.kinds[i]&kindSide != 0 && !containsID(vt.ids, s) {
			return true
		}
	}
	return false
}

// addsSide reports whether stems r hold a side vague title vt does not.
func (e *Engine) addsSide(r, vt []string) bool {
	for _, s := range r {
		if e.sites.sides[s] && !slices.Contains(vt, s) {
			return true
		}
	}
	return false
}

// siteNear reports whether the tokens toks a refinement adds stand with
// the vague code's words at pos: walking from one to the next, at most
// nearWords content words lie between ("type 2 diabetes mellitus,
// chronic atrial fibrillation, and Alzheimer's disease" states no
// chronic kidney disease).
func siteNear(doc *nlp.Document, pos []int32, toks []int, buf *[]int) bool {
	all := (*buf)[:0]
	for _, p := range pos {
		all = append(all, int(p))
	}
	all = append(all, toks...)
	slices.Sort(all)
	all = slices.Compact(all)
	*buf = all // its memory serves the next call
	for i := 1; i < len(all); i++ {
		n := 0
		for k := all[i-1] + 1; k < all[i] && k < len(doc.Tokens); k++ {
			if !doc.Tokens[k].Stop {
				n++
			}
		}
		if n > nearWords {
			return false
		}
	}
	return true
}

// onlySide reports whether reading r differs from vague title vt by a
// side alone (besides the filler words and vt's unspecified slot).
func (e *Engine) onlySide(r, vt *siteReading) bool {
	side := false
	for i, s := range r.ids {
		switch {
		case containsID(vt.ids, s) || r.kinds[i]&kindFill != 0:
		case r.kinds[i]&kindSide != 0:
			side = true
		default:
			return false
		}
	}
	return side
}

// hasBilateral reports whether a sibling of code k holds "bilateral".
func (e *Engine) hasBilateral(k corpus.ID) bool {
	for _, s := range e.set.Children(e.parent(k)) {
		if slices.Contains(e.titleOf(s).stems, e.sites.bilat) {
			return true
		}
	}
	return false
}

// moveTo retargets candidate c to code k: the tokens stating k's words
// join its best mention's reading, and c carries the edit saying why.
func (e *Engine) moveTo(c *candidate, k corpus.ID, f siteFit, why string) {
	from := e.set.Brief(c.tgt.code)
	if r := c.refinedBy; r != nil {
		r.refines = slices.DeleteFunc(r.refines, func(x *candidate) bool { return x == c })
		c.refinedBy = nil
	}
	if c.tgt.stem != 0 {
		from = e.set.Brief(c.tgt.stem)
		c.tgt = target{stem: k}
	} else {
		c.tgt = target{code: k}
	}
	c.key = e.set.CodeString(k)
	c.sideEdit = &Edit{Kind: "specificity", Message: fmt.Sprintf("%s leaves unspecified what the note states; %s: %s", from.Code, e.set.CodeString(k), why)}
	m := &c.mentions[c.best]
	pos := slices.Clip(m.hit.Positions)
	for _, t := range f.toks {
		if !slices.Contains(pos, int32(t)) {
			pos = append(pos, int32(t))
		}
	}
	m.hit.Positions = pos
}

// siteMapOf reads sites.txt for an index.
func siteMapOf(ix *index.Index) (*siteMap, error) {
	return parseSitesInto(sitesTable, ix.Stems, &stemIDs{base: ix.TermID, ix: ix, nbase: int32(ix.Terms())})
}
