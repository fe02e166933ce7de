package suggest

// applyAssertions is applyAssertionsFull (rules.go) for a note's every
// candidate, its rejection written to *rej when it drops c: most
// candidates' codes are neither history nor family codes, none of their
// gates can fire in the note and no mention is blocked, and then every
// mention is kept as it is and only the best is found again. That case is
// read here in one small loop over the mentions, testing each and scoring
// it; any other goes to applyAssertionsFull, whose large frame and
// rejection (zeroed on entry and on return, as a result returned by value
// is) the common case does not pay. TestApplyAssertionsFast holds it to
// applyAssertionsFull.
func (e *Engine) applyAssertions(w *work, c *candidate, setting Setting, g noteGates, rej *Rejection) bool {
	var spare codeFact
	f := e.factIn(c.tgt.anyCode()) // inlined: ~340 calls a note
	if f == nil {
		f = e.factRef(c.tgt.anyCode(), &spare)
	}
	if ms := c.mentions; len(ms) > 0 && f.asrt&(asrtHistory|asrtFamily) == 0 && !g.mayGate(f) {
		a, allowed := f.asrt, allowedBy(f, setting)
		if blockedBy(a, ms[0].assert, allowed) == 0 {
			best, top := 0, c.scoreAt(0)
			i := 1
			for ; i < len(ms); i++ {
				if blockedBy(a, ms[i].assert, allowed) != 0 {
					break
				}
				if s := c.scoreAt(i); s > top {
					best, top = i, s
				}
			}
			if i == len(ms) {
				c.best = best
				return true
			}
		}
	}
	r, ok := e.applyAssertionsFull(w, c, setting, g)
	// The full filter may drop mentions: what pendHits knew of them
	// (candidateknown.go) no longer holds. The loop above finds the best
	// pendHits found, and keeps it.
	c.known = 0
	if !ok {
		*rej = r
	}
	return ok
}
