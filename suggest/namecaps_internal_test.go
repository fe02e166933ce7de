package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/index"
	"medcode/internal/testenv"
)

// TestNameClashCaps holds nameClashCaps, which skips the scan of a name
// for a word none of its capitals words is, to nameClashPlain over random
// words and names, ASCII and not.
func TestNameClashCaps(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewPCG(31, 32))
	pieces := []string{"a", "b", "s", "S", "A", "B", "pin", "PIN", "Pin", "pins", "PINS", "fit", "FIT", "Fit", "1", "2b", "B12", "é", "É", "\u212a", "k", "K", " ", ",", "-", "'", "(", "/", "\xff"}
	clashAgreement(t, r, pieces, 200000, 14, 3, true, 1000, "nameClashCaps", func(word, name string) bool {
		return nameClashCaps(word, name, nameCapsOf(nil, name))
	})
}

// TestCaseClashMemo holds nameClashCaps, with the capitals words the
// engine remembers per name, to nameClash on every name of the real index
// flagged NameCapitals, against each of its words as written, in lower
// case, in capitals, capitalised, and with an "s".
func TestCaseClashMemo(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := realEngine(t)
	ix := e.ix
	checked, clashes := 0, 0
	for n := range int32(ix.Len()) {
		if !ix.NameHas(n, index.NameCapitals) {
			continue
		}
		name := ix.NameText(n)
		c := e.nameCaps.get(ix, false, n, nameCapsOf)
		for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
			for _, word := range []string{w, strings.ToLower(w), strings.ToUpper(w), strings.ToUpper(w[:1]) + strings.ToLower(w[1:]), w + "s", strings.ToLower(w) + "s"} {
				want := nameClash(word, name)
				if got := nameClashCaps(word, name, c); got != want {
					t.Fatalf("name %q, word %q: nameClashCaps %v, nameClash %v", name, word, got, want)
				}
				checked++
				if want {
					clashes++
				}
			}
		}
	}
	if clashes == 0 || clashes == checked {
		t.Fatalf("%d words checked, %d clash: the test reads no case of both answers", checked, clashes)
	}
	t.Logf("%d words checked, %d clash", checked, clashes)
}

// TestCapsWord holds capsWord, which reads a lower-case ASCII letter in
// the first two bytes as no acronym at once, to its plain form over random
// words of ASCII and other runes.
func TestCapsWord(t *testing.T) {
	r := rand.New(rand.NewPCG(33, 34))
	pieces := []string{"a", "z", "A", "Z", "1", "-", "'", "é", "É", "ß", "\u212a", "İ", "ǅ", "\xff", "\xc3"}
	seen := [2]int{}
	for range 100000 {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		w := b.String()
		want := len(w) >= 2 && allCaps(w)
		if got := capsWord(w); got != want {
			t.Fatalf("capsWord(%q) = %v, want %v", w, got, want)
		}
		if want {
			seen[1]++
		} else {
			seen[0]++
		}
	}
	if seen[0] == 0 || seen[1] == 0 {
		t.Fatalf("answers %v: the test reads no case of both", seen)
	}
}
