package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"medcode/internal/testenv"
)

// nameClashPlain is nameClash as it read before the words' ASCII was
// tracked in their scan: each name word is scanned again by
// sameWordASCII.
func nameClashPlain(word, name string) bool {
	noteCaps := allCaps(word) && len(word) >= 2
	lw := ""
	for i := 0; i < len(name); {
		r, n := rune(name[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(name[i:])
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(name) {
			r, n := rune(name[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(name[j:])
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		nw := name[i:j]
		i = j
		if same, ok := sameWordASCII(word, nw); ok {
			if !same {
				continue
			}
		} else {
			if lw == "" {
				lw = strings.ToLower(word)
			}
			if ln := strings.ToLower(nw); lw != ln && lw != ln+"s" {
				continue
			}
		}
		nameCaps := allCaps(nw) && len(nw) >= 2
		return nameCaps != noteCaps
	}
	return false
}

// TestNameClash holds nameClash to nameClashPlain over random words and
// names of ASCII and other letters (some changing length when lowered),
// digits, punctuation and invalid UTF-8.
func TestNameClash(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "b", "s", "S", "A", "B", "pin", "PIN", "Pin", "fit", "FIT", "1", "é", "É", "\u212a", "k", "K", "İ", "i", "ß", "’", "'", " ", ",", "-", "\xff"}
	clashAgreement(t, r, pieces, 200000, 12, 4, false, 1000, "nameClash", nameClash)
}

// clashAgreement holds clash to nameClashPlain over rounds random words
// (1 to 3 pieces) and names (up to nameMax-1 pieces); one name in inOne
// ends with the word, in another case half the time (and more pieces
// after it when tail). It fails unless both answers came, true at least
// minTrue times.
func clashAgreement(t *testing.T, r *rand.Rand, pieces []string, rounds, nameMax, inOne int, tail bool, minTrue int, fn string, clash func(word, name string) bool) {
	t.Helper()
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	seen := [2]int{}
	for range rounds {
		word, name := gen(1+r.IntN(3)), gen(r.IntN(nameMax))
		if r.IntN(inOne) == 0 {
			name += " " + word // the word in the name, maybe in another case
			if tail {
				name += gen(r.IntN(3))
			}
			if r.IntN(2) == 0 {
				name = strings.ToUpper(name)
			}
		}
		want := nameClashPlain(word, name)
		if got := clash(word, name); got != want {
			t.Fatalf("%s(%q, %q) = %v, want %v", fn, word, name, got, want)
		}
		if want {
			seen[1]++
		} else {
			seen[0]++
		}
	}
	if seen[0] == 0 || seen[1] < minTrue {
		t.Fatalf("cases not covered: %v", seen)
	}
}

// TestAlnumASCII holds alnumASCII to unicode's letters and digits over
// every ASCII byte.
func TestAlnumASCII(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		if got, want := alnumASCII(c), unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)); got != want {
			t.Errorf("alnumASCII(%q) = %v, want %v", c, got, want)
		}
	}
}

// TestNameClashASCII holds nameClash's ASCII scan (nameClashASCII) to
// the plain scan over ASCII words and names.
func TestNameClashASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"a", "b", "s", "S", "A", "B", "pin", "PIN", "Pin", "pins", "fit", "FIT", "Fit", "1", "2b", "B12", " ", ",", "-", "'", "(", "[", "/"}
	clashAgreement(t, r, pieces, 20000, 14, 3, true, 500, "nameClashASCII", nameClashASCII)
}

// TestIsASCII holds isASCII, read eight bytes at a time, to the scan of
// every byte over random strings, mostly ASCII.
func TestIsASCII(t *testing.T) {
	plain := func(s string) bool {
		for i := range len(s) {
			if s[i] >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	r := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(128))
			if r.IntN(40) == 0 {
				b[i] = byte(128 + r.IntN(128))
			}
		}
		if got, want := isASCII(string(b)), plain(string(b)); got != want {
			t.Fatalf("isASCII(%q) = %v, want %v", b, got, want)
		}
	}
}
