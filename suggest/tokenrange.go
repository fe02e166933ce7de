package suggest

import (
	"sort"

	"medcode/nlp"
)

// tokenRange returns the range [lo, hi) of doc's tokens that lie within
// the bytes [start, end) (t.Start >= start && t.End <= end): tokens are
// non-empty, do not overlap and are in text order, so they are one run
// found by a binary search rather than a scan of the note.
func tokenRange(doc *nlp.Document, start, end int) (int, int) {
	toks := doc.Tokens
	// sort.Search for the first token at start or after, written out:
	// the injury rules ask it per suggestion and evidence span, and the
	// closure's call per step cost more than the step.
	lo, n := 0, len(toks)
	for lo < n {
		m := int(uint(lo+n) >> 1)
		if toks[m].Start < start {
			lo = m + 1
		} else {
			n = m
		}
	}
	hi := lo
	for hi < len(toks) && toks[hi].End <= end {
		hi++
	}
	return lo, hi
}

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

// evidenceRange is tokenRange over the bytes from the first start to the
// last end of evs: every token within a span of evs is in it.
func evidenceRange(doc *nlp.Document, evs []Evidence) (int, int) {
	if len(evs) == 0 {
		return 0, 0
	}
	start, end := evs[0].Start, evs[0].End
	for _, ev := range evs[1:] {
		start, end = min(start, ev.Start), max(end, ev.End)
	}
	return tokenRange(doc, start, end)
}
