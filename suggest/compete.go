package suggest

import (
	"cmp"
	"math"
	"slices"

	"medcode/corpus"
	"medcode/nlp"
)

// span is a candidate's best mention, for compete.
type span struct {
	c          *candidate
	sent       int
	start, end int
	score      float64
}

// compete ranks each candidate among those whose best mentions overlap its
// own in the same sentence: is it the best reading of its words? Within a
// sentence the best mentions are swept in start order, so only overlapping
// pairs are compared.
func compete(w *work, cs []*candidate) {
	g := competeSpans(w, cs)
	if !sortSpansPacked(&w.rk, g) { // competepack.go
		sortSpans(&w.rk, g)
	}
	sweepSpans(g)
}

// competeSpans resets each candidate's rank and margin and returns their
// best mentions' spans, in w's scratch, in the order of cs.
func competeSpans(w *work, cs []*candidate) []span {
	g := w.spans[:0]
	for _, c := range cs {
		m := &c.mentions[c.best]
		s := c.bestScore()
		c.spanRank, c.margin = 0, s
		g = append(g, span{c, m.sent, m.start, m.end, s})
	}
	w.spans = g
	return g
}

// sweepSpans compares the overlapping spans of g (sorted by sentence,
// then start): each pair lowers both candidates' margins and ranks the
// lesser reading below the other.
func sweepSpans(g []span) {
	for i := range g {
		for j := i + 1; j < len(g) && g[j].sent == g[i].sent && g[j].start < g[i].end; j++ {
			// g[i] and g[j] overlap.
			a, b := &g[i], &g[j]
			a.c.margin = minMath(a.c.margin, a.score-b.score)
			b.c.margin = minMath(b.c.margin, b.score-a.score)
			switch {
			case b.score > a.score || b.score == a.score && b.c.key < a.c.key:
				a.c.spanRank++
			default:
				b.c.spanRank++
			}
		}
	}
}

// sortSpans sorts g by sentence, then start. It sorts (sentence, start)
// keys packed in a number with each span's index, small to move, rather
// than the spans: every comparison has the outcome it has on the spans,
// so the sort leaves spans that tie in the order slices.SortFunc leaves
// them in.
func sortSpans(r *rankScratch, g []span) {
	keys := r.spanKeys[:0]
	for i, s := range g {
		if s.sent < 0 || s.start < 0 || uint64(s.sent) > math.MaxUint32 || uint64(s.start) > math.MaxUint32 {
			slices.SortFunc(g, func(a, b span) int {
				if a.sent != b.sent {
					return cmp.Compare(a.sent, b.sent)
				}
				return cmp.Compare(a.start, b.start)
			})
			return
		}
		keys = append(keys, spanKey{uint64(s.sent)<<32 | uint64(s.start), int32(i)})
	}
	r.spanKeys = keys
	slices.SortFunc(keys, func(a, b spanKey) int { return cmp.Compare(a.key, b.key) })
	sorted := r.spans[:0]
	for _, k := range keys {
		sorted = append(sorted, g[k.i])
	}
	copy(g, sorted)
	clear(sorted) // no candidate kept alive by the scratch
	r.spans = sorted
}

// spanKey is a span's sentence and start, packed, and its index.
type spanKey struct {
	key uint64
	i   int32
}

// coocEdge is a code coded together with another more often than chance.
type coocEdge struct {
	code corpus.ID
	lift float64
}

// cooccur sets each candidate's best co-occurrence lift with the anchors:
// ICD-10-CM candidates whose best mention matched a name almost exactly.
// It reads what countCategories, which reads each candidate's code facts
// just before, noted of the same candidates (anchorCooc): the anchors,
// and where each candidate's edges lie.
func (e *Engine) cooccur(w *work, cs []*candidate) {
	if len(e.cooc) == 0 || len(w.rk.anchors.ids) == 0 {
		return
	}
	// Only ICD-10-CM codes have edges; they come by lift, highest first,
	// so the first anchor met is the best.
	anchors, spans, flat := &w.rk.anchors, w.rk.coocAt[:len(cs)], e.rank.coocFlat
	for i, c := range cs {
		for _, edge := range flat[spans[i][0]:spans[i][1]] {
			if edge.lift <= c.cooc {
				break
			}
			if anchors.has(edge.code) {
				c.cooc = edge.lift
				break
			}
		}
	}
}

// anchorCooc notes for cooccur, of candidate c of code k whose facts are
// f (fact, nil when not in the table; the fact factRef gives), where its
// edges lie and whether it is an anchor.
func (e *Engine) anchorCooc(r *rankScratch, c *candidate, k corpus.ID, fact, f *codeFact) {
	var at, end int32
	if fact != nil && fact.ncooc != coocSpill {
		at, end = fact.cooc, fact.cooc+int32(fact.ncooc)
	} else {
		at, end = e.coocSpanAt(k)
	}
	r.coocAt = append(r.coocAt, [2]int32{at, end})
	if f.flags&factICD != 0 && !c.sibling && c.bestScore() >= 0.8 {
		r.anchors.add(k)
	}
}

// siblings adds, for each ICD-10-CM candidate with good evidence, the codes
// of its category that training notes used most (Model.CategoryTop), on the
// same evidence: coders often pick another code of the category than the
// one whose name matched best.
//
// It also makes histories' first test of every candidate while the
// candidate is at hand (a pass of its own re-read ~350 candidates and
// their mentions from memory): it appends to hist the indexes in the
// candidates it returns of those whose every mention is historical or a
// relative's (sharedHistoryFlags), a sibling's as its source's (it shares
// the source's mentions), in order, and returns hist.
func (e *Engine) siblings(w *work, cands []*candidate, hist []int32) ([]*candidate, []int32) {
	have := &w.sc.codes // every collected code is in it already (candidateOf)
	out := cands
	var spare codeFact
	sorted := true // hist is in index order
	for i, c := range cands {
		past := c.pastFlags()&(nlp.Historical|nlp.Family) != 0 // candidateknown.go
		if past {
			hist = append(hist, int32(i))
		}
		// The candidate's own score first: it is at hand, the code's
		// facts are a table read.
		if len(e.catTop) == 0 || c.liveBest() < 0.5 {
			continue
		}
		code := c.tgt.anyCode()
		f := e.factIn(code) // inlined: the table's entry, the call only past it
		if f == nil {
			f = e.factRef(code, &spare)
		}
		if f.flags&factICD == 0 || f.length < 3 {
			continue
		}
		for _, t := range e.catTopOf(code, f) {
			k := t.anyCode()
			if have.get(k) != nil {
				continue
			}
			s := w.candidate()
			*s = candidate{key: e.set.CodeString(k), tgt: t, mentions: c.mentions, best: c.best, sibling: true}
			have.put(k, s)
			out = append(out, s)
			if past {
				hist = append(hist, int32(len(out)-1))
				sorted = false
			}
		}
	}
	if !sorted {
		slices.Sort(hist) // the siblings' after every collected candidate's
	}
	return out, hist
}
