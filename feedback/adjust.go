package feedback

import (
	"math"
	"sync"
)

// MaxAdjust bounds the log-odds adjustment Adjust returns.
const MaxAdjust = 2.0

// Weights of the two parts of an adjustment: the code's own record, and the
// record of the code with the same evidence terms.
const (
	codeWeight = 0.5
	termWeight = 1.0
)

// tally counts positive (accepted, added) and negative (rejected) actions.
type tally struct{ pos, neg float64 }

// logRatio is the add-one smoothed log ratio of positive to negative.
func (t tally) logRatio() float64 { return math.Log((t.pos + 1) / (t.neg + 1)) }

// adjuster holds feedback tallies in memory. The zero value is empty and
// ready; it is safe for concurrent use.
type adjuster struct {
	mu    sync.RWMutex
	codes map[codeRef]tally
	terms map[string]tally // system|code|term
}

// codeRef names a code.
type codeRef struct{ system, code string }

func codeKey(system, code string) string { return system + "|" + code }

// add counts one event; e must be normalized.
func (a *adjuster) add(e Event) {
	var d tally
	switch e.Action {
	case Accepted, Added:
		d.pos = 1
	case Rejected:
		d.neg = 1
	default:
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.codes == nil {
		a.codes, a.terms = map[codeRef]tally{}, map[string]tally{}
	}
	k := codeKey(e.System, e.Code)
	t := a.codes[codeRef{e.System, e.Code}]
	t.pos, t.neg = t.pos+d.pos, t.neg+d.neg
	a.codes[codeRef{e.System, e.Code}] = t
	for _, term := range e.Terms {
		tk := k + "|" + term
		t := a.terms[tk]
		t.pos, t.neg = t.pos+d.pos, t.neg+d.neg
		a.terms[tk] = t
	}
}

// Adjusts reports whether any feedback concerns the code.
func (a *adjuster) Adjusts(system, code string) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	_, ok := a.codes[codeRef{system, code}]
	return ok
}

// Adjust returns the log-odds adjustment for a code given the terms of its
// evidence: half the smoothed log ratio of its accepted to rejected
// feedback, plus the mean smoothed log ratio over the given terms that were
// seen with the code, clamped to ±MaxAdjust. Codes without feedback get 0.
// Terms are compared case-insensitively with collapsed spaces.
func (a *adjuster) Adjust(system, code string, terms []string) float64 {
	a.mu.RLock()
	defer a.mu.RUnlock()
	t, ok := a.codes[codeRef{system, code}]
	if !ok {
		return 0
	}
	k := codeKey(system, code)
	v := codeWeight * t.logRatio()
	var sum float64
	var n int
	for _, term := range terms {
		if tt, ok := a.terms[k+"|"+normTerm(term)]; ok {
			sum += tt.logRatio()
			n++
		}
	}
	if n > 0 {
		v += termWeight * sum / float64(n)
	}
	return math.Max(-MaxAdjust, math.Min(MaxAdjust, v))
}
