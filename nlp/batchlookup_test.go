package nlp

import (
	"strings"
	"testing"
)

// TestSpells: whatever candidate makeTokens read from the slots (the
// right word, another word, none), spellsShort, when true, is the
// spelling's comparison, and true for every form of at most sixteen
// bytes with room for eight past it; whether the form's slice has room
// or not, the word words makes of the candidate is the one lookup
// returns.
func TestSpells(t *testing.T) {
	p := testPipeline(t)
	forms := []string{"the", "pain", "zqxnewform", "hypertension", "nkda", "ca", "pre", "a", "abcdefgh", "abcdefg", "abcdefghi",
		"abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnoq", "xbcdefghijklmnop", "fevers", "feve", "hypercholesterolemia"}
	var others []word
	for _, f := range append(forms, "fever", "abcdefgx", "pai", "abcdefghijklmnpp", "abcdefghijkxmnop") {
		others = append(others, p.vocab.lookup([]byte(f)))
	}
	for _, f := range forms {
		h := fnv1a([]byte(f))
		want := p.vocab.lookup([]byte(f))
		cands := []*word{p.vocab.candidate(h), nil}
		for i := range others {
			cands = append(cands, &others[i])
		}
		for _, b := range [][]byte{[]byte(f)[:len(f):len(f)], append([]byte(f), strings.Repeat("\xffz", 8)...)[:len(f)], append([]byte(f), make([]byte, 8)...)[:len(f)]} {
			for _, cand := range cands {
				same := cand != nil && cand.norm == f
				got := cand != nil && cand.spellsShort(b)
				if got && !same || !got && same && len(f) <= 16 && cap(b) >= 8 {
					t.Errorf("%v spellsShort(%q, capacity %d) = %t, want %t", cand, f, cap(b), got, same)
				}
				look := []*word{cand}
				p.vocab.words([]rawToken{{h: h, lo: 0, hi: int32(len(f))}}, b[:len(f):cap(b)], look)
				if *look[0] != want {
					t.Errorf("the word of %q with candidate %v = %q/%q, want %q/%q", f, cand, look[0].norm, look[0].stem, want.norm, want.stem)
				}
			}
		}
	}
}

// TestWordEnds holds wordHead and wordTail to their definitions.
func TestWordEnds(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopqrstu", "\x00\xff"} {
		var b [8]byte
		copy(b[:], s)
		var head, tail uint64
		for i := 7; i >= 0; i-- {
			head = head<<8 | uint64(b[i])
		}
		if h := wordHead(s); h != head {
			t.Errorf("wordHead(%q) = %#x, want %#x", s, h, head)
		}
		if len(s) >= 8 {
			for i := len(s) - 1; i >= len(s)-8; i-- {
				tail = tail<<8 | uint64(s[i])
			}
			if tl := wordTail(s); tl != tail {
				t.Errorf("wordTail(%q) = %#x, want %#x", s, tl, tail)
			}
		}
	}
}
