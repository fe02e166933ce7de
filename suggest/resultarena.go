package suggest

import "slices"

// resultArena holds the arrays a Result is rendered into: the
// suggestions, their evidence spans, explanation parts and alternatives
// (each suggestion's cut from one array), and the rejections and their
// evidence. A Result handed back by Release gives its arena to a later
// Suggest, which renders into the same arrays instead of allocating
// them: rendering was about two thirds of the garbage of coding a note.
type resultArena struct {
	sugs  []Suggestion
	evs   []Evidence
	parts []Explanation
	alts  []Alternative
	rej   []Rejection
	// rejEvs holds the evidence of the rejections found before ranking
	// (tailScratch.bindEvidence).
	rejEvs []Evidence
	// more holds the evidence of the rejections found later, each cut
	// from its end (Engine.evidence).
	more []Evidence
	// edits holds the candidates' edits, each list cut from its end
	// (work.withEdit).
	edits []Edit
}

// maxPooledSuggestions bounds the arenas kept for reuse: an arena that
// rendered more suggestions than this (a long note asking for hundreds)
// is left to the collector rather than carried by every later note.
const maxPooledSuggestions = 512

// getArena returns an arena from the pool, or a new empty one.
func (e *Engine) getArena() *resultArena {
	if a, ok := e.arenas.Get().(*resultArena); ok {
		return a
	}
	return &resultArena{}
}

// Release hands res, a Result this engine's Suggest returned, back for
// reuse: a later Suggest renders into its arrays. After Release the
// caller must not read res or anything reached from it (suggestions,
// evidence, explanations, alternatives, rejections): their contents are
// cleared and then overwritten. Releasing is optional; a Result never
// released is collected as usual. Release of nil, of a Result released
// already, or of one no engine made does nothing.
func (e *Engine) Release(res *Result) {
	if res == nil || res.arena == nil {
		return
	}
	a := res.arena
	// The coding rules may have grown the suggestions past the arena's
	// array; keep the larger one.
	if cap(res.Suggestions) > cap(a.sugs) {
		a.sugs = res.Suggestions
	}
	if len(res.Rejected) > len(a.rej) && cap(res.Rejected) == cap(a.rej) {
		a.rej = res.Rejected // a caller appended to the returned list
	}
	*res = Result{}
	// Each array is zero past what this note wrote (the Release before
	// cleared it, or it was new), so the six whose writers leave their
	// length at the end of what they wrote are cleared to it: a dev note
	// writes some 17 KB of them, whose capacity, grown to the largest
	// note's, is some 56 KB. TestReleaseClearsArena holds every array to
	// all zero after Release.
	a.sugs = clearFull(a.sugs) // the coding rules insert, delete and cut: no extent known
	a.evs = clearFull(a.evs)
	a.parts = clearLen(a.parts)
	a.alts = clearLen(a.alts)
	a.rej = clearLen(a.rej)
	a.rejEvs = clearLen(a.rejEvs)
	a.more = clearLen(a.more)
	a.edits = clearLen(a.edits)
	if cap(a.sugs) > maxPooledSuggestions {
		return
	}
	e.arenas.Put(a)
}

// clearFull zeroes all of s's array (so a pooled arena keeps no note's
// strings alive) and returns it empty.
func clearFull[T any](s []T) []T {
	s = s[:cap(s)]
	clear(s)
	return s[:0]
}

// clearLen zeroes s's elements up to its length and returns it empty:
// for an array whose writers (renderAll's parts, alternatives,
// bindEvidence, Suggest's rejections, evidence's and withEdit's appends)
// leave its length at the end of what they wrote, and write nothing past
// it.
func clearLen[T any](s []T) []T {
	clear(s)
	return s[:0]
}

// reuse returns *buf's array emptied, with room for n, and sets *buf to
// it (grown when too short). It is never nil: an empty list is encoded
// [] as a new one was, not null.
func reuse[T any](buf *[]T, n int) []T {
	s := slices.Grow((*buf)[:0], n)
	if s == nil {
		s = make([]T, 0)
	}
	*buf = s
	return s
}
