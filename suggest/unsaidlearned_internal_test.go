package suggest

import (
	"testing"

	"medcode/nlp"
)

// unsaidHistory is unsaidLearned's plain form on a target: its code read
// from the code set.
func unsaidHistory(e *Engine, tgt *target, assert nlp.Assertion) bool {
	id := tgt.anyCode()
	if !pastOrFamilyCode(e.set.SystemOf(id), e.set.CodeString(id)) {
		return false
	}
	return assert&(nlp.Historical|nlp.Ended|nlp.Family) == 0
}

// TestUnsaidLearnedPlain holds unsaidLearned, which reads a target's
// history code from pastTargets' table, to unsaidHistory, which reads it
// from the code set, for every target of the index under assertions with
// and without each flag unsaidHistory reads.
func TestUnsaidLearnedPlain(t *testing.T) {
	base := SharedEngine(t)
	e := &Engine{set: base.set, lPast: pastTargets(base.set, base.targets)}
	said := [2]int{}
	for i := range base.targets {
		for _, a := range []nlp.Assertion{0, nlp.Negated, nlp.Historical, nlp.Ended, nlp.Family, nlp.Historical | nlp.Family, nlp.Hypothetical | nlp.Uncertain | nlp.Unrelated | nlp.Result, ^nlp.Assertion(0)} {
			want := unsaidHistory(e, &base.targets[i], a)
			if got := e.unsaidLearned(int32(i), a); got != want {
				t.Fatalf("target %d (%s), assertion %b: unsaidLearned %v, unsaidHistory %v", i, base.set.CodeString(base.targets[i].anyCode()), a, got, want)
			}
			if want {
				said[1]++
			} else {
				said[0]++
			}
		}
	}
	if said[0] == 0 || said[1] == 0 {
		t.Fatalf("answers %v: the test cannot fail", said)
	}
}
