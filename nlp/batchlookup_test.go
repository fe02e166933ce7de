package nlp

import (
	"strings"
	"testing"
)

// TestSpells: whatever candidate makeTokens read from the slots (the
// right word, another word, none), spells is the spelling's comparison,
// whether the form's slice has room for its head or not; and the word
// makeTokens then uses is the one lookup returns.
func TestSpells(t *testing.T) {
	p := testPipeline(t)
	forms := []string{"the", "pain", "zqxnewform", "hypertension", "nkda", "ca", "pre", "a", "abcdefgh", "abcdefg", "abcdefghi", "fevers", "feve"}
	others := []word{p.vocab.lookup([]byte("fever")), p.vocab.lookup([]byte("abcdefgx")), p.vocab.lookup([]byte("pai"))}
	for _, f := range forms {
		h := fnv1a([]byte(f))
		want := p.vocab.lookup([]byte(f))
		cands := []*word{p.vocab.candidate(h), &want, nil}
		for i := range others {
			cands = append(cands, &others[i])
		}
		for _, b := range [][]byte{[]byte(f), append([]byte(f), strings.Repeat("\xffz", 8)...)[:len(f)], append([]byte(f), make([]byte, 8)...)[:len(f)]} {
			for _, cand := range cands {
				if got, want := cand.spells(b), cand != nil && cand.norm == f; got != want {
					t.Errorf("%v spells(%q, capacity %d) = %t, want %t", cand, f, cap(b), got, want)
				}
				w := cand
				if !w.spells(b) {
					w = p.vocab.find(b, h)
				}
				if *w != want {
					t.Errorf("the word of %q with candidate %v = %q/%q, want %q/%q", f, cand, w.norm, w.stem, want.norm, want.stem)
				}
			}
		}
	}
}

// TestWordHead holds wordHead to its definition.
func TestWordHead(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "abcdefg", "abcdefgh", "abcdefghijk", "\x00\xff"} {
		var b [8]byte
		copy(b[:], s)
		var want uint64
		for i := 7; i >= 0; i-- {
			want = want<<8 | uint64(b[i])
		}
		if got := wordHead(s); got != want {
			t.Errorf("wordHead(%q) = %#x, want %#x", s, got, want)
		}
	}
}
