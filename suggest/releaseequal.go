package suggest

import "reflect"

// shareEqual makes e, an older release's engine, use the tables of newest,
// the newest release's, that came out equal: most of a release's tables
// (the "with" convention, hypertension, sequelae, the Neoplasm Table,
// status and allergy rules, co-occurrence, the model's trees) are the same
// in consecutive releases, and one copy serves both. A table that differs
// stays e's own. Equal content reads the same, so output is unchanged.
func (e *Engine) shareEqual(newest *Engine) {
	share(&e.excl, newest.excl)
	share(&e.with, newest.with)
	share(&e.coder.stems, newest.coder.stems)
	share(&e.htn, newest.htn)
	share(&e.sequela, newest.sequela)
	share(&e.dueTo, newest.dueTo)
	share(&e.identified, newest.identified)
	share(&e.organismDue, newest.organismDue)
	share(&e.status, newest.status)
	share(&e.allergy, newest.allergy)
	share(&e.drugs, newest.drugs)
	share(&e.neo, newest.neo)
	share(&e.cooc, newest.cooc)
	share(&e.catTop, newest.catTop)
	share(&e.lWeight, newest.lWeight)
	share(&e.bridge, newest.bridge)
	share(&e.forest, newest.forest)
	share(&e.ceiling, newest.ceiling)
	share(&e.vague, newest.vague)
	e.internEdits(newest)
}

// share sets *mine to theirs when the two are deeply equal.
func share[T any](mine *T, theirs T) {
	if reflect.DeepEqual(*mine, theirs) {
		*mine = theirs
	}
}

// internEdits makes e's edits use newest's message strings where they
// are the same text: a release's edits are mostly its neighbour's.
func (e *Engine) internEdits(newest *Engine) {
	msgs := make(map[string]string, len(newest.edits))
	for _, ed := range newest.edits {
		msgs[ed.Message] = ed.Message
	}
	for i := range e.edits {
		if m, ok := msgs[e.edits[i].Message]; ok {
			e.edits[i].Message = m
		}
	}
}
