package suggest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestAnySuggestedICD holds suggestedICD and anySuggestedICD to a plain
// filter of the suggestions, over random results and prefixes.
func TestAnySuggestedICD(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 29))
	codes := []string{"E10.9", "E11.65", "E13.9", "E08.00", "Z68.32", "Z68", "E1", "I10", "99213", "E11", "", "\xe9Z", "e11.9"}
	systems := []string{string(corpus.ICD10CM), string(corpus.CPT), "ICD-10-XX", ""}
	prefixes := []string{"E08", "E09", "E10", "E11", "E13", "Z68", "E1", "", "E11.65", "99", "\xe9", "e1"}
	for range 5000 {
		res := &Result{}
		for range rng.IntN(6) {
			res.Suggestions = append(res.Suggestions, Suggestion{System: systems[rng.IntN(len(systems))], Code: codes[rng.IntN(len(codes))]})
		}
		var ps []string
		for range rng.IntN(4) {
			ps = append(ps, prefixes[rng.IntN(len(prefixes))])
		}
		var want []Suggestion
		for _, s := range res.Suggestions {
			if s.System == string(corpus.ICD10CM) && slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(s.Code, p) }) {
				want = append(want, s)
			}
		}
		if got := suggestedICD(res, ps...); !slices.EqualFunc(got, want, func(a, b Suggestion) bool { return a.System == b.System && a.Code == b.Code }) {
			t.Fatalf("%+v %q: suggestedICD %+v, want %+v", res.Suggestions, ps, got, want)
		}
		if got := anySuggestedICD(res, ps...); got != (len(want) > 0) {
			t.Fatalf("%+v %q: anySuggestedICD %v, want %v", res.Suggestions, ps, got, len(want) > 0)
		}
	}
}
