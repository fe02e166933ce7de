package suggest

import "slices"

// capLive keeps at most k (the engine's maxLive) of the live candidates:
// those whose best mention scores highest, ties kept in note order, the
// survivors in their original order. Every later pass (slot values, refinement, sites,
// features, the ranker, conflicts) costs per candidate, and a dense note
// carries hundreds whose best words match a name only weakly (a 2 KB note
// of four visits: ~260, of which ~15 are returned); the cap bounds that
// work without reading the words again.
//
// The cap applies after the assertion filter, so a negated or family
// condition is still reported as rejected whatever its rank. Training
// requests (Request.Features) are not capped: the ranker learns from every
// candidate. Measured on every suite, the cap at 100 changed no suite by
// more than a thousandth of MAP (README, Performance).
func (e *Engine) capLive(w *work, live []*candidate, k int) []*candidate {
	if k <= 0 || len(live) <= k {
		return live
	}
	scores := slices.Grow(w.liveScores[:0], len(live))
	for _, c := range live {
		scores = append(scores, c.liveBest()) // candidateknown.go: in c's first line
	}
	sorted := append(w.liveSorted[:0], scores...)
	cut := nthSmallest(sorted, len(sorted)-k) // the k-th best score (select.go)
	w.liveScores, w.liveSorted = scores, sorted
	ties := k // room left at the cut score
	for _, s := range scores {
		if s > cut {
			ties--
		}
	}
	out := live[:0]
	for i, c := range live {
		s := scores[i]
		if s < cut || s == cut && ties == 0 {
			continue
		}
		if s == cut {
			ties--
		}
		out = append(out, c)
	}
	return out
}
