package corpus

import (
	"math/rand/v2"
	"testing"
)

// canonicalPlain is canonical's plain form: one switch per byte.
func canonicalPlain(sys System, s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			if sys == ICD10CM && i == 3 {
				return false
			}
		case c == '.' && sys == ICD10CM && i == 3 && len(s) > 4:
		default:
			return false
		}
	}
	return true
}

// TestCanonicalAgrees holds canonical to canonicalPlain over a table of
// edge cases and random short strings over the bytes that matter.
func TestCanonicalAgrees(t *testing.T) {
	cases := []string{"", "E", "E1", "E11", "E11.", "E11.9", "E119", "e11.9", "E1.19", "E11..", "S72.001A",
		"99213", "J1100", "j1100", ".", "E11.9 ", " E11.9", "E11.@", "E11.[", "E11.Z", "E11./", "E11.:", "E11.`"}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "AZaz09.@[/:` -E1"
	for range 20000 {
		b := make([]byte, r.IntN(10))
		for i := range b {
			if r.IntN(8) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
		cases = append(cases, string(b))
	}
	for _, sys := range []System{ICD10CM, CPT, HCPCS, "other"} {
		for _, s := range cases {
			if got, want := canonical(sys, s), canonicalPlain(sys, s); got != want {
				t.Errorf("canonical(%s, %q) = %v, plain %v", sys, s, got, want)
			}
		}
	}
}
