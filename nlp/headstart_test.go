package nlp

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHeadStarts holds headStarts.may to the plain test it stands before:
// whenever headerKind knows headerKey(s), may(s) is true. The candidates
// are the known keys themselves, cased and decorated, and random phrases
// of their words, other words, "and" and the radiology suffixes.
func TestHeadStarts(t *testing.T) {
	p := testPipeline(t)
	known := func(s string) bool {
		key, ok := headerKey(nil, s)
		if !ok {
			return false
		}
		_, ok = p.headerKind(key)
		return ok
	}
	words := []string{"and", "AND", "impression", "Findings", "patient", "is", "a", "54", "year", "old",
		"pain", "x", "o", "s", "f", "u", "s/p", "CT", "chest", "MRI"}
	for k := range p.headers {
		words = append(words, strings.Fields(k)...)
	}
	seps := []string{" ", "  ", ", ", "/", " & ", "-", "\t", ". ", " (", ") "}
	var cands []string
	for k := range p.headers {
		cands = append(cands, k, strings.ToUpper(k), titled(k), "and "+k, "AND "+strings.ToUpper(k),
			"chest "+k, "CT chest "+k, "- "+k, "("+k+")", "#"+k+" and")
	}
	rng := rand.New(rand.NewPCG(25, 5))
	for range 20000 {
		var b strings.Builder
		if rng.IntN(4) == 0 {
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		for i, n := 0, 1+rng.IntN(5); i < n; i++ {
			if i > 0 {
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			w := words[rng.IntN(len(words))]
			switch rng.IntN(3) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				w = titled(w)
			}
			b.WriteString(w)
		}
		if rng.IntN(4) == 0 {
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		cands = append(cands, b.String())
	}
	rejected, knownN := 0, 0
	for _, s := range cands {
		k, m := known(s), p.heads.may(s)
		if k && !m {
			t.Fatalf("may(%q) = false, but %q is a known header", s, s)
		}
		if k {
			knownN++
		}
		if !m {
			rejected++
		}
	}
	// The test must see both sides: headers and ruled-out phrases.
	if knownN < 1000 || rejected < 1000 {
		t.Fatalf("%d known, %d ruled out of %d: the candidates miss a side", knownN, rejected, len(cands))
	}
	for _, s := range []string{"Patient is a 54 year old male.", "BP 120/80, HR 88", "Denies fever or chills"} {
		if p.heads.may(s) {
			t.Errorf("may(%q) = true, want false", s)
		}
	}
}

// titled upper-cases the first letter of each space-separated word of s.
func titled(s string) string {
	b := []byte(s)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
