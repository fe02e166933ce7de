package suggest

import "medcode/nlp"

// knownFacts is what pendHits found of a candidate's mentions as it built
// them, kept in the candidate's first line (candidate.known, with
// topScore and shared): the passes up to the cap (siblings, assertLive,
// capLive) read each of a note's ~260 candidates, and a mention's line
// read there is one the search has long evicted, read again by the next
// pass. A candidate made otherwise (a sibling, a history) has none
// (zero) and its mentions are read. assertLive keeps the facts when the
// filter keeps every mention and forgets them when it drops some
// (TestKnownFactsAgree holds them to the mentions).
type knownFacts uint8

const (
	// knownScored: topScore is the best mention's score and shared the
	// flags every mention's assertion has.
	knownScored knownFacts = 1 << iota
	// knownShown: the best mention is one a rejection is shown for
	// (reportable).
	knownShown
)

// knownOf is knownScored with knownShown when m, a candidate's best
// mention, is one reportable shows (shownMention).
func knownOf(m *mention) knownFacts {
	if shownMention(m) {
		return knownScored | knownShown
	}
	return knownScored
}

// liveBest is c.bestScore(), read in c's first line when known.
func (c *candidate) liveBest() float64 {
	if c.known != 0 {
		return c.topScore
	}
	return c.bestScore()
}

// liveShown is reportable(c), read in c's first line when known.
func (c *candidate) liveShown() bool {
	if c.known != 0 {
		return c.known&knownShown != 0
	}
	return reportable(c)
}

// pastFlags agrees with sharedHistoryFlags(c.mentions) in the
// historical and family bits (the only ones to read of it), read in c's
// first line when known: the flags every mention's assertion has.
func (c *candidate) pastFlags() nlp.Assertion {
	if c.known != 0 {
		return c.shared
	}
	return sharedHistoryFlags(c.mentions)
}

// bestBoundOf is bestBound(c), read in c's first line when known: the
// best mention's score is the highest of its mentions'.
func (c *candidate) bestBoundOf() float64 {
	if c.known != 0 {
		return c.topScore
	}
	return bestBound(c)
}
