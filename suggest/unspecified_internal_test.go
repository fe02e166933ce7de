package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestSaysUnspecified holds saysUnspecified to containsFoldPlain on every
// ICD-10-CM title of the real set and on random short texts (case, a
// folded "ſ", a word cut at either end).
func TestSaysUnspecified(t *testing.T) {
	e := realEngine(t)
	n := 0
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		d := e.set.Brief(id).Display
		got, want := saysUnspecified(d), containsFoldPlain(d, "unspecified")
		if got != want {
			t.Fatalf("saysUnspecified(%q) = %v, want %v", d, got, want)
		}
		if got {
			n++
		}
	}
	if n == 0 {
		t.Error("no unspecified title in the set")
	}
	parts := []string{"unspecified", "Unspecified", "UNSPECIFIED", "unſpecified", "unspecifie", "nspecified", "p", "u", " ", ",", "x", "of "}
	r := rand.New(rand.NewPCG(18, 4))
	for range 5000 {
		d := randomText(r, parts, 8)
		if got, want := saysUnspecified(d), containsFoldPlain(d, "unspecified"); got != want {
			t.Fatalf("saysUnspecified(%q) = %v, want %v", d, got, want)
		}
	}
}

// randomText joins fewer than most pieces drawn at random from parts: the
// texts the fast forms' random tests hold to their plain forms.
func randomText(r *rand.Rand, parts []string, most int) string {
	var sb strings.Builder
	for range r.IntN(most) {
		sb.WriteString(parts[r.IntN(len(parts))])
	}
	return sb.String()
}
