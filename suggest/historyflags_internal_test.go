package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/nlp"
)

// TestSharedHistoryFlags holds sharedHistoryFlags to the AND of every
// mention's flags: the same historical and family bits, and the same
// unrelated bit whenever one of those is left (histories reads it only
// then), over random mention lists.
func TestSharedHistoryFlags(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 7))
	flags := []nlp.Assertion{nlp.Historical, nlp.Family, nlp.Unrelated, nlp.Negated, nlp.Ended}
	left := 0
	for range 20000 {
		ms := make([]mention, rng.IntN(6))
		for i := range ms {
			for _, f := range flags {
				if rng.IntN(3) > 0 {
					ms[i].assert |= f
				}
			}
		}
		plain := nlp.Historical | nlp.Family | nlp.Unrelated
		for i := range ms {
			plain &= ms[i].assert
		}
		got := sharedHistoryFlags(ms)
		hf := nlp.Historical | nlp.Family
		if got&hf != plain&hf || plain&hf != 0 && got != plain {
			t.Fatalf("mentions %v: sharedHistoryFlags %b, plain %b", ms, got, plain)
		}
		if plain&hf != 0 {
			left++
		}
	}
	if left == 0 {
		t.Fatal("no list kept a historical or family flag: the test reads nothing")
	}
}
