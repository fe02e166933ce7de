package suggest

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"medcode/corpus"
	"medcode/index"
)

// SearchCodes ranks codes whose names match q (autocomplete): a code typed
// as such comes first, then names holding every word of q, the last word
// matched as a prefix. Results are deduplicated per code, in a total order
// (score desc, system, code).
func (e *Engine) SearchCodes(ctx context.Context, q string, systems []corpus.System, limit int) ([]CodeMatch, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, ErrEmptyNote
	}
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	var out []CodeMatch
	seen := map[string]bool{}
	push := func(m CodeMatch) {
		k := m.System + "|" + m.Code
		if !seen[k] && len(out) < limit {
			seen[k] = true
			out = append(out, m)
		}
	}
	// A code typed directly, and its children.
	for _, sys := range corpus.AllSystems() {
		if len(systems) > 0 && !contains(systems, sys) {
			continue
		}
		if id, ok := e.set.ID(sys, q); ok {
			c := e.set.Brief(id)
			push(CodeMatch{System: string(sys), Code: c.Code, Display: c.Display, Score: 1, Matched: c.Code})
			for _, k := range e.set.Children(id) {
				kc := e.set.Brief(k)
				push(CodeMatch{System: string(sys), Code: kc.Code, Display: kc.Display, Score: 0.99, Matched: kc.Code})
			}
		}
	}
	terms := e.pipe.Terms(q)
	if len(terms) == 0 {
		return out, nil
	}
	var query index.Query
	for i, t := range terms {
		if id, ok := e.ix.TermID(t.Stem); ok {
			query.Terms = append(query.Terms, id)
			query.Pos = append(query.Pos, int32(i))
		}
	}
	// The word being typed: every vocabulary term it begins.
	last := terms[len(terms)-1]
	if !strings.HasSuffix(q, " ") {
		for _, id := range e.ix.PrefixTerms(strings.ToLower(last.Norm), 30) {
			query.Terms = append(query.Terms, id)
			query.Pos = append(query.Pos, int32(len(terms)-1))
		}
	}
	if len(query.Terms) == 0 {
		return out, nil
	}
	hits := e.ix.Search(query, index.SearchOptions{MinCoverage: 0.2, Systems: systems, Limit: 2000})
	// Rank by how much of the query the name covers, then by the name's own
	// coverage (short, exact names first).
	type ranked struct {
		h     index.Hit
		qcov  float64
		score float64
	}
	rs := make([]ranked, 0, len(hits))
	for _, h := range hits {
		qcov := float64(distinct(h.Positions)) / float64(len(terms))
		rs = append(rs, ranked{h: h, qcov: qcov, score: 0.6*qcov + 0.4*h.Coverage})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return rs[i].h.Name < rs[j].h.Name
	})
	for _, r := range rs {
		t := e.targets[r.h.Code]
		c := t.code
		if c == 0 {
			c = t.stem
		}
		if c == 0 {
			continue
		}
		b := e.set.Brief(c)
		push(CodeMatch{System: string(b.System), Code: b.Code, Display: b.Display, Score: round(r.score, 4), Matched: e.ix.NameText(r.h.Name)})
	}
	return out, nil
}

func distinct(p []int32) int {
	return len(sortedUnique(p))
}
