package suggest

import (
	"sort"

	"medcode/nlp"
)

// overlapRange returns the range [lo, hi) of doc's tokens that share a
// byte with [start, end) (t.End > start && t.Start < end). Tokens are
// non-empty, do not overlap and are in text order, so their ends are in
// order too and the tokens are one run found by a binary search: a rule
// asking per evidence span of a long note does not scan the whole note.
func overlapRange(doc *nlp.Document, start, end int) (int, int) {
	toks := doc.Tokens
	lo := sort.Search(len(toks), func(i int) bool { return toks[i].End > start })
	hi := lo
	for hi < len(toks) && toks[hi].Start < end {
		hi++
	}
	return lo, hi
}
