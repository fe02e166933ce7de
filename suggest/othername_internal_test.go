package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// otherNamePlain is otherName by its definition: a field of the name,
// split at ' ', ',', '(' and ')' by runes, equal to "other" under case
// folding.
func otherNamePlain(name string) bool {
	for f := range strings.FieldsFuncSeq(name, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
		if len(f) == len("other") && strings.EqualFold(f, "other") {
			return true
		}
	}
	return false
}

// TestOtherNamePlain holds otherName's byte scan to the rune fields of
// otherNamePlain over names built of "other"'s letters in both cases, the
// separators, letters beside them, multi-byte runes (one folding to a
// letter: the Kelvin sign) and invalid UTF-8.
func TestOtherNamePlain(t *testing.T) {
	parts := []string{"o", "O", "t", "T", "h", "H", "e", "E", "r", "R", "other", "OTHER", "Other", " ", ",", "(", ")",
		"s", "x", "é", "K", "\u212a", "ſ", "\xff", "\xc3", "-", "/", "\t", "0"}
	r := rand.New(rand.NewPCG(20, 5))
	agree := 0
	for range 200000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		name := b.String()
		got, want := otherName(name), otherNamePlain(name)
		if got != want {
			t.Fatalf("otherName(%q) = %v, otherNamePlain %v", name, got, want)
		}
		if want {
			agree++
		}
	}
	if agree == 0 {
		t.Fatal("no name held \"other\": the test compares only misses")
	}
}
