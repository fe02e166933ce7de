package suggest

import "medcode/index"

// searcherOf returns w's searcher of ix, the learned names' index when
// learned is set, made the first time a note searches it: a note's
// searches keep their working memory rather than take an index's pooled
// scratch and return it for each sentence.
func (w *work) searcherOf(ix *index.Index, learned bool) *index.Searcher {
	k := 0
	if learned {
		k = 1
	}
	s := w.searchers[k]
	if s == nil || s.Index() != ix {
		s = ix.NewSearcher()
		w.searchers[k] = s
	}
	return s
}
