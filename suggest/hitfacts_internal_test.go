package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/nlp"
)

// TestHitFactsMask holds hitFacts.read to the plain reading it replaces:
// its mask to maskOf, its assertion, own and negated count to a walk of
// the hit's words, over random hits, some reaching before the sentence's
// first token or past a mask's 256 positions, some repeating positions.
func TestHitFactsMask(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	doc := &nlp.Document{Tokens: make([]nlp.Token, 700)}
	trig := make([]bool, len(doc.Tokens))
	for i := range doc.Tokens {
		doc.Tokens[i].Assert = nlp.Assertion(r.IntN(256))
		trig[i] = r.IntN(3) == 0
	}
	seen := [2]int{}
	one := [2]int{} // one-position hits, not ok and ok: read's path of its own
	for range 50000 {
		base := int32(r.IntN(300))
		span := []int32{4, 64, 300}[r.IntN(3)]
		ps := make([]int32, r.IntN(6))
		for j := range ps {
			ps[j] = max(0, base-2+r.Int32N(span))
		}
		// What a slot held before: searchSentence reuses its facts
		// without zeroing them, and read sets every field it reads.
		f := hitFacts{assert: nlp.Assertion(r.IntN(256)), own: r.IntN(2) == 0, mask: posMask{bits: [4]uint64{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64()}, n: r.IntN(9), ok: r.IntN(2) == 0}}
		negated := f.read(doc, trig, ps, base)
		want := maskOf(ps, base)
		if f.mask != want {
			t.Fatalf("positions %v base %d: mask %+v, want %+v", ps, base, f.mask, want)
		}
		wantNeg, wantAssert, wantOwn := 0, ^nlp.Assertion(0), false
		for _, p := range ps {
			a := doc.Tokens[p].Assert
			if a&nlp.Negated != 0 {
				wantNeg++
			}
			if !trig[p] {
				wantAssert &= a
				wantOwn = true
			}
		}
		if negated != wantNeg || f.assert != wantAssert || f.own != wantOwn {
			t.Fatalf("positions %v: negated %d assert %v own %v, want %d %v %v", ps, negated, f.assert, f.own, wantNeg, wantAssert, wantOwn)
		}
		k := 0
		if want.ok {
			k = 1
		}
		seen[k]++
		if len(ps) == 1 {
			one[k]++
		}
	}
	if seen[0] == 0 || seen[1] == 0 || one[0] == 0 || one[1] == 0 {
		t.Fatalf("cases not covered: %v, one position %v", seen, one)
	}
}
