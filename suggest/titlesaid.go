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
	for _, t := range tf.own {
		if isSaid(t) {
			k++
		}
	}
	if len(tf.own) > 0 {
		title = float64(k) / float64(len(tf.own))
	}
	if !tf.parent {
		return title, -1, 0
	}
	k = 0
	for _, t := range tf.distinct {
		if isSaid(t) {
			k++
		}
	}
	distinct = -1
	if len(tf.distinct) > 0 {
		distinct = float64(k) / float64(len(tf.distinct))
	}
	for _, t := range tf.sibling {
		if isSaid(t) {
			return title, distinct, 1
		}
	}
	return title, distinct, 0
}

// groundTerms are the title terms titleGrounding weighs for one title
// code, worked out once per engine (rankTables.titles).
type groundTerms struct {
	has      bool     // the code has analysed title terms
	own      []uint32 // the title's distinct content terms
	parent   bool     // the code has a parent with an analysed title
	distinct []uint32 // those of own its parent's title lacks
	// sibling are the distinct content terms of the titles of the code's
	// siblings (at most 64 of them) that neither the parent's title nor
	// the code's has.
	sibling []uint32
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
	tf := &groundTerms{}
	own := e.titleTermsOf(tc)
	if len(own) == 0 {
		return tf
	}
	tf.has = true
	for i, t := range own {
		if contentTerm(t) && !slices.Contains(own[:i], t) {
			tf.own = append(tf.own, t)
		}
	}
	p := e.parent(tc)
	parent := e.titleTermsOf(p)
	if p == 0 || len(parent) == 0 {
		return tf
	}
	tf.parent = true
	for _, t := range tf.own {
		if !slices.Contains(parent, t) {
			tf.distinct = append(tf.distinct, t)
		}
	}
	sibs := e.set.Children(p)
	if len(sibs) > 64 {
		return tf
	}
	for _, s := range sibs {
		if s == tc {
			continue
		}
		for _, t := range e.titleTermsOf(s) {
			if contentTerm(t) && !slices.Contains(parent, t) && !slices.Contains(own, t) && !slices.Contains(tf.sibling, t) {
				tf.sibling = append(tf.sibling, t)
			}
		}
	}
	return tf
}
