package suggest

import "medcode/nlp"

// filterState is assertLive's verdict on a candidate: none yet (below
// minCandidate, or rejected), kept by the filter, or left for its second
// pass.
type filterState uint8

const (
	filterNone filterState = iota
	filterKept
	filterWeak
)

// assertLive runs the assertion filter (applyAssertions) over the note's
// candidates that score at least minCandidate, and returns those it keeps
// in note order, appending the rejections worth showing a coder
// (reportable) to w.rejected with their evidence. k is the cap capLive
// applies after it (0: none, as for training requests).
//
// A dense note carries hundreds of candidates, and the cap keeps k: most
// of the rest are weak matches whose verdict nobody reads, for the cap
// drops them if they are kept and no coder is shown them if they are
// rejected (reportable). Their filter is left out where that is certain.
// The candidates a rejection would be shown for are filtered first, in
// note order; when k of them are kept, the k-th best kept score is a
// floor under the cap's cut (kept candidates filtered later can only
// raise it). A weak candidate whose best mention scores below that floor
// is never kept past the cap, however the filter judged it (the filter
// keeps a candidate's score at most its best mention's), and is skipped;
// the others are filtered in a second pass that lists what is kept in
// note order. capLive of what assertLive keeps is the same with or
// without the skip (TestAssertLiveAgrees).
func (e *Engine) assertLive(w *work, doc *nlp.Document, cands []*candidate, setting Setting, gates noteGates, k int) []*candidate {
	live := w.live[:0]
	var rej Rejection // applyAssertions' verdict on a candidate it drops
	if k <= 0 || len(cands) <= 2*k {
		// Every candidate is filtered, in one pass: the cap cannot drop
		// any, or too few are dropped to pay for the second pass (a dev
		// note of 100 to 200 candidates filters them no faster in two).
		for _, c := range cands {
			if c.liveBest() < e.minCandidate { // candidateknown.go: in c's first line
				continue
			}
			if !e.applyAssertions(w, c, setting, gates, &rej) {
				e.showRejected(w, doc, c, &rej)
				continue
			}
			live = append(live, e.keyed(c))
		}
		return live
	}
	scores := w.liveScores[:0] // the kept candidates' scores
	weak := false
	for _, c := range cands {
		c.filtered = filterNone
		if c.liveBest() < e.minCandidate {
			continue
		}
		if !c.liveShown() {
			c.filtered, weak = filterWeak, true
			continue
		}
		if !e.applyAssertions(w, c, setting, gates, &rej) {
			e.showRejected(w, doc, c, &rej)
			continue
		}
		c.filtered = filterKept
		e.keyed(c)
		scores = append(scores, c.liveBest())
	}
	w.liveScores = scores
	floor := -1.0 // every weak candidate is filtered
	if weak && len(scores) >= k {
		floor = nthSmallest(scores, len(scores)-k) // the k-th best (select.go)
	}
	for _, c := range cands {
		switch c.filtered {
		case filterKept:
			live = append(live, c)
		case filterWeak:
			if floor >= 0 && c.bestBoundOf() < floor {
				continue
			}
			if e.applyAssertions(w, c, setting, gates, &rej) {
				live = append(live, e.keyed(c)) // not reportable when dropped: nothing to show
			}
		}
	}
	return live
}

// showRejected lists c, which the filter dropped with verdict rej, among
// the rejections when a coder would be shown it (reportable), with its
// evidence (bound to the result by Suggest).
func (e *Engine) showRejected(w *work, doc *nlp.Document, c *candidate, rej *Rejection) {
	if reportable(c) {
		w.rejected = append(w.rejected, *rej)
		w.tail.evs = appendEvidence(w.tail.evs, doc, c, 3)
		w.tail.evEnds = append(w.tail.evEnds, len(w.tail.evs))
	}
}

// keyed sets c's key and returns c: assertLive sets the key of each
// candidate it keeps, while c is in cache, and of no other (collect's
// candidates have none before; most are dropped, and nothing reads
// theirs). It writes, not tests, the key: any candidate's, siblings' and
// histories' too, is already this string.
func (e *Engine) keyed(c *candidate) *candidate {
	c.key = e.set.CodeString(c.tgt.anyCode())
	return c
}

// bestBound is the highest score of c's mentions: applyAssertions keeps
// a candidate's best mention among its mentions, so its score after the
// filter is at most this.
func bestBound(c *candidate) float64 {
	b := 0.0
	for i := range c.mentions {
		b = max(b, c.scoreAt(i))
	}
	return b
}
