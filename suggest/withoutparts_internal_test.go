package suggest

import (
	"math/rand"
	"reflect"
	"testing"

	"medcode/nlp"
)

// TestWithoutParts: a "without" name's parts, remembered per index and
// name, and the clash they read in a note that inverts them.
func TestWithoutParts(t *testing.T) {
	e := realEngine(t)
	ix := e.ix
	stems := func(s string) []string { return ix.Stems(s) }
	for _, tc := range []struct {
		name     string
		neg, pos []string
	}{
		{"Agoraphobia without panic disorder", stems("panic disorder"), stems("agoraphobia")},
		{"Migraine without aura, not intractable, with status migrainosus", stems("aura"), stems("migraine")},
		{"Parkinsonism without fluctuations, with dyskinesia", stems("fluctuations"), stems("parkinsonism , with dyskinesia")},
		{"Type 2 diabetes mellitus", nil, nil},
	} {
		got := withoutPartsOf(ix, tc.name)
		if !reflect.DeepEqual(got.neg, tc.neg) || !reflect.DeepEqual(got.pos, tc.pos) {
			t.Errorf("%q: parts %q / %q, want %q / %q", tc.name, got.neg, got.pos, tc.neg, tc.pos)
		}
	}
	var n int32 = -1
	for i := range int32(ix.Len()) {
		if ix.NameText(i) == "Agoraphobia without panic disorder" {
			n = i
			break
		}
	}
	if n < 0 {
		t.Fatal("no name Agoraphobia without panic disorder in the index")
	}
	p := e.withoutOf(ix, false, n)
	if again := e.withoutOf(ix, false, n); again != p {
		t.Errorf("withoutOf split the name twice")
	}
	if !reflect.DeepEqual(p, withoutPartsOf(ix, ix.NameText(n))) {
		t.Errorf("withoutOf = %+v, want the name's parts", p)
	}
	doc := e.pipe.Analyze("Panic disorder without agoraphobia.")
	var pos []int32
	for _, term := range doc.Terms {
		pos = append(pos, int32(term.Tok))
	}
	pos = sortedUnique(pos)
	base := int32(doc.Terms[0].Tok)
	if got := withoutClash(doc, doc.Terms, p, pos, maskOf(pos, base), base); got <= 0 {
		t.Errorf("clash %v reading the name's parts inverted, want > 0", got)
	}
}

// TestWithoutClashMask holds withoutClash, which marks the positions
// with a word of either part in one pass over the sentence, to the scan
// of the sentence a position (withoutClashScan) over random sentences:
// several terms a token, a hit's positions repeated or not, negated
// tokens, parts sharing words, and sentences past the mask's reach.
func TestWithoutClashMask(t *testing.T) {
	r := rand.New(rand.NewSource(33))
	words := []string{"panic", "disord", "agoraphobia", "aura", "migrain", "with", "fluctuat"}
	pick := func(n int) []string {
		var out []string
		for range n {
			out = append(out, words[r.Intn(len(words))])
		}
		return out
	}
	for i := range 20000 {
		ntok := 1 + r.Intn(12)
		if i%10 == 0 {
			ntok = 250 + r.Intn(20) // past the mask's 256 positions from base
		}
		first := r.Intn(5)
		doc := &nlp.Document{Tokens: make([]nlp.Token, first+ntok)}
		for k := range doc.Tokens {
			if r.Intn(3) == 0 {
				doc.Tokens[k].Assert = nlp.Negated
			}
		}
		var sent []nlp.Term
		for tok := first; tok < first+ntok; tok++ {
			for range r.Intn(3) {
				sent = append(sent, nlp.Term{Stem: words[r.Intn(len(words))], Tok: tok})
			}
		}
		if len(sent) == 0 {
			sent = append(sent, nlp.Term{Stem: words[0], Tok: first})
		}
		base := int32(sent[0].Tok)
		var pos []int32
		for range 1 + r.Intn(5) {
			pos = append(pos, int32(first+r.Intn(ntok)))
		}
		if r.Intn(2) == 0 {
			pos = sortedUnique(pos)
		}
		parts := &withoutParts{neg: pick(r.Intn(3)), pos: pick(r.Intn(3))}
		mask := maskOf(pos, base)
		got := withoutClash(doc, sent, parts, pos, mask, base)
		want := 0.0
		if len(parts.neg) != 0 {
			want = withoutClashScan(doc, sent, parts.neg, parts.pos, pos)
		}
		if got != want {
			t.Fatalf("case %d: withoutClash = %v, the scan %v (sentence %+v, positions %v, parts %+v, mask ok %v)", i, got, want, sent, pos, parts, mask.ok)
		}
	}
}
