package index

// Searcher searches one index in working memory of its own, kept from
// one search to the next: a caller running many searches (a note's
// sentences) holds one rather than taking the index's pooled scratch and
// returning it for each. A Searcher is not safe for concurrent use.
type Searcher struct {
	ix *Index
	sc *scratch
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
