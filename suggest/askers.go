package suggest

// askers answers unconcluded's question, whether a recommended candidate's
// notes ask for a code ("use additional code for associated symptoms" of
// N40.1), for one note's candidates: the plain form (askedPlain, its test)
// reads every candidate's names per code asked about, a quadratic pass of
// memo lookups; askers reads them once, on the first question, and keeps
// only the candidates whose notes pair a code at all. A candidate's
// confidence is read at each question, as the plain form does: unconcluded
// lowers candidates between questions, and a lowered one asks no more.
type askers struct {
	e     *Engine
	ks    []scored
	thr   float64
	built bool
	by    []asker
}

// asker is a candidate (index into ks) whose notes pair codes, and its
// names.
type asker struct {
	i int
	n *conflictNames
}

// asks reports whether a candidate at or above the threshold pairs code.
func (a *askers) asks(code string) bool {
	if !a.built {
		a.built = true
		// A candidate below the threshold now stays below: unconcluded
		// only lowers, and only candidates at or above it.
		for i := range a.ks {
			if a.ks[i].conf >= a.thr {
				if n := a.e.conflictNames(a.ks[i].code); n.nPaired != 0 {
					a.by = append(a.by, asker{i, n})
				}
			}
		}
	}
	for _, b := range a.by {
		if a.ks[b.i].conf >= a.thr && pairedWith(b.n, code) {
			return true
		}
	}
	return false
}
