package suggest

import "slices"

// The spans' order for compete's sweep, by packed numbers: each span's
// sentence, start and index in one uint64, sorted by slices.Sort (no
// comparison function called per step, as slices.SortFunc of sortSpans'
// keys calls one), ties of sentence and start then in index order where
// pdqsort leaves them in an order of its own. The sweep's answer does
// not depend on the order of such ties when every span is longer than
// empty (of two spans of one start, each overlaps the other either way
// round), no score is NaN (of two scores one is then greater or they are
// equal, and a margin is minMath of the same numbers, in whatever order:
// the least, -Inf when one is, NaN when one is and none is -Inf) and the
// candidates of a tie have distinct keys (the rank's tie-break decides
// between them): sortSpansPacked sorts only such spans, and
// TestCompetePackedAgrees holds compete to the SortFunc order.

// Bits of a packed span: its index in the low spanIndexBits, its start
// above them, its sentence at the top.
const (
	spanIndexBits = 20
	spanStartBits = 24
	spanSentBits  = 64 - spanIndexBits - spanStartBits
)

// sortSpansPacked sorts g by sentence, then start, as sortSpans does but
// for the order of ties, and reports true; it reports false, g as it
// was, for spans whose ties' order could change the sweep's answer or
// that the packed numbers cannot hold.
func sortSpansPacked(r *rankScratch, g []span) bool {
	if len(g) >= 1<<spanIndexBits {
		return false
	}
	ord := r.spanOrd[:0]
	for i := range g {
		s := &g[i]
		if uint64(s.sent) >= 1<<spanSentBits || uint64(s.start) >= 1<<spanStartBits || s.end <= s.start || s.score != s.score {
			r.spanOrd = ord
			return false
		}
		ord = append(ord, uint64(s.sent)<<(spanStartBits+spanIndexBits)|uint64(s.start)<<spanIndexBits|uint64(i))
	}
	r.spanOrd = ord
	slices.Sort(ord)
	// The candidates of a tie must have distinct keys: each pair of a
	// run of equal sentence and start is compared (runs are short).
	for lo := 0; lo < len(ord); {
		hi := lo + 1
		for hi < len(ord) && ord[hi]>>spanIndexBits == ord[lo]>>spanIndexBits {
			hi++
		}
		for a := lo; a < hi; a++ {
			for b := a + 1; b < hi; b++ {
				if g[ord[a]&(1<<spanIndexBits-1)].c.key == g[ord[b]&(1<<spanIndexBits-1)].c.key {
					return false
				}
			}
		}
		lo = hi
	}
	sorted := r.spans[:0]
	for _, k := range ord {
		sorted = append(sorted, g[k&(1<<spanIndexBits-1)])
	}
	copy(g, sorted)
	clear(sorted) // no candidate kept alive by the scratch
	r.spans = sorted
	return true
}
