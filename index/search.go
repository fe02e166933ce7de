package index

import (
	"cmp"
	"math"
	"slices"

	"medcode/corpus"
)

// Query is the analysed text of one sentence or list item: term ids and
// the position of each (terms expanded from one abbreviation share a
// position).
type Query struct {
	Terms []uint32
	Pos   []int32
}

// SearchOptions tune one search. The zero value works.
type SearchOptions struct {
	MinCoverage float64         // drop hits covering less of their name; 0 = 0.5
	MinScore    float64         // drop hits scoring less
	Systems     []corpus.System // empty: every system
	Limit       int             // 0: no limit
}

// Hit is one name matching a query, with every part of its score.
type Hit struct {
	Name     int32
	Code     int32
	Score    float64
	Coverage float64 // Σ matched w² / Σ name w²
	Cosine   float64 // TF-IDF cosine against the matched window
	Order    float64 // share of adjacent name-term pairs in note order
	Mass     float64 // Σ matched w (how much information matched)
	Matched  int     // matched terms
	Length   int     // terms in the name
	First    int32   // query position of the first matched term
	Last     int32   // query position of the last matched term
	// Positions are the query positions matched, one per matched name term.
	Positions []int32
}

// kindWeight scales scores by where a name comes from.
func kindWeight(k corpus.NameKind) float64 {
	switch k {
	case corpus.NameTitle, corpus.NameSynonym:
		return 1
	case corpus.NameInclusion, corpus.NameIndex, corpus.NameLearned:
		return 0.95
	case corpus.NameShort:
		return 0.85
	default:
		return 0.9
	}
}

// scratch is per-search working memory, pooled: a slot per term (the
// query positions of that term) and a bitset of visited names.
type scratch struct {
	slot    []int32   // term -> index into pos+1; 0 = not in query
	pos     [][]int32 // positions per distinct query term
	touched []uint32
	seen    []uint64
	seenIdx []uint32
}

func (ix *Index) getScratch() *scratch {
	if s, ok := ix.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{slot: make([]int32, len(ix.termStr)), seen: make([]uint64, (len(ix.names)+63)/64)}
}

func (ix *Index) putScratch(s *scratch) {
	for _, t := range s.touched {
		s.slot[t] = 0
	}
	for _, w := range s.seenIdx {
		s.seen[w] = 0
	}
	s.touched, s.seenIdx = s.touched[:0], s.seenIdx[:0]
	for i := range s.pos {
		s.pos[i] = s.pos[i][:0]
	}
	s.pos = s.pos[:0]
	ix.pool.Put(s)
}

// positions returns the query positions of term t (nil when absent).
func (s *scratch) positions(t uint32) []int32 {
	if k := s.slot[t]; k > 0 {
		return s.pos[k-1]
	}
	return nil
}

// Search finds the names a query mentions. Hits are in a total order:
// score desc, then name id asc.
func (ix *Index) Search(q Query, opts SearchOptions) []Hit {
	return ix.SearchInto(nil, q, opts)
}

// SearchInto is Search appending to dst[:0], so a caller searching many
// sentences can reuse one buffer.
func (ix *Index) SearchInto(dst []Hit, q Query, opts SearchOptions) []Hit {
	minCov := opts.MinCoverage
	if minCov == 0 {
		minCov = 0.5
	}
	sc := ix.getScratch()
	defer ix.putScratch(sc)
	for i, t := range q.Terms {
		if int(t) >= len(sc.slot) {
			continue
		}
		k := sc.slot[t]
		if k == 0 {
			sc.touched = append(sc.touched, t)
			if len(sc.pos) < cap(sc.pos) {
				sc.pos = sc.pos[:len(sc.pos)+1]
			} else {
				sc.pos = append(sc.pos, nil)
			}
			k = int32(len(sc.pos))
			sc.slot[t] = k
		}
		sc.pos[k-1] = append(sc.pos[k-1], q.Pos[i])
	}
	var allowed map[corpus.System]bool
	if len(opts.Systems) > 0 {
		allowed = map[corpus.System]bool{}
		for _, s := range opts.Systems {
			allowed[s] = true
		}
	}
	hits := dst[:0]
	arena := make([]int32, 0, 256)
	for _, t := range sc.touched {
		for _, ni := range ix.postings[t] {
			w, bit := ni/64, uint64(1)<<(ni%64)
			if sc.seen[w]&bit != 0 {
				continue
			}
			if sc.seen[w] == 0 {
				sc.seenIdx = append(sc.seenIdx, w)
			}
			sc.seen[w] |= bit
			n := &ix.names[ni]
			if allowed != nil && !allowed[ix.codes[n.code].System] {
				continue
			}
			if h, ok := ix.score(ni, n, sc, q, minCov, &arena); ok && h.Score >= opts.MinScore {
				hits = append(hits, h)
			}
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return cmp.Compare(a.Name, b.Name)
	})
	if opts.Limit > 0 && len(hits) > opts.Limit {
		hits = hits[:opts.Limit]
	}
	return hits
}

func (ix *Index) score(ni uint32, n *name, sc *scratch, q Query, minCov float64, arena *[]int32) (Hit, bool) {
	var m2, mass float64
	matched := 0
	anchor := int32(-1)
	bestW := -1.0
	for _, t := range n.terms {
		if p := sc.positions(t); p != nil {
			w := ix.weight[t]
			m2 += w * w
			mass += w
			matched++
			if w > bestW {
				bestW, anchor = w, p[0]
			}
		}
	}
	cov := m2 / n.norm2
	if cov < minCov || matched == 0 {
		return Hit{}, false
	}
	// Every matched term takes its occurrence nearest the anchor (the
	// rarest matched term).
	if cap(*arena)-len(*arena) < matched {
		*arena = make([]int32, 0, max(1024, matched))
	}
	a := len(*arena)
	positions := (*arena)[a : a : a+matched]
	first, last := int32(math.MaxInt32), int32(-1)
	for _, t := range n.terms {
		ps := sc.positions(t)
		if ps == nil {
			continue
		}
		best := ps[0]
		for _, p := range ps[1:] {
			if abs32(p-anchor) < abs32(best-anchor) {
				best = p
			}
		}
		positions = append(positions, best)
		first, last = min(first, best), max(last, best)
	}
	*arena = (*arena)[:a+matched]
	// Window norm: every query term inside [first, last].
	var win2 float64
	for i, t := range q.Terms {
		if p := q.Pos[i]; p >= first && p <= last && int(t) < len(ix.weight) {
			w := ix.weight[t]
			win2 += w * w
		}
	}
	cos := 0.0
	if win2 > 0 {
		cos = math.Min(1, m2/math.Sqrt(n.norm2*win2))
	}
	// Order: adjacent name terms (both matched) that appear in note order.
	pairs, inOrder := 0, 0
	for i := 1; i < len(positions); i++ {
		pairs++
		if positions[i] >= positions[i-1] {
			inOrder++
		}
	}
	order := 1.0
	if pairs > 0 {
		order = float64(inOrder) / float64(pairs)
	}
	score := kindWeight(n.kind) * cov * cov * (0.7 + 0.3*cos) * (0.85 + 0.15*order)
	return Hit{
		Name: int32(ni), Code: n.code, Score: score,
		Coverage: cov, Cosine: cos, Order: order, Mass: mass,
		Matched: matched, Length: len(n.terms),
		First: first, Last: last, Positions: positions,
	}, true
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
