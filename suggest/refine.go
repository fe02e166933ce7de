package suggest

import (
	"math"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// Refinement: the documented detail picks the sibling. A vague code
// (unspecified, a header, "without complications") reads some words of a
// sentence; a candidate of its category that reads all of them and more
// content words beside them (the side, the site, the stage, "with" or
// "without" a complication) is the code the note documents, even when its
// name also holds a word the note only implies ("Right carpal tunnel
// syndrome" is G56.01 "... right upper limb", not G56.00). The
// refinement takes the vague code's rank and the vague code ranks just
// below it: an unspecified code leads only when the note leaves its
// detail open. A refinement names no further condition (it leaves unsaid
// no word but the vague title's and one most of its siblings hold), no
// sibling value the note does not say
// ("chronic" for "allergic conjunctivitis"), and no "other" variety the
// note does not call other. Which words the note states decides, never a
// prior.

// maxImplied bounds the words of a refinement's name the note leaves
// unsaid: the ones it implies ("upper limb" of a carpal tunnel side), not
// a further condition ("proliferative diabetic retinopathy").
const maxImplied = 2

// refines marks, for each vague candidate, the candidate of its category
// whose reading of the same sentence holds all its words and the most
// others (c.refinedBy; the refinement's refines). A refinement is no
// sibling candidate, learned phrase or partly negated reading; the
// candidates kept by discriminate contradict nothing the note says.
func (e *Engine) refine(w *work, doc *nlp.Document, live []*candidate) {
	type reading = refineReading
	sc := &w.refine
	defer sc.done()
	// titlelive.go: read once for every pass, whose first tests read the
	// titles' bits (a dense array) before the candidate.
	tfs := w.liveTitle.of(e, live)
	bits := w.liveTitle.bitsOf(len(live))
	// Only the sentences of a vague candidate's mentions are read (and
	// any sentence number outside the note's, kept as it comes): the
	// readings specific found as it read the mentions (refinereadings.go),
	// or found here.
	var rs []reading
	if sc.readFor(live, len(doc.Sentences)) {
		rs = e.keptReadings(w, sc.rs, sc.vagueIn)
	} else {
		sc.startReadings(live, len(doc.Sentences))
		rs = e.refineReadings(w, live, bits, sc.vagueIn, sc.rs)
	}
	vagueIn := sc.vagueIn
	// Readings by sentence, in order (a counting sort, each sentence's
	// readings as they came): a refinement reads the vague code's
	// sentence. A sentence number outside the note's is looked up by
	// scanning.
	sc.rs = rs
	at := sc.at[:0]
	for range len(vagueIn) + 1 {
		at = append(at, 0)
	}
	sc.at = at
	odd := false
	for i := range rs { // by index: a reading is large to copy
		if s := int(rs[i].sent); s < 0 || s >= len(vagueIn) {
			odd = true
		} else {
			at[s+1]++
		}
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	// byS holds the readings' indices in rs, not copies: a reading's
	// memo of its judgement (refineMemo) is found from its place in rs.
	byS := slices.Grow(sc.byS[:0], int(at[len(at)-1]))[:at[len(at)-1]]
	sc.byS = byS
	next := append(sc.next[:0], at[:len(at)-1]...)
	sc.next = next
	for i := range rs {
		if s := int(rs[i].sent); s >= 0 && s < len(vagueIn) {
			byS[next[s]] = uint32(i)
			next[s]++
		}
	}
	// Each sentence's readings by category, in order within one: a vague
	// code that is no site's (most) reads only its own category's.
	// A key is cat<<32 | index in rs: sorting the keys orders by
	// category, then as the readings came.
	ord := sc.ord[:0]
	for _, i := range byS {
		ord = append(ord, uint64(rs[i].cat)<<32|uint64(i))
	}
	sc.ord = ord
	for s := 0; s+1 < len(at); s++ {
		slices.Sort(ord[at[s]:at[s+1]])
	}
	// bySent returns the indices in rs of a sentence's readings, in order.
	bySent := func(sent int) []uint32 {
		if sent >= 0 && sent < len(vagueIn) {
			return byS[at[sent]:at[sent+1]]
		}
		var out []uint32
		if odd {
			for i := range rs {
				if rs[i].m.sent == sent {
					out = append(out, uint32(i))
				}
			}
		}
		return out
	}
	uni, sides := e.sideStems.of(e.ix) // sidewords.go
	// Whether a sentence states a side is read only for the sentences
	// of the vague codes' mentions weighed below, each once (sidedAt).
	sc.sided = sidedUnread(doc, sc.sided)
	impliedSided, impliedNot := impliedBy(true, uni), impliedBy(false, uni) // made once per note
	// The judge of the readings, made once per note: each vague code
	// resets its own fields (start), where a closure made per vague code
	// copied every value it captured.
	j := &sc.judge
	*j = refineJudge{e: e, w: w, doc: doc, sc: sc, sides: sides} // done clears it
	for vi, v := range live {
		if b := bits[vi]; !b.vagueICD(b.billable() || v.tgt.stem != 0) || v.sibling || len(v.mentions) == 0 {
			continue
		}
		tf := tfs[vi] // titlefacts.go
		vcode := v.tgt.anyCode()
		cat := w.liveTitle.cat(e, vi)
		site := tf.unspecSite // the Index may refine it to a site's category
		vt := tf.stems
		sc.nextVague(len(doc.Tokens))
		j.start(v, vcode, vt)
		repeats := readingRepeatsOf(v.mentions)
		for mi := range v.mentions {
			m := &v.mentions[mi]
			if m.learned || len(m.hit.Positions) == 0 || repeats.before(v.mentions, mi) {
				continue // consider reads only a mention's sentence and positions: a repeat finds nothing new
			}
			sc.markRead(m.hit.Positions)
			j.m, j.implied = m, impliedNot
			if sc.sidedAt(doc, &w.sr, m.sent) {
				j.implied = impliedSided
			}
			if !site && m.sent >= 0 && m.sent < len(vagueIn) {
				// Only the readings of cat can refine v.
				seg := ord[at[m.sent]:at[m.sent+1]]
				k, _ := slices.BinarySearch(seg, uint64(cat)<<32)
				for ; k < len(seg) && uint32(seg[k]>>32) == cat; k++ {
					// Most readings of cat are v's own.
					r := &rs[uint32(seg[k])]
					if r.code == vcode || r.c == v || r.slack > maxImplied { // seg holds cat's readings only
						continue
					}
					if extra := sc.contentExtra(doc, r.m.hit.Positions, vt); extra > 0 { // m's positions marked (markRead)
						j.consider(r, extra)
					}
				}
				continue
			}
			for _, ri := range bySent(m.sent) {
				r := &rs[ri]
				if r.code == vcode || r.c == v || r.slack > maxImplied {
					continue // the cheapest tests first
				}
				if r.cat != cat && !(site && e.indexedUnder(vcode, r.code)) {
					continue
				}
				if extra := sc.contentExtra(doc, r.m.hit.Positions, vt); extra > 0 {
					j.consider(r, extra)
				}
			}
		}
		v.refinedBy = j.best
	}
	// A refinement refined in turn hands its vague codes on: the most
	// specific reading takes them all.
	pairs := sc.pairs[:0]
	for _, v := range live {
		r := v.refinedBy
		for n := 0; r != nil && r.refinedBy != nil && r.refinedBy != v && n < len(live); n++ {
			r = r.refinedBy
		}
		if r == v {
			r = nil // a cycle reads no more than its start
		}
		v.refinedBy = r
		if r != nil {
			pairs = append(pairs, [2]*candidate{r, v})
		}
	}
	sc.pairs = pairs
	sc.refines = refinesInto(pairs, sc.refines[:0])
}

// refinesInto sets each refinement's refines (pairs: {refinement, vague
// code}, in live order) to its vague codes in that order, cut from dst's
// memory (capacity-limited regions, never grown past), and returns dst:
// the lists are read until the note is done, and the next note's refine
// reuses the memory (refineScratch.done clears only the readings).
func refinesInto(pairs [][2]*candidate, dst []*candidate) []*candidate {
	for i, p := range pairs {
		if p[0].refines != nil {
			continue // listed with its first pair
		}
		at := len(dst)
		for _, q := range pairs[i:] {
			if q[0] == p[0] {
				dst = append(dst, q[1])
			}
		}
		p[0].refines = dst[at:len(dst):len(dst)]
	}
	return dst
}

// sameReadingBefore reports whether a mention before ms[i] that refine
// reads (not learned, with positions) reads the same sentence at the same
// positions: its refinements were weighed already, and weighing them
// again changes no choice (the best is a maximum in a total order).
func sameReadingBefore(ms []mention, i int) bool {
	m := &ms[i]
	for k := range i {
		p := &ms[k]
		if p.sent == m.sent && !p.learned && slices.Equal(p.hit.Positions, m.hit.Positions) {
			return true
		}
	}
	return false
}

// saysWithoutNear reports whether the note says "without" (or "no",
// "not") within the sentence span its words at pos cover, or right before
// it: the refinement's "without" is the note's.
func saysWithoutNear(doc *nlp.Document, pos []int32) bool {
	lo, hi := int32(math.MaxInt32), int32(-1)
	for _, p := range pos {
		lo, hi = min(lo, p), max(hi, p)
	}
	if hi < 0 {
		return false
	}
	for i := max(0, int(lo)-3); i <= int(hi) && i < len(doc.Tokens); i++ {
		switch doc.Tokens[i].Norm {
		case "without", "w/o", "no", "not", "non", "nonobstructing", "nonobstructed", "uncomplicated":
			return true
		}
	}
	return false
}

// promote gives each refinement the rank of the best vague code it
// refines, and ranks that code just below it.
func (e *Engine) promote(ks []scored) {
	var buf [16]refineAt
	at := refinedAt(ks, buf[:0])
	if at == nil {
		return // nothing refined
	}
	for i := range ks {
		s := &ks[i]
		for _, v := range s.c.refines {
			j, ok := scoredAtIn(at, ks, v)
			if !ok {
				continue
			}
			k := &ks[j]
			if k.conf > s.conf || k.conf == s.conf && k.z >= s.z {
				s.conf, s.z = k.conf, k.z
			}
		}
	}
	for i := range ks {
		k := &ks[i]
		if k.c.refinedBy == nil {
			continue
		}
		j, ok := scoredAtIn(at, ks, k.c.refinedBy)
		if !ok {
			continue
		}
		s := &ks[j]
		if k.conf > s.conf || k.conf == s.conf && k.z >= s.z {
			k.conf = round(math.Max(0, s.conf-0.0001), 4)
			k.z = round(math.Min(k.z, s.z)-1e-6, 6)
		}
	}
}

// statesUnsaid reports whether code s's title fills a sibling slot (see
// slotTable) with words sentence sent never says and the vague code v's
// title does not hold either: "chronic" of "Unspecified chronic
// conjunctivitis, bilateral" is a detail "allergic conjunctivitis,
// bilateral" does not document, while "upper limb" of "Carpal tunnel
// syndrome, right upper limb" is in G56.00's title too. Only slots the
// matched name (stems name) fills count: an Index path that leads to the
// code without the word vouches for it.
func (e *Engine) statesUnsaid(doc *nlp.Document, sr *sentenceRanges, sent int, s, v corpus.ID, name []string, implied func(string) bool) bool {
	t, slots := e.slots.titleSlots(e.ix, e.pipe, e.set, s)
	var vt []uint32
	if vp, ok := e.slots.termSpan(v); ok {
		vt = e.slots.terms[vp[0] : vp[0]+vp[1]]
	}
	first, st := sr.termsOf(doc, sent)
	var ids []int64
	if len(st) > 0 {
		sr.termID(doc, e.ix, first) // the note's term ids, read once
		ids = sr.ids[first : first+len(st)]
	}
	// inSentence reports whether a term of the sentence is x (by id; a
	// term read as "unspecified" by its stem).
	inSentence := func(x uint32) bool {
		for k, id := range ids {
			if id == int64(x) || id == unspecTerm && st[k].Stem == e.ix.Term(x) {
				return true
			}
		}
		return false
	}
	stated := func(x uint32) bool {
		return x != unspecTerm && x != unknownTerm && inSentence(x)
	}
	said := func(x uint32) bool {
		if x == unspecTerm || x == unknownTerm || slices.Contains(vt, x) {
			return true
		}
		return inSentence(x) || implied(e.ix.Term(x))
	}
	for _, p := range slots {
		i, n := int(p>>1), int(p&1)+1
		if i+n > len(t) {
			continue
		}
		ok, named := false, false
		for k := i; k < i+n; k++ {
			if said(t[k]) {
				ok = true
				break
			}
			if t[k] != unspecTerm && t[k] != unknownTerm && slices.Contains(name, e.ix.Term(t[k])) {
				named = true
			}
		}
		// A slot the matched name does not fill is the Index's default
		// ("Osteoarthritis, knee, unilateral" leads to M17.1-, primary).
		if !ok && named && !overlapSaid(t, slots, i, n, stated) {
			return true
		}
	}
	return false
}

// overlapSaid reports whether a slot overlapping t[i:i+n] holds a term the
// sentence states: "lower" of the slot "lower limb" says the side of the
// limb the slot "limb" alone ("limb" / "leg") would leave unsaid.
func overlapSaid(t []uint32, slots []uint16, i, n int, stated func(uint32) bool) bool {
	for _, p := range slots {
		j, m := int(p>>1), int(p&1)+1
		if j+m > len(t) || j >= i+n || i >= j+m || j == i && m == n {
			continue
		}
		for k := j; k < j+m; k++ {
			if stated(t[k]) {
				return true
			}
		}
	}
	return false
}

// titleSlots returns code s's title terms and slot positions (see
// codeSlots): the mined ones, or, for a seventh-character stem (whose
// title the table leaves out), its title analysed now against the mined
// slots.
func (st *slotTable) titleSlots(ix *index.Index, pipe *nlp.Pipeline, set *corpus.Set, s corpus.ID) ([]uint32, []uint16) {
	if sp, ok := st.termSpan(s); ok {
		return st.terms[sp[0] : sp[0]+sp[1]], st.slotsOf(s)
	}
	t := titleTerms(ix, pipe, set.Brief(s).Display, nil)
	slots := st.slotsIn(t, nil)
	return t, slots
}

// connectorNorm reports whether a word states no detail of its own
// (contentExtra).
func connectorNorm(norm string) bool {
	switch norm {
	case "with", "w/", "due", "and", "in", "of", "other", "to", "or", "by", "&":
		return true
	}
	return false
}

// otherName reports whether a name holds the word "other" ("Nicotine
// dependence, other tobacco product").
//
// The fields are cut at four ASCII separators, which no byte of a
// multi-byte rune (or of invalid UTF-8) is, so the name is scanned by
// byte: a five-byte field between separators (or the ends) whose letters
// fold to "other" (EqualFold of a field is ToLower's "other": no rune
// outside ASCII folds to its letters). TestOtherNamePlain holds it to
// otherNamePlain, the fields split by runes.
func otherName(name string) bool {
	start := 0
	for i := 0; i <= len(name); i++ {
		if i < len(name) {
			if c := name[i]; c != ' ' && c != ',' && c != '(' && c != ')' {
				continue
			}
		}
		if i-start == len("other") && name[start]|0x20 == 'o' && name[start+1]|0x20 == 't' && name[start+2]|0x20 == 'h' &&
			name[start+3]|0x20 == 'e' && name[start+4]|0x20 == 'r' {
			return true
		}
		start = i + 1
	}
	return false
}

// saysOtherIn reports whether sentence sent says "other" or "specified".
func saysOtherIn(doc *nlp.Document, sent int) bool {
	for _, t := range sentenceTerms(doc, sent) {
		if t.Norm == "other" || t.Norm == "specified" {
			return true
		}
	}
	return false
}

// unreadStems appends to dst the words of a reading's name (stems name),
// each once, in order, that its matched note words do not read, that are
// no connector ("secondary to" says "due to") or "not otherwise
// specified", and that its sentence does not imply: what unsaidNew
// weighs, read once per reading.
func unreadStems(doc *nlp.Document, m *mention, name []string, implied func(string) bool, dst []string) []string {
	at := len(dst)
	for _, st := range name {
		switch st {
		case "due", "with", "and", "in", "of", "to", "by", "or", "nos":
			continue
		}
		if slices.Contains(dst[at:], st) || implied(st) {
			continue
		}
		read := false
		for _, p := range m.hit.Positions {
			if int(p) < len(doc.Tokens) && doc.Tokens[p].Stem == st {
				read = true
				break
			}
		}
		if !read {
			dst = append(dst, st)
		}
	}
	return dst
}

// unsaidNew counts the words of a reading's name its matched note words
// do not read (unread, see unreadStems), the vague code's title (stems
// vt) does not hold and that do not name the refinement's category: the
// note implies the words most codes beside the refinement (its parent's
// children) hold ("region" of "Radiculopathy, lumbar region", "limb" of
// "Cellulitis of right lower limb"), one at most, and never a side
// (right, left, bilateral); a qualifier of the refinement alone
// ("asymptomatic" of "Asymptomatic microscopic hematuria") or a further
// condition is a detail the note does not state. Past two it stops
// counting: two words are a further condition.
func (e *Engine) unsaidNew(unread, vt []string, code corpus.ID, sides []string) int {
	n, first := 0, ""
	for _, st := range unread {
		if slices.Contains(vt, st) {
			continue
		}
		if n++; n == 1 {
			first = st
		} else {
			return n
		}
	}
	if n == 0 {
		return 0
	}
	if slices.Contains(sides, first) {
		return 1 // a side the note does not state is never implied
	}
	// The one unsaid word: held by most children of the refinement's parent?
	p := e.childStemsOf(e.parent(code))
	if !p.found || p.children < 2 {
		return 1
	}
	held := 0
	for _, st := range p.stems {
		if slices.Contains(st, first) {
			held++
		}
	}
	if 2*held > p.children {
		return 0
	}
	return 1
}

// nearWords bounds the content words the refinement does not read between
// the vague code's words and each of its extra words: the detail is
// stated beside the condition ("right carpal tunnel", "DVT of the right
// femoral vein"), not anywhere in a long sentence.
const nearWords = 1

// besideWords reports whether at most nearWords content words (no stop
// words, none of ext) lie between the span of pos and each position of
// ext.
func besideWords(doc *nlp.Document, pos, ext []int32) bool {
	lo, hi := int32(math.MaxInt32), int32(-1)
	for _, p := range pos {
		lo, hi = min(lo, p), max(hi, p)
	}
	for _, p := range ext {
		a, b := p, lo-1 // the words before the span
		if p > hi {
			a, b = hi+1, p
		}
		n := 0
		for i := max(a, 0); i <= b && int(i) < len(doc.Tokens); i++ {
			if !doc.Tokens[i].Stop && !slices.Contains(ext, i) {
				n++
			}
		}
		if n > nearWords {
			return false
		}
	}
	return true
}

// sidedSentences reports, per sentence, whether it states one side, right
// or left ("left knee OA" is unilateral): read once per note, into dst's
// memory (a sentence number outside the note's states none).
func sidedSentences(doc *nlp.Document, dst []bool) []bool {
	dst = dst[:0]
	for range doc.Sentences {
		dst = append(dst, false)
	}
	for i := range doc.Terms {
		t := &doc.Terms[i] // in place: a term is large to copy
		if statesSide(t) && t.Sent >= 0 && t.Sent < len(dst) {
			dst[t.Sent] = true
		}
	}
	return dst
}

// statesSide reports whether t names one side, right or left.
func statesSide(t *nlp.Term) bool { return t.Norm == "right" || t.Norm == "left" }

// sidedUnread returns dst's memory holding, per sentence of doc, that
// whether it states a side is not read yet (0; sidedAt reads it).
func sidedUnread(doc *nlp.Document, dst []int8) []int8 {
	dst = dst[:0]
	for range doc.Sentences {
		dst = append(dst, 0)
	}
	return dst
}

// sidedAt is sidedSentences(doc)[s] (false for a sentence number outside
// the note's), reading only sentence s's terms (sr.termsOf: from sr's
// ranges when they are doc's) the first time s is asked: a note's terms
// are ~90 bytes each, and most of its sentences hold no vague code's
// mention (TestSidedAtIsSidedSentences).
func (sc *refineScratch) sidedAt(doc *nlp.Document, sr *sentenceRanges, s int) bool {
	if s < 0 || s >= len(sc.sided) {
		return false
	}
	if sc.sided[s] == 0 {
		sc.sided[s] = 1
		_, terms := sr.termsOf(doc, s)
		for i := range terms {
			if t := &terms[i]; t.Sent == s && statesSide(t) {
				sc.sided[s] = 2
				break
			}
		}
	}
	return sc.sided[s] == 2
}

// impliedBy returns the words a sentence implies without saying them:
// "unilateral" (stems uni) when it states one side.
func impliedBy(sided bool, uni []string) func(string) bool {
	return func(st string) bool { return sided && slices.Contains(uni, st) }
}

// indexedUnder reports whether v is a generic code of unspecified site
// and the Alphabetic Index reaches code s through subterms of an entry of
// v ("Osteoarthritis" of M19.90, "Osteoarthritis, knee, unilateral" of
// M17.1-): the site-specific category refines the generic one.
func (e *Engine) indexedUnder(v, s corpus.ID) bool {
	vf := e.titleOf(v)
	if !vf.unspecSite || vf.chapter != e.titleOf(s).chapter {
		return false
	}
	return reachedThrough(e.conflictNames(v), e.conflictNames(s))
}

// unspecifiedSite reports whether a title leaves the site unspecified
// ("Primary osteoarthritis, unspecified site", "Radiculopathy, site
// unspecified").
func unspecifiedSite(d string) bool {
	d = strings.ToLower(d)
	return strings.Contains(d, "unspecified site") || strings.Contains(d, "site unspecified")
}

// scoredAt returns the index in ks of candidate c (the last, should c
// be there twice), ok false when c is not there. The few candidates
// refining or refined are looked up by a scan, not a map built per note.
func scoredAt(ks []scored, c *candidate) (int, bool) {
	for i := len(ks) - 1; i >= 0; i-- {
		if ks[i].c == c {
			return i, true
		}
	}
	return -1, false
}

// refineAt is a refining or refined candidate and its last index in the
// scored candidates (refinedAt).
type refineAt struct {
	c *candidate
	i int
}

// refinedAt appends to dst, in one pass over ks, each candidate refining
// or refined (refinedBy or refines set) with its last index in ks, as
// many as dst's capacity holds; it returns nil when ks holds none.
// promote looks its candidates up there (scoredAtIn), not by a scan of
// ks per lookup.
func refinedAt(ks []scored, dst []refineAt) []refineAt {
	found := false
	for i := range ks {
		c := ks[i].c
		if c.refinedBy == nil && len(c.refines) == 0 {
			continue
		}
		found = true
		k := 0
		for k < len(dst) && dst[k].c != c {
			k++
		}
		switch {
		case k < len(dst):
			dst[k].i = i
		case len(dst) < cap(dst):
			dst = append(dst, refineAt{c, i})
		}
	}
	if !found {
		return nil
	}
	return dst
}

// scoredAtIn is scoredAt(ks, c), answered from at (refinedAt's list of
// ks) when c is there, else by the scan (TestScoredAtIn holds it to
// scoredAt).
func scoredAtIn(at []refineAt, ks []scored, c *candidate) (int, bool) {
	for _, x := range at {
		if x.c == c {
			return x.i, true
		}
	}
	return scoredAt(ks, c)
}

// refineReading is a mention a refinement may read. What its judgement
// beyond its words' positions reads and finds (refineMemo) is kept apart,
// made on first need (memo): every reading of the note's vague sentences
// is laid out, few are judged that far.
type refineReading struct {
	c     *candidate
	m     *mention
	code  corpus.ID // c.tgt.anyCode()
	cat   uint32    // categoryKey of the code (refine: first its candidate's place in live)
	slack int32     // m.hit.Length - m.hit.Matched
	sent  int32     // m.sent, read without the mention (a sentence's place)
	// memo is 1 + the index of the reading's refineMemo in the scratch's
	// memo, 0 while it has none.
	memo int32
	// titleOther is titleOf(code).other: the code claims an "other"
	// variety.
	titleOther bool
}

// refineMemo is a judged reading's memory: stems and other are its
// name's stems and otherName, read on first need.
type refineMemo struct {
	stems []string
	other int8 // 0 not read yet, 1 no, 2 yes
	// tailOf is the vague candidate whose judgement of this reading
	// beyond its words' positions tailBad holds (nil: none yet).
	tailOf  *candidate
	tailBad bool
	// unread are unreadStems of the reading (unreadOK: read).
	unread   []string
	unreadOK bool
}

// categoryKey packs category(code) (at most three ASCII bytes) and its
// length into an integer: two codes' keys are equal exactly when their
// categories are.
func categoryKey(code string) uint32 {
	c := category(code)
	k := uint32(len(c)) << 24
	for i := 0; i < len(c); i++ {
		k |= uint32(c[i]) << (16 - 8*i)
	}
	return k
}

// refineScratch is refine's memory, pooled in work.
type refineScratch struct {
	rs      []refineReading
	byS     []uint32 // rs's indices, by sentence
	vagueIn []bool
	sided   []int8 // per sentence: 0 not read yet, 1 states no side, 2 one (sidedAt)
	at      []int32
	next    []int32
	ord     []uint64 // rs's indices, each sentence's by category (cat<<32 | index)
	// inVT holds, per token, whether it states nothing beyond the vague
	// title being refined: its stem is the title's or it is a connector
	// (1 no, 2 yes), valid where vtGen is gen.
	inVT  []int8
	vtGen []uint32
	gen   uint32
	// readAt marks, per token, the positions of the vague code's mention
	// being weighed (markRead): those equal to readGen.
	readAt  []uint32
	readGen uint32
	// unread holds the readings' unread stems (refineMemo.unread).
	unread []string
	// memo holds the judged readings' memories (refineReading.memo).
	memo []refineMemo
	// judge weighs the readings for one vague code at a time.
	judge refineJudge
	// pairs and refines are the refinements' {refinement, vague code}
	// pairs and the memory of their refines lists (refinesInto), which
	// are read after refine returns: kept until the next note's refine.
	pairs   [][2]*candidate
	refines []*candidate
	// readLive is the live candidates rs and vagueIn were read for
	// before refine (startReadings), nil when none were.
	readLive []*candidate
}

// nextVague starts the token memo of a vague candidate's title words
// for a note of n tokens.
func (s *refineScratch) nextVague(n int) {
	if len(s.vtGen) < n {
		s.vtGen = append(s.vtGen, make([]uint32, n-len(s.vtGen))...)
		s.inVT = append(s.inVT, make([]int8, n-len(s.inVT))...)
		s.readAt = append(s.readAt, make([]uint32, n-len(s.readAt))...)
	}
	s.gen++
	if s.gen == 0 {
		clear(s.vtGen)
		s.gen = 1
	}
}

// contentExtra counts the positions of ext not among the positions
// markRead marked (the vague code's mention's) whose word is no
// connector ("with" of "... with unspecified complications" states no
// detail) and no word of the vague code's title (stems vt: "site" of
// "unspecified site" names no site, "acute" of "Acute embolism and
// thrombosis of unspecified vein" is no detail beyond it). vt is the
// title of the vague candidate nextVague started: each token is judged
// against it, and as a connector, once (TestContentExtraPlain holds it to
// contentExtraPlain, the scan of pos and the tests per call).
func (s *refineScratch) contentExtra(doc *nlp.Document, ext []int32, vt []string) int {
	n := 0
	for _, p := range ext {
		if int(p) >= len(doc.Tokens) || int(p) >= len(s.vtGen) {
			continue // past the note's tokens (nextVague covers them all)
		}
		if s.readAt[p] == s.readGen {
			continue // a word of the vague code's mention
		}
		if s.vtGen[p] != s.gen {
			s.vtGen[p], s.inVT[p] = s.gen, 1
			if t := &doc.Tokens[p]; slices.Contains(vt, t.Stem) || connectorNorm(t.Norm) {
				s.inVT[p] = 2
			}
		}
		if s.inVT[p] == 1 {
			n++
		}
	}
	return n
}

// markRead marks the positions pos of the vague code's mention being
// weighed for contentExtra (and clears the last mention's marks).
func (s *refineScratch) markRead(pos []int32) {
	s.readGen++
	if s.readGen == 0 {
		clear(s.readAt)
		s.readGen = 1
	}
	for _, p := range pos {
		if p >= 0 && int(p) < len(s.readAt) {
			s.readAt[p] = s.readGen
		}
	}
}

// done clears the readings, so the pooled scratch holds no candidate.
func (s *refineScratch) done() {
	clear(s.pairs)
	clear(s.rs)
	clear(s.memo)
	s.memo = s.memo[:0]
	s.judge = refineJudge{}
	clear(s.unread)
	s.unread = s.unread[:0]
	s.readLive = nil
}
