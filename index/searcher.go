package index

import "slices"

// Searcher searches one index in working memory of its own, kept from
// one search to the next: a caller running many searches (a note's
// sentences) holds one rather than taking the index's pooled scratch and
// returning it for each. A Searcher is not safe for concurrent use.
type Searcher struct {
	ix *Index
	sc *scratch
	// order is Find's list of the hits of its last search, in order.
	order []*Hit
	// refs are the refs of order's hits' names (Refs).
	refs []HitRef
}

// NewSearcher returns a Searcher of ix.
func (ix *Index) NewSearcher() *Searcher {
	return &Searcher{ix: ix, sc: ix.newScratch()}
}

// Index returns the index s searches.
func (s *Searcher) Index() *Index { return s.ix }

// SearchInto is the index's SearchInto, the same hits, run in s's memory.
func (s *Searcher) SearchInto(dst []Hit, pos []int32, q Query, opts SearchOptions) ([]Hit, []int32) {
	return s.ix.search(s.sc, dst, pos, q, opts)
}

// Find runs the search SearchInto runs and leaves its hits in s's memory
// rather than copying them out: it returns pointers to them in
// SearchInto's order (score desc, then name asc), valid until s's next
// search, and pos grown by their positions. A caller reading each hit
// once (a note's sentences) skips the copy, and may shorten or reorder
// the list (s's memory too). The hits keep pointers into pos until s's
// next search overwrites them.
func (s *Searcher) Find(pos []int32, q Query, opts SearchOptions) ([]*Hit, []int32) {
	minCov, pairs, ok := s.ix.plan(q, opts)
	if !ok {
		s.refs = s.refs[:0]
		return s.order[:0], pos // no query term has a record to read
	}
	found, keys, pos := s.ix.find(s.sc, pos, q, opts, minCov, pairs)
	order := slices.Grow(s.order[:0], len(keys))[:len(keys)] // grown once, not appended a hit at a time
	refs := slices.Grow(s.refs[:0], len(keys))[:len(keys)]
	recs := s.sc.refs
	for j, k := range keys {
		order[j] = &found[k.i]
		refs[j] = recs[k.i]
	}
	s.order, s.refs = order, refs
	return order, pos
}
