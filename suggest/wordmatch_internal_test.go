package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// wordMatchPlain is wordMatch's plain form.
func wordMatchPlain(n, w string) bool {
	if p, ok := strings.CutSuffix(w, "*"); ok {
		return strings.HasPrefix(n, p)
	}
	return n == w
}

// TestWordMatch holds wordMatch to wordMatchPlain on hand-picked words
// (empty ones, a lone "*", a pattern as long as the token) and on random
// words over a small alphabet, so that prefixes and equal words are
// common.
func TestWordMatch(t *testing.T) {
	words := []string{"", "*", "**", "a", "a*", "ab", "ab*", "vaccin*", "vaccine", "vaccin", "vacci", "flu", "flu*", "*a", "a**"}
	for _, n := range words {
		for _, w := range words {
			if got, want := wordMatch(n, w), wordMatchPlain(n, w); got != want {
				t.Fatalf("wordMatch(%q, %q) = %v, want %v", n, w, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(5))
		for i := range b {
			b[i] = "ab*"[r.IntN(3)]
		}
		return string(b)
	}
	matched := 0
	for range 200000 {
		n, w := word(), word()
		got, want := wordMatch(n, w), wordMatchPlain(n, w)
		if got != want {
			t.Fatalf("wordMatch(%q, %q) = %v, want %v", n, w, got, want)
		}
		if want {
			matched++
		}
	}
	if matched == 0 {
		t.Fatal("no random pair matched: the test reads nothing")
	}
}
