package suggest

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"medcode/nlp"
)

// evidence turns up to n mentions into evidence spans, in note order.
func (e *Engine) evidence(doc *nlp.Document, c *candidate, n int) []Evidence {
	if len(c.mentions) == 0 {
		return []Evidence{}
	}
	// Best mention first, then by position.
	best := c.mentions[c.best]
	out := make([]Evidence, 0, min(n, len(c.mentions)))
	push := func(m mention) {
		if len(out) >= n {
			return
		}
		for _, o := range out {
			if o.Start == m.start && o.End == m.end {
				return
			}
		}
		ev := Evidence{Start: m.start, End: m.end, Text: doc.Text[m.start:m.end], Matched: m.name, MatchedKind: m.kind.String(),
			Assertions: assertionNames(m.assert), Assertion: assertionStatus(m.assert), Trigger: triggerText(doc, m.start, m.end, statusFlag(m.assert))}
		if m.section >= 0 && m.section < len(doc.Sections) {
			ev.Section = string(doc.Sections[m.section].Kind)
		}
		out = append(out, ev)
	}
	push(best)
	for _, m := range c.mentions {
		push(m)
	}
	return out
}

// render builds the explained suggestion of a returned candidate.
func (e *Engine) render(doc *nlp.Document, k *scored, req Request) Suggestion {
	c, code, f := k.c, k.code, k.f
	b := c.top()
	sents := map[int]bool{}
	var flags nlp.Assertion
	for _, cc := range append([]*candidate{c}, k.extra...) {
		for _, m := range cc.mentions {
			sents[m.sent] = true
			flags |= m.assert
		}
	}
	parts := []Explanation{{Value: k.score,
		Message: fmt.Sprintf("matched %s %q (coverage %.2f, cosine %.2f, order %.2f)", b.kind, b.name, b.hit.Coverage, b.hit.Cosine, b.hit.Order)}}
	parts = append(parts, Explanation{Value: float64(len(sents)), Message: "sentences mentioning it"})
	if b.dominated {
		parts = append(parts, Explanation{Value: round(f[7], 3), Message: "words also matched a longer, more specific name"})
	}
	if f[18] != 0 {
		parts = append(parts, Explanation{Value: round(f[18], 3), Message: "prior log-odds in training notes"})
	}
	if f[10] > 0 {
		parts = append(parts, Explanation{Value: round(f[11], 3), Message: "phrase learned from labelled notes"})
	}
	if k.adj != 0 {
		parts = append(parts, Explanation{Value: round(k.adj, 3), Message: "coder feedback adjustment (log-odds)"})
	}
	if c.historyOf != "" {
		parts = append(parts, Explanation{Value: 1, Message: "history code for " + c.historyOf + ", documented as past or in a relative"})
	}
	msg := "untrained confidence from retrieval score"
	if e.model != nil && (len(e.model.Weights) > 0 || len(e.model.Trees) > 0) {
		msg = "calibrated confidence from the trained re-ranker"
	}
	ev := e.evidence(doc, c, 5)
	for _, cc := range k.extra {
		ev = mergeEvidence(ev, e.evidence(doc, cc, 5))
	}
	if ev == nil {
		ev = []Evidence{}
	}
	cb := e.set.Brief(code)
	s := Suggestion{
		System: string(cb.System), SystemURI: cb.System.URI(), Code: cb.Code, Display: cb.Display,
		Confidence: k.conf, Score: k.score, Billable: cb.Billable,
		Evidence: ev, Edits: k.edits, Assertions: assertionNames(flags),
		Explanation: Explanation{Value: k.conf, Message: msg, Children: parts},
	}
	if req.Features {
		s.Features = slices.Clone(f) // f is pooled scratch
	}
	return s
}

// alternatives lists, for each suggestion, up to three other returned codes
// whose first evidence overlaps its own, by score.
func alternatives(sugs []Suggestion, scratch []Alternative) []Alternative {
	for i := range sugs {
		s := &sugs[i]
		if len(s.Evidence) == 0 {
			continue
		}
		ev := s.Evidence[0]
		alts := scratch[:0]
		for j, o := range sugs {
			if j == i || len(o.Evidence) == 0 {
				continue
			}
			if oe := o.Evidence[0]; oe.Start < ev.End && ev.Start < oe.End {
				alts = append(alts, Alternative{Code: o.Code, Display: o.Display, Score: o.Score})
			}
		}
		scratch = alts
		if len(alts) == 0 {
			continue
		}
		slices.SortStableFunc(alts, func(a, b Alternative) int {
			if c := cmp.Compare(b.Score, a.Score); c != 0 {
				return c
			}
			return strings.Compare(a.Code, b.Code)
		})
		s.Alternatives = slices.Clone(alts[:min(len(alts), 3)])
	}
	return scratch
}

func mergeEvidence(a, b []Evidence) []Evidence {
	seen := map[[2]int]bool{}
	var out []Evidence
	for _, e := range append(append([]Evidence(nil), a...), b...) {
		k := [2]int{e.Start, e.End}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}
