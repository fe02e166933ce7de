package suggest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/corpus"
)

// TestMergeYielded holds mergeYielded equal to sorting the ranked and the
// yielded candidates together with sortScored: ties of confidence and
// log-odds broken by system and code, final lists not in order and NaN
// (both sorted as one then).
func TestMergeYielded(t *testing.T) {
	e, ids := sortFixture()
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...float64) float64 { return xs[rng.IntN(len(xs))] }
	w := &work{}
	merged := 0
	for round := range 3000 {
		perm := rng.Perm(len(ids))
		nf, ny := rng.IntN(20), rng.IntN(8)
		var final, yielded []scored
		for n, p := range perm[:nf+ny] {
			k := scored{code: ids[p], conf: pick(0.3, 0.5, 0.5, 0.7), z: pick(-1, 0, 1), score: pick(0.8, 0.9)}
			if round%10 == 9 && n == 0 {
				k.conf = math.NaN()
			}
			if n < nf {
				final = append(final, k)
			} else {
				yielded = append(yielded, k)
			}
		}
		ranked := false
		if round%7 != 6 {
			ranked = e.sortScored(w, final) // in rank order, as resolveConflicts keeps it
		}
		want := append(slices.Clone(final), yielded...)
		if len(yielded) > 0 { // resolveConflicts' plain form: nothing yielded, nothing sorted
			e.sortScored(w, want)
		}
		if len(yielded) > 0 && e.rankOrdered(final) && numbersOrdered(yielded) {
			merged++
		}
		got := e.mergeYielded(w, slices.Clone(final), slices.Clone(yielded), ranked && round%2 == 0)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d merged, want %d", round, len(got), len(want))
		}
		for i := range want {
			if got[i].code != want[i].code || math.Float64bits(got[i].conf) != math.Float64bits(want[i].conf) {
				t.Fatalf("round %d: at %d got %v (%v), want %v (%v)", round, i, got[i].code, got[i].conf, want[i].code, want[i].conf)
			}
		}
	}
	if merged < 1000 {
		t.Fatalf("only %d rounds merged: the test does not exercise the merge", merged)
	}
}

// sortFixture is an engine over 40 codes of two systems, ordered by
// neither ID nor string alone, and the codes' IDs system by system: the
// set the sort agreement tests draw candidates from.
func sortFixture() (*Engine, []corpus.ID) {
	var codes []*corpus.Code
	for i := range 40 {
		sys := corpus.ICD10CM
		if i%5 == 0 {
			sys = corpus.CPT
		}
		codes = append(codes, &corpus.Code{System: sys, Code: fmt.Sprintf("C%02d", (i*17)%40)})
	}
	e := &Engine{set: corpus.NewSet(codes, nil)}
	var ids []corpus.ID
	for _, sys := range e.set.Systems() {
		ids = append(ids, e.set.IDs(sys)...)
	}
	return e, ids
}
