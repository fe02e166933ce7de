package suggest

import "medcode/nlp"

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
// raise it). A candidate left for later whose best mention scores below
// that floor is never kept past the cap, however the filter judged it
// (the filter keeps a candidate's score at most its best mention's), and
// is skipped; the others are filtered and merged back in note order.
// capLive of what assertLive keeps is the same with or without the skip
// (TestAssertLiveAgrees).
func (e *Engine) assertLive(w *work, doc *nlp.Document, cands []*candidate, setting Setting, gates noteGates, k int) []*candidate {
	live := w.live[:0]
	var rej Rejection                       // applyAssertions' verdict on a candidate it drops
	later, at := w.later[:0], w.laterAt[:0] // at: later's places among cands
	for i, c := range cands {
		if c.bestScore() < e.minCandidate { // scoreat.go: read in place
			continue
		}
		if k > 0 && !reportable(c) {
			later, at = append(later, c), append(at, int32(i))
			continue
		}
		if !e.applyAssertions(w, c, setting, gates, &rej) {
			if reportable(c) {
				w.rejected = append(w.rejected, rej)
				w.tail.evs = appendEvidence(w.tail.evs, doc, c, 3) // its evidence, bound by the caller
				w.tail.evEnds = append(w.tail.evEnds, len(w.tail.evs))
			}
			continue
		}
		live = append(live, c)
	}
	w.later, w.laterAt = later, at
	if len(later) == 0 {
		return live
	}
	floor := -1.0 // every later candidate is filtered
	if len(live) >= k {
		scores := w.liveScores[:0]
		for _, c := range live {
			scores = append(scores, c.bestScore())
		}
		floor = nthSmallest(scores, len(scores)-k) // the k-th best (select.go)
		w.liveScores = scores
	}
	// The later candidates kept, with their places; live's places are
	// wanted only when some are.
	n := 0
	for j, c := range later {
		if floor >= 0 && bestBound(c) < floor {
			continue
		}
		if !e.applyAssertions(w, c, setting, gates, &rej) {
			continue // not reportable: nothing to show
		}
		later[n], at[n] = c, at[j]
		n++
	}
	if n == 0 {
		return live
	}
	merged := mergeByPlace(cands, live, later[:n], at[:n], w.liveMerge[:0])
	w.liveMerge = live[:0] // the two arrays swap roles: no copy back
	return merged
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

// mergeByPlace merges live (a subsequence of cands, in order) and more
// (candidates at places at of cands, in order) into out in cands' order.
// live's places are found by walking cands once.
func mergeByPlace(cands, live, more []*candidate, at []int32, out []*candidate) []*candidate {
	i, j := 0, 0
	for p, c := range cands {
		switch {
		case j < len(more) && int(at[j]) == p:
			out = append(out, more[j])
			j++
		case i < len(live) && live[i] == c:
			out = append(out, c)
			i++
		}
		if i == len(live) && j == len(more) {
			break
		}
	}
	return out
}
