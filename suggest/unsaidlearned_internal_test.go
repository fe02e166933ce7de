package suggest

import (
	"testing"

	"medcode/nlp"
)

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
			want := e.unsaidHistory(&base.targets[i], a)
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
