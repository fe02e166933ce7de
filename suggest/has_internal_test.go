package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// hasPlain is has's plain form: the system, then the code, compared whole.
func hasPlain(res *Result, sys corpus.System, code string) int {
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		if s.System == string(sys) && s.Code == code {
			return i
		}
	}
	return -1
}

// TestHasAgrees holds has to hasPlain over random lists of codes that
// share systems, lengths and last bytes, sought present and absent, the
// empty code and duplicates included.
func TestHasAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	systems := []corpus.System{corpus.ICD10CM, corpus.CPT, corpus.HCPCS}
	codes := []string{"", "E11.9", "E11.8", "F11.9", "I10", "I11", "99213", "99214", "J1100", "S72.001A", "S72.001D", "T72.001A", "Z79.4"}
	for range 3000 {
		res := &Result{}
		for range r.IntN(12) {
			res.Suggestions = append(res.Suggestions, Suggestion{System: string(systems[r.IntN(len(systems))]), Code: codes[r.IntN(len(codes))]})
		}
		for _, sys := range systems {
			for _, c := range codes {
				if got, want := has(res, sys, c), hasPlain(res, sys, c); got != want {
					t.Fatalf("has(%v, %s, %q) = %d, plain %d", res.Suggestions, sys, c, got, want)
				}
			}
		}
	}
}
