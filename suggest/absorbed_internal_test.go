package suggest

import (
	"math/rand/v2"
	"testing"
)

// TestAbsorbedCodesIsMap holds absorbedCodes to the map it stands for:
// random sets (a later one replacing an earlier) and lookups of codes set
// and not.
func TestAbsorbedCodesIsMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 27))
	codes := []string{"I10", "I11.0", "I50.9", "N18.3", "E11.9", "E11.22", "", "I10 "}
	for round := range 200 {
		var a absorbedCodes
		m := map[string]string{}
		for range r.IntN(8) {
			code, by := codes[r.IntN(len(codes))], codes[r.IntN(len(codes))]
			a.set(code, by)
			m[code] = by
		}
		if len(a) != len(m) {
			t.Fatalf("round %d: %d codes, map %d", round, len(a), len(m))
		}
		for _, code := range codes {
			got, ok := a.by(code)
			want, wok := m[code]
			if got != want || ok != wok {
				t.Fatalf("round %d: by(%q) = %q, %v; map %q, %v", round, code, got, ok, want, wok)
			}
		}
	}
}
