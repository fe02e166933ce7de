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
		if _, ok := e.slots.codeTerms[id]; ok {
			return id
		}
		id = e.parent(id)
	}
	return 0
}

// titleTermsOf returns the analysed title of id (nil when none).
func (e *Engine) titleTermsOf(id corpus.ID) []uint32 {
	sp, ok := e.slots.codeTerms[id]
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
	tc := e.titleCode(code)
	own := e.titleTermsOf(tc)
	if len(own) == 0 {
		return 0, -1, 0
	}
	w.gsents = sentencesOf(c, false, w.gsents)
	said := w.gterms[:0]
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
	n, k := 0, 0
	for i, t := range own {
		if !contentTerm(t) || slices.Contains(own[:i], t) {
			continue
		}
		n++
		if slices.Contains(said, t) {
			k++
		}
	}
	if n > 0 {
		title = float64(k) / float64(n)
	}
	p := e.parent(tc)
	parent := e.titleTermsOf(p)
	if p == 0 || len(parent) == 0 {
		return title, -1, 0
	}
	n, k = 0, 0
	for i, t := range own {
		if !contentTerm(t) || slices.Contains(parent, t) || slices.Contains(own[:i], t) {
			continue
		}
		n++
		if slices.Contains(said, t) {
			k++
		}
	}
	if n > 0 {
		distinct = float64(k) / float64(n)
	}
	sibs := e.set.Children(p)
	if len(sibs) > 64 {
		return title, distinct, 0
	}
	for _, s := range sibs {
		if s == tc {
			continue
		}
		for _, t := range e.titleTermsOf(s) {
			if contentTerm(t) && !slices.Contains(parent, t) && !slices.Contains(own, t) && slices.Contains(said, t) {
				return title, distinct, 1
			}
		}
	}
	return title, distinct, 0
}
