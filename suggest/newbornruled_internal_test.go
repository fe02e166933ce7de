package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestNewbornRuled holds newbornRuled's first-byte test to the prefixes
// alone, on codes made of the prefixes' bytes and others.
func TestNewbornRuled(t *testing.T) {
	plain := func(s *Suggestion) bool {
		if s.System != string(corpus.ICD10CM) {
			return false
		}
		for _, p := range newbornPrefixes {
			if strings.HasPrefix(s.Code, p) {
				return true
			}
		}
		return false
	}
	codes := []string{"", "P", "Z", "P07", "P07.2", "P07.21", "P07.3", "P07.39", "Z00.1", "Z00.11", "Z00.110", "Z3A", "Z3A.32", "Z3", "A07.2", "p07.2", "E11.9"}
	r := rand.New(rand.NewPCG(28, 2))
	const alphabet = "PZA073.12"
	for range 20000 {
		b := make([]byte, r.IntN(7))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		codes = append(codes, string(b))
	}
	for _, sys := range []string{string(corpus.ICD10CM), string(corpus.CPT)} {
		for _, c := range codes {
			s := &Suggestion{System: sys, Code: c}
			if got, want := newbornRuled(s), plain(s); got != want {
				t.Fatalf("%s %q: newbornRuled %v, prefixes %v", sys, c, got, want)
			}
		}
	}
}
