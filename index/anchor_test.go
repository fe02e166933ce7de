package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSearchAnchor holds score's matched positions, whose anchor it looks
// up only for a query repeating a term, to the plain rule: each matched
// name term takes its query occurrence nearest the first position of the
// rarest matched term (the first of the heaviest in name order), the
// first such occurrence of equals.
func TestSearchAnchor(t *testing.T) {
	ix := build(t)
	texts := []string{
		"chest pain, then pain in the chest again and chest pain",
		"type 2 diabetes with chronic kidney disease, diabetes type 2, kidney disease chronic",
		"pain pain pain, unspecified pain",
		"high blood pressure and blood pressure high, pressure",
	}
	var queries []Query
	for _, text := range texts {
		queries = append(queries, query(t, ix, text))
	}
	// Random queries over the vocabulary, terms repeated and positions in
	// and out of order.
	rng := rand.New(rand.NewPCG(7, 25))
	for range 300 {
		queries = append(queries, randomQuery(rng, 12, ix.Terms(), false))
	}
	checked := 0
	for _, q := range queries {
		for _, h := range ix.Search(q, SearchOptions{MinCoverage: 0.3}) {
			want := plainPositions(ix, q, h.Name)
			if !slices.Equal(h.Positions, want) {
				t.Fatalf("query %v name %d: positions %v, want %v", q, h.Name, h.Positions, want)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d hits checked", checked)
	}
}

// plainPositions is the matched positions of name n for q by the plain
// rule TestSearchAnchor states.
func plainPositions(ix *Index, q Query, n int32) []int32 {
	occ := func(term uint32) []int32 {
		var ps []int32
		for i, u := range q.Terms {
			if u == term {
				ps = append(ps, q.Pos[i])
			}
		}
		return ps
	}
	var matched []uint32
	for _, term := range ix.appendTerms(nil, &ix.names[n]) {
		if len(occ(term)) > 0 {
			matched = append(matched, term)
		}
	}
	if len(matched) == 0 {
		return nil
	}
	rare := matched[0]
	for _, term := range matched[1:] {
		if ix.weight[term] > ix.weight[rare] {
			rare = term
		}
	}
	anchor := occ(rare)[0]
	var out []int32
	for _, term := range matched {
		ps := occ(term)
		best := ps[0]
		for _, p := range ps[1:] {
			if abs32(p-anchor) < abs32(best-anchor) {
				best = p
			}
		}
		out = append(out, best)
	}
	return out
}
