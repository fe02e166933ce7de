package suggest

import (
	"slices"
	"strings"

	"medcode/index"
	"medcode/nlp"
)

// sentenceRanges locates each sentence's tokens and terms in a Document
// (both are in sentence order), so the rules that read a candidate's
// sentences do not walk the whole note.
type sentenceRanges struct {
	tok  [][2]int32 // per sentence: doc.Tokens[lo:hi]
	term [][2]int32 // per sentence: doc.Terms[lo:hi]
	// ids are the index term ids of doc.Terms (-1: none), filled on first
	// use; said caches each sentence's affirmed words (saidIn; seventhChoice
	// reads them as bit sets, seventhvocab.go).
	ids []int64
	// nids are the term ids as the note affirms them (see noteTermID):
	// -1 none, -2 not looked up yet; nidsAll says every term is judged
	// (judged).
	nids    []int64
	nidsAll bool
	// termRun says term holds the runs of the terms' sentence order
	// (termRuns): a term lies in sentence s's range exactly when it is of
	// s (contradiction's nearby cuts its window to the range).
	termRun bool
	// tokRun says tok holds the runs of the tokens' sentence order
	// (tokenRuns): sentence s's tokens are exactly tok[s]'s.
	tokRun bool
	said   map[int]map[string]bool
	// pos holds the note's terms by id (notepos.go).
	pos notePositions
	// ctxHead holds, per bit of the said mask saidContexts last returned,
	// the first note term holding that title word (pos.first): written
	// for the mask's set bits and read only for them.
	ctxHead [64]int32
	// aff caches, per token, whether it is affirmed (see affirmed): 0 not
	// judged yet, 1 yes, 2 no.
	aff []int8
	// words caches meaningWords of seventh-character rows across notes
	// (a few hundred distinct texts).
	words map[string][]string
	heal  healingNote // the note's healing words (healing.go)
	// rows caches each stem's seventh-character rows across notes
	// (seventhrows.go).
	rows seventhCache
	// mainIx and mainIDs are the main index and the note's term ids in it
	// as collect looked them up (work.tid, termids.go): termID reads them
	// instead of looking every term up again.
	mainIx  *index.Index
	mainIDs *[]int32
	// seven numbers the rows' words and holds the note's sentences'
	// affirmed ones (seventhvocab.go).
	seven sevenVocab
}

// index fills r for doc, reusing its memory.
func (r *sentenceRanges) index(doc *nlp.Document) {
	n := len(doc.Sentences)
	r.ids = r.ids[:0]
	r.nids = r.nids[:0]
	r.aff = r.aff[:0]
	r.nidsAll = false
	r.pos.built = false
	clear(r.said)
	r.heal.reset()
	r.resetSeven()
	r.tok = slices.Grow(r.tok[:0], n)[:n]
	r.term = slices.Grow(r.term[:0], n)[:n]
	clear(r.tok)
	clear(r.term)
	// The runs of the sentence order, else the plain scan (sentenceruns.go).
	r.tokRun = tokenRuns(doc.Tokens, r.tok)
	if !r.tokRun {
		clear(r.tok)
		tokenRangesPlain(doc.Tokens, r.tok)
	}
	r.termRun = termRuns(doc.Terms, r.term)
	if !r.termRun {
		clear(r.term)
		termRangesPlain(doc.Terms, r.term)
	}
}

// termsOf is sentenceSpan read from the ranges when r indexed doc (as
// discriminate does for the rules after it): the index of sentence sent's
// first term and its terms, without two binary searches.
func (r *sentenceRanges) termsOf(doc *nlp.Document, sent int) (int, []nlp.Term) {
	if sent < 0 || sent >= len(r.term) || len(r.term) != len(doc.Sentences) {
		return sentenceSpan(doc, sent)
	}
	t := r.term[sent]
	return int(t[0]), doc.Terms[t[0]:t[1]]
}

// sentencesOf appends the distinct sentences of c's mentions (good ones
// only, scoring at least 0.8 of its best, when good) to dst. Sentences
// below 64, nearly all of a note's, are told apart by the bits of a word;
// the others by a sentSet (TestSentSetAgreesWithScan holds it to the scan).
func sentencesOf(c *candidate, good bool, dst []int) []int {
	dst = dst[:0]
	if len(c.mentions) == 0 {
		return dst
	}
	floor := 0.0
	if good {
		floor = 0.8 * c.bestScore()
	}
	var low uint64 // the listed sentences below 64
	var seen sentSet
	for i := range c.mentions {
		m := &c.mentions[i]
		s := m.sent
		if s < 0 || good && scoreOf(m) < floor {
			continue
		}
		if s < 64 {
			if low&(1<<s) == 0 {
				low |= 1 << s
				dst = append(dst, s)
			}
			continue
		}
		if !seen.has(dst, s) {
			dst = append(dst, s)
			seen.added(dst, s)
		}
	}
	return dst
}

// termID is the index term id of doc.Terms[j] ("unspecified" is
// unspecTerm), looked up once per note.
func (r *sentenceRanges) termID(doc *nlp.Document, ix *index.Index, j int) (uint32, bool) {
	if len(r.ids) != len(doc.Terms) {
		r.ids = r.ids[:0]
		var known []int32
		if ix == r.mainIx && r.mainIDs != nil && len(*r.mainIDs) == len(doc.Terms) {
			known = *r.mainIDs
		}
		for k, t := range doc.Terms {
			var id uint32
			var ok bool
			if known != nil {
				id, ok = uint32(known[k]), known[k] >= 0
			} else {
				id, ok = ix.TermID(t.Stem)
			}
			switch {
			case t.Norm == "unspecified":
				r.ids = append(r.ids, unspecTerm)
			case ok:
				r.ids = append(r.ids, int64(id))
			default:
				r.ids = append(r.ids, -1)
			}
		}
	}
	if r.ids[j] < 0 {
		return 0, false
	}
	return uint32(r.ids[j]), true
}

// noteTermID is termID for a term the note affirms: none for a negated
// term, unless "without" is all that negates it. Each term is judged once
// per note.
func (r *sentenceRanges) noteTermID(doc *nlp.Document, ix *index.Index, j int) (uint32, bool) {
	if len(r.nids) != len(doc.Terms) {
		r.nids = r.nids[:0]
		r.nidsAll = false
		for range doc.Terms {
			r.nids = append(r.nids, -2)
		}
	}
	if r.nids[j] == -2 {
		r.nids[j] = -1
		t := &doc.Terms[j]
		if t.Assert&nlp.Negated == 0 || withoutOnly(doc, t.Start, t.End) {
			if id, ok := r.termID(doc, ix, j); ok {
				r.nids[j] = int64(id)
			}
		}
	}
	if r.nids[j] < 0 {
		return 0, false
	}
	return uint32(r.nids[j]), true
}

// judged returns the note ids of all of doc's terms (nids, as noteTermID
// judges them), judging the terms not judged yet in one pass the first
// time a note asks: a term is affirmed (not negated, or negated by
// "without" only) and its index id known, else -1.
func (r *sentenceRanges) judged(doc *nlp.Document, ix *index.Index) []int64 {
	n := len(doc.Terms)
	if r.nidsAll && len(r.nids) == n {
		return r.nids
	}
	if n == 0 {
		r.nids, r.nidsAll = r.nids[:0], true
		return r.nids
	}
	r.termID(doc, ix, 0) // fills r.ids
	// Fresh: no term is judged yet (noteTermID sizes nids first), and each
	// is judged without being marked unjudged (-2) first.
	fresh := len(r.nids) != n
	if fresh {
		r.nids = slices.Grow(r.nids[:0], n)[:n]
	}
	ids, nids := r.ids[:n], r.nids[:n]
	for j := range nids {
		if !fresh && nids[j] != -2 {
			continue
		}
		nids[j] = -1
		if t := &doc.Terms[j]; ids[j] >= 0 && (t.Assert&nlp.Negated == 0 || withoutOnly(doc, t.Start, t.End)) {
			nids[j] = ids[j]
		}
	}
	r.nidsAll = true
	return r.nids
}

// saidIn returns the affirmed words of sentence s (Norm and Norm without a
// final "s"; negated only by "without" counts as affirmed), cached.
func (r *sentenceRanges) saidIn(doc *nlp.Document, s int) map[string]bool {
	if m, ok := r.said[s]; ok {
		return m
	}
	m := map[string]bool{}
	if s >= 0 && s < len(r.tok) {
		for i := r.tok[s][0]; i < r.tok[s][1]; i++ {
			t := &doc.Tokens[i]
			if !r.affirmed(doc, int(i)) {
				continue
			}
			m[t.Norm] = true
			m[strings.TrimSuffix(t.Norm, "s")] = true
		}
	}
	if r.said == nil {
		r.said = map[int]map[string]bool{}
	}
	r.said[s] = m
	return m
}

// affirmsWord reports whether saidIn(doc, s)[w] holds, by a scan of the
// sentence's tokens (no map is built): an affirmed token whose Norm, or
// Norm without a final "s", is w.
func (r *sentenceRanges) affirmsWord(doc *nlp.Document, s int, w string) bool {
	if m, ok := r.said[s]; ok {
		return m[w]
	}
	if s < 0 || s >= len(r.tok) {
		return false
	}
	for i := r.tok[s][0]; i < r.tok[s][1]; i++ {
		t := &doc.Tokens[i]
		if (t.Norm == w || strings.TrimSuffix(t.Norm, "s") == w) && r.affirmed(doc, int(i)) {
			return true
		}
	}
	return false
}

// affirmed reports whether token i is affirmed as saidIn reads it (not
// negated, or negated only by "without"), judged once per note.
func (r *sentenceRanges) affirmed(doc *nlp.Document, i int) bool {
	if len(r.aff) != len(doc.Tokens) {
		r.aff = r.aff[:0]
		for range doc.Tokens {
			r.aff = append(r.aff, 0)
		}
	}
	if r.aff[i] == 0 {
		r.aff[i] = 2
		if t := &doc.Tokens[i]; t.Assert&nlp.Negated == 0 || onlyWithout(doc, t) {
			r.aff[i] = 1
		}
	}
	return r.aff[i] == 1
}

// meaningWords is meaningWords(text), cached.
func (r *sentenceRanges) meaningWords(text string) []string {
	if ws, ok := r.words[text]; ok {
		return ws
	}
	if r.words == nil {
		r.words = map[string][]string{}
	}
	ws := meaningWords(text)
	r.words[text] = ws
	return ws
}
