package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// inRowPlain is the plain form rowWords.says stands for.
func inRowPlain(words []string, norm string) bool {
	for _, w := range words {
		if norm == w || strings.TrimSuffix(norm, "s") == w {
			return true
		}
	}
	return false
}

// TestRowWordsSays holds the first-byte filter to the plain compare: on
// random short words over a small alphabet (plurals, "s", "" and bytes
// past 127 included) and on every token of the dev notes against rows'
// words.
func TestRowWordsSays(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 9))
	word := func() string {
		const abc = "sabcz\xc3\xa9"
		b := make([]byte, rng.IntN(4))
		for i := range b {
			b[i] = abc[rng.IntN(len(abc))]
		}
		return string(b)
	}
	said := 0
	for range 20000 {
		words := make([]string, rng.IntN(4))
		for i := range words {
			words[i] = word()
		}
		rw := newRowWords(words)
		norm := word()
		if rng.IntN(3) == 0 && len(words) > 0 {
			norm = words[0] + "s"
		}
		got, want := rw.says(norm), inRowPlain(words, norm)
		if got != want {
			t.Fatalf("words %q norm %q: says %v, plain %v", words, norm, got, want)
		}
		if want {
			said++
		}
	}
	rows := [][]string{{"initial", "encounter", "closed", "fracture"}, {"sequela"}, {"subsequent", "routine", "healing"}, {"nonunion"}, {"left"}, {"right", "side"}}
	if !testing.Short() {
		pipe, err := nlp.New(nlp.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, note := range testenv.DevNotes(t) {
			if i >= 40 {
				break
			}
			for _, tok := range pipe.Analyze(note).Tokens {
				for _, words := range rows {
					rw := newRowWords(words)
					got, want := rw.says(tok.Norm), inRowPlain(words, tok.Norm)
					if got != want {
						t.Fatalf("words %q norm %q: says %v, plain %v", words, tok.Norm, got, want)
					}
					if want {
						said++
					}
				}
			}
		}
	}
	if said == 0 {
		t.Fatal("no word said: the test compares nothing")
	}
}
