package suggest

import (
	"cmp"
	"math"
	"slices"

	"medcode/corpus"
)

// compete ranks each candidate among those whose best mentions overlap its
// own in the same sentence: is it the best reading of its words? Within a
// sentence the best mentions are swept in start order, so only overlapping
// pairs are compared.
func compete(cs []*candidate) {
	type span struct {
		c          *candidate
		start, end int
		score      float64
	}
	bySent := map[int][]span{}
	for _, c := range cs {
		m := c.mentions[c.best]
		c.spanRank, c.margin = 0, mentionScore(m)
		bySent[m.sent] = append(bySent[m.sent], span{c, m.start, m.end, mentionScore(m)})
	}
	for _, g := range bySent {
		slices.SortFunc(g, func(a, b span) int { return cmp.Compare(a.start, b.start) })
		for i := range g {
			for j := i + 1; j < len(g) && g[j].start < g[i].end; j++ {
				// g[i] and g[j] overlap.
				a, b := &g[i], &g[j]
				a.c.margin = math.Min(a.c.margin, a.score-b.score)
				b.c.margin = math.Min(b.c.margin, b.score-a.score)
				switch {
				case b.score > a.score || b.score == a.score && b.c.key < a.c.key:
					a.c.spanRank++
				default:
					b.c.spanRank++
				}
			}
		}
	}
}

// coocEdge is a code coded together with another more often than chance.
type coocEdge struct {
	code string
	lift float64
}

// cooccur sets each candidate's best co-occurrence lift with the anchors:
// ICD-10-CM candidates whose best mention matched a name almost exactly.
func (e *Engine) cooccur(cs []*candidate) {
	if len(e.cooc) == 0 {
		return
	}
	anchors := map[string]bool{}
	for _, c := range cs {
		if k := c.tgt.anyCode(); k.System == corpus.ICD10CM && !c.prior && mentionScore(c.mentions[c.best]) >= 0.8 && !c.sibling {
			anchors[k.Code] = true
		}
	}
	for _, c := range cs {
		k := c.tgt.anyCode()
		if k.System != corpus.ICD10CM {
			continue
		}
		for _, edge := range e.cooc[k.Code] {
			if edge.lift > c.cooc && anchors[edge.code] {
				c.cooc = edge.lift
			}
		}
	}
}

// siblings adds, for each ICD-10-CM candidate with good evidence, the codes
// of its category that training notes used most (Model.CategoryTop), on the
// same evidence: coders often pick another code of the category than the
// one whose name matched best.
func (e *Engine) siblings(cands []*candidate) []*candidate {
	if len(e.catTop) == 0 {
		return cands
	}
	have := make(map[*corpus.Code]bool, len(cands))
	for _, c := range cands {
		have[c.tgt.anyCode()] = true
	}
	out := cands
	for _, c := range cands {
		code := c.tgt.anyCode()
		if code.System != corpus.ICD10CM || len(code.Code) < 3 || mentionScore(c.mentions[c.best]) < 0.5 {
			continue
		}
		for _, t := range e.catTop[code.Code[:3]] {
			k := t.anyCode()
			if have[k] {
				continue
			}
			have[k] = true
			out = append(out, &candidate{key: k.Code, tgt: t, mentions: c.mentions, best: c.best, sibling: true})
		}
	}
	return out
}
