package suggest

import (
	"testing"

	"medcode/nlp"
)

// TestStatusFlagPlain holds statusFlag, which answers a present span with
// one test, to the walk of the flags in assertionStatus's order, for every
// combination of the assertion flags.
func TestStatusFlagPlain(t *testing.T) {
	for v := range 1 << 8 {
		a := nlp.Assertion(v)
		want := nlp.Assertion(0)
		for _, f := range []nlp.Assertion{nlp.Negated, nlp.Family, nlp.Hypothetical, nlp.Uncertain, nlp.Ended, nlp.Historical} {
			if a&f != 0 {
				want = f
				break
			}
		}
		if got := statusFlag(a); got != want {
			t.Fatalf("statusFlag(%b) = %b, want %b", a, got, want)
		}
	}
}
