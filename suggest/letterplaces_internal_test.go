package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLetterPlacesIsScan: the walk gives every place of the letter in
// either case, in order, and nothing else.
func TestLetterPlacesIsScan(t *testing.T) {
	texts := []string{"", "b", "B", "x", "bB", "Bb", "abcBCb", "BMI 31, body mass", "no such letter", "ßb\u212aB"}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "bBcCx é"
	for range 500 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for _, c := range []byte{'b', 'c'} {
			var want, got []int
			for i := 0; i < len(s); i++ {
				if s[i] == c || s[i] == c-('a'-'A') {
					want = append(want, i)
				}
			}
			p := newLetterPlaces(s, c)
			for j := p.next(); j >= 0; j = p.next() {
				got = append(got, j)
			}
			if p.next() != -1 {
				t.Errorf("%q %c: next past the end is not -1", s, c)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q %c: places %v, want %v", s, c, got, want)
			}
		}
	}
}
