package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// TestAnySuggestedICD holds anySuggestedICD to the plain form,
// len(suggestedICD(...)) > 0, over random results and prefixes.
func TestAnySuggestedICD(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 29))
	codes := []string{"E10.9", "E11.65", "E13.9", "E08.00", "Z68.32", "Z68", "E1", "I10", "99213", "E11", ""}
	systems := []string{string(corpus.ICD10CM), string(corpus.CPT), "ICD-10-XX", ""}
	prefixes := []string{"E08", "E09", "E10", "E11", "E13", "Z68", "E1", "", "E11.65", "99"}
	for range 5000 {
		res := &Result{}
		for range rng.IntN(6) {
			res.Suggestions = append(res.Suggestions, Suggestion{System: systems[rng.IntN(len(systems))], Code: codes[rng.IntN(len(codes))]})
		}
		var ps []string
		for range rng.IntN(4) {
			ps = append(ps, prefixes[rng.IntN(len(prefixes))])
		}
		if got, want := anySuggestedICD(res, ps...), len(suggestedICD(res, ps...)) > 0; got != want {
			t.Fatalf("%+v %q: %v, want %v", res.Suggestions, ps, got, want)
		}
	}
}
