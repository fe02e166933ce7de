package suggest

import (
	"slices"

	"medcode/corpus"
	"medcode/nlp"
)

// Title grounding: how much of a candidate's official title the note
// affirms in the sentences of its evidence, and whether it affirms a word
// that sets a sibling apart instead. These are ranker features
// (titleSaid, distinctSaid, siblingSaid): a code whose title the note
// states word for word is grounded whatever the training corpus's code
// distribution; a code whose sibling's distinguishing word the note says
// ("intramural" beside D25.9) is less so.

// titleCode is the code whose title terms stand for id: id itself or, for
// a code completed with a seventh character, its nearest ancestor the
// slot table analysed. 0 when there is none.
func (e *Engine) titleCode(id corpus.ID) corpus.ID {
	for range 4 {
		if id == 0 {
			return 0
		}
		if _, _, ok := e.slots.spans(id); ok {
			return id
		}
		id = e.parent(id)
	}
	return 0
}

// titleTermsOf returns the analysed title of id (nil when none).
func (e *Engine) titleTermsOf(id corpus.ID) []uint32 {
	sp, _, ok := e.slots.spans(id)
	if !ok {
		return nil
	}
	return e.slots.terms[sp[0] : sp[0]+sp[1]]
}

// contentTerm reports whether a title term is a word a note can say
// (not "unspecified", not a word the index does not know).
func contentTerm(t uint32) bool { return t != unspecTerm && t != unknownTerm }

// titleGrounding returns, for candidate c of code:
//
//	title    share of the title's distinct content terms the note affirms
//	         in the sentences of c's mentions (0 when the code has no
//	         analysed title)
//	distinct share of the terms that set the title apart from its
//	         parent's title the note affirms there; -1 when none does
//	         (an unspecified or "other" code)
//	sibling  1 when the note affirms there a term that sets a sibling's
//	         title apart from the parent's and that the code's title lacks
func (e *Engine) titleGrounding(w *work, doc *nlp.Document, c *candidate, code corpus.ID) (title, distinct, sibling float64) {
	distinct = -1
	if e.slots == nil || len(w.sr.term) != len(doc.Sentences) {
		return 0, -1, 0
	}
	tf := e.groundTermsOf(code)
	if tf == nil {
		return 0, -1, 0
	}
	if !w.rk.saidNote {
		// A new note: index its affirmed terms once (groundindex.go), and
		// let the marks hold no sentence's terms.
		w.ground.build(&w.sr, doc, e.ix)
		w.rk.markSaid(e.ix.Terms(), nil, []int{-1})
	}
	if w.ground.ok {
		return tf.groundingIn(&w.ground, mentionMask(c)) // groundsaid.go
	}
	w.gsents = sentencesOf(c, false, w.gsents)
	said := w.gterms
	// Candidates of the same sentences (the next one usually) read the
	// marks of the last.
	if !w.rk.saidFor(w.gsents) {
		said = said[:0]
		for _, s := range w.gsents {
			if s < 0 || s >= len(w.sr.term) {
				continue
			}
			for j := w.sr.term[s][0]; j < w.sr.term[s][1]; j++ {
				if id, ok := w.sr.noteTermID(doc, e.ix, int(j)); ok {
					said = append(said, id)
				}
			}
		}
		w.gterms = said
		w.rk.markSaid(e.ix.Terms(), said, w.gsents)
	}
	isSaid := func(t uint32) bool {
		if ok, known := w.rk.saidMarked(t); known {
			return ok
		}
		return slices.Contains(said, t)
	}
	return tf.grounding(isSaid)
}

// grounding returns titleGrounding's title, distinct and sibling shares
// of the title terms, isSaid telling the terms the note affirms in the
// candidate's sentences.
func (tf *groundTerms) grounding(isSaid func(uint32) bool) (title, distinct, sibling float64) {
	k := 0
	own := tf.own()
	for _, t := range own {
		if isSaid(t) {
			k++
		}
	}
	if len(own) > 0 {
		title = float64(k) / float64(len(own))
	}
	if !tf.parent {
		return title, -1, 0
	}
	k = 0
	dist := tf.distinct()
	for _, t := range dist {
		if isSaid(t) {
			k++
		}
	}
	distinct = -1
	if len(dist) > 0 {
		distinct = float64(k) / float64(len(dist))
	}
	for _, t := range tf.sibling() {
		if isSaid(t) {
			return title, distinct, 1
		}
	}
	return title, distinct, 0
}

// groundTerms are the title terms titleGrounding weighs for one title
// code, worked out once per engine (rankTables.titles).
//
// The three lists lie in one array, terms: own, then distinct, then
// sibling, held in the struct itself (inline) when they fit. A candidate's
// grounding then reads one object of two cache lines, rather than the
// struct and three arrays apart, each a line seldom in cache. A
// groundTerms is only handled by pointer (its terms may point into it).
type groundTerms struct {
	has    bool   // the code has analysed title terms
	parent bool   // the code has a parent with an analysed title
	nOwn   uint16 // len(own())
	nDist  uint16 // len(distinct())
	terms  []uint32
	inline [groundInline]uint32
}

// groundInline is how many terms a groundTerms holds in itself: 24 make
// the struct 128 bytes, and hold all three lists of some 95% of the
// codes.
const groundInline = 24

// own are the title's distinct content terms.
func (tf *groundTerms) own() []uint32 { return tf.terms[:tf.nOwn] }

// distinct are those of own its parent's title lacks.
func (tf *groundTerms) distinct() []uint32 { return tf.terms[tf.nOwn : tf.nOwn+tf.nDist] }

// sibling are the distinct content terms of the titles of the code's
// siblings (at most 64 of them) that neither the parent's title nor the
// code's has.
func (tf *groundTerms) sibling() []uint32 { return tf.terms[tf.nOwn+tf.nDist:] }

// newGroundTermsOf lays out the groundTerms of the lists given (has set,
// the lists copied); a list longer than 65535 is cut there.
func newGroundTermsOf(parent bool, own, distinct, sibling []uint32) *groundTerms {
	own, distinct = own[:min(len(own), 1<<16-1)], distinct[:min(len(distinct), 1<<16-1)]
	tf := &groundTerms{has: true, parent: parent, nOwn: uint16(len(own)), nDist: uint16(len(distinct))}
	n := len(own) + len(distinct) + len(sibling)
	if n <= groundInline {
		tf.terms = tf.inline[:0:n]
	} else {
		tf.terms = make([]uint32, 0, n)
	}
	tf.terms = append(append(append(tf.terms, own...), distinct...), sibling...)
	return tf
}

// groundTermsOf returns the groundTerms of code's title code
// (titleCode), nil when it has no analysed title terms. The memo holds
// them under the code and under its title code.
func (e *Engine) groundTermsOf(code corpus.ID) *groundTerms {
	tf, ok := e.rank.titles.load(e.set, code)
	if !ok {
		tc := e.titleCode(code)
		switch {
		case tc == 0:
			tf = &groundTerms{}
		case tc == code:
			tf = e.newGroundTerms(tc)
		default:
			if tf, ok = e.rank.titles.load(e.set, tc); !ok {
				tf = e.rank.titles.store(e.set, tc, e.newGroundTerms(tc))
			}
		}
		tf = e.rank.titles.store(e.set, code, tf)
	}
	if !tf.has {
		return nil
	}
	return tf
}

// newGroundTerms works out tc's groundTerms (empty when it has no title terms).
func (e *Engine) newGroundTerms(tc corpus.ID) *groundTerms {
	title := e.titleTermsOf(tc)
	if len(title) == 0 {
		return &groundTerms{}
	}
	var own, distinct, sibling []uint32
	for i, t := range title {
		if contentTerm(t) && !slices.Contains(title[:i], t) {
			own = append(own, t)
		}
	}
	p := e.parent(tc)
	parent := e.titleTermsOf(p)
	if p == 0 || len(parent) == 0 {
		return newGroundTermsOf(false, own, nil, nil)
	}
	for _, t := range own {
		if !slices.Contains(parent, t) {
			distinct = append(distinct, t)
		}
	}
	sibs := e.set.Children(p)
	if len(sibs) > 64 {
		return newGroundTermsOf(true, own, distinct, nil)
	}
	for _, s := range sibs {
		if s == tc {
			continue
		}
		for _, t := range e.titleTermsOf(s) {
			if contentTerm(t) && !slices.Contains(parent, t) && !slices.Contains(title, t) && !slices.Contains(sibling, t) {
				sibling = append(sibling, t)
			}
		}
	}
	return newGroundTermsOf(true, own, distinct, sibling)
}
