package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/nlp"
)

// randomSentOrder returns n sentence numbers for a note of ns sentences:
// in order (the analyser's), in order after tokens of no sentence (-1),
// with sentences skipped, or broken (out of range, back, -1 later).
func randomSentOrder(rng *rand.Rand, n, ns int) []int {
	out := make([]int, 0, n)
	s := 0
	if rng.IntN(4) == 0 {
		s = -1
	}
	for range n {
		switch rng.IntN(12) {
		case 0, 1, 2:
			s++
		case 3:
			s += 1 + rng.IntN(3)
		}
		out = append(out, s)
	}
	switch rng.IntN(4) {
	case 0:
		if n > 0 {
			out[rng.IntN(n)] = rng.IntN(ns+3) - 1 // anywhere: back, -1 or past the end
		}
	case 1:
		for i := range out {
			out[i] = rng.IntN(ns+2) - 1
		}
	}
	return out
}

// TestSentenceRunsAgreeWithPlain: the runs, or the plain scan where they
// refuse, give every sentence the ranges the plain scan gives it, for
// notes in sentence order and not.
func TestSentenceRunsAgreeWithPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 53))
	runs, refused := 0, 0
	for range 5000 {
		ns := rng.IntN(12)
		sents := randomSentOrder(rng, rng.IntN(40), ns)
		toks := make([]nlp.Token, len(sents))
		terms := make([]nlp.Term, len(sents))
		for i, s := range sents {
			toks[i].Sent, terms[i].Sent = s, s
		}
		want := make([][2]int32, ns)
		tokenRangesPlain(toks, want)
		wantT := make([][2]int32, ns)
		termRangesPlain(terms, wantT)
		if !slices.Equal(want, wantT) {
			t.Fatalf("plain scans differ: %v %v", want, wantT)
		}
		got := make([][2]int32, ns)
		okTok := tokenRuns(toks, got)
		gotT := make([][2]int32, ns)
		okTerm := termRuns(terms, gotT)
		if okTok != okTerm {
			t.Fatalf("sents %v: tokenRuns %v, termRuns %v", sents, okTok, okTerm)
		}
		if !okTok {
			refused++
			continue
		}
		runs++
		if !slices.Equal(got, want) || !slices.Equal(gotT, want) {
			t.Fatalf("sents %v (%d sentences): runs %v / %v, plain %v", sents, ns, got, gotT, want)
		}
	}
	if runs < 1000 || refused < 1000 {
		t.Fatalf("runs %d, refused %d: both paths should be exercised", runs, refused)
	}
}

// TestSentenceRangesIndexAgrees: index gives the plain scan's ranges on
// notes in sentence order and not, reusing its memory across notes.
func TestSentenceRangesIndexAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 35))
	var r sentenceRanges
	for range 2000 {
		ns := rng.IntN(12)
		doc := &nlp.Document{Sentences: make([]nlp.Span, ns)}
		for _, s := range randomSentOrder(rng, rng.IntN(40), ns) {
			doc.Tokens = append(doc.Tokens, nlp.Token{Sent: s})
		}
		for _, s := range randomSentOrder(rng, rng.IntN(40), ns) {
			doc.Terms = append(doc.Terms, nlp.Term{Sent: s})
		}
		r.index(doc)
		want := make([][2]int32, ns)
		tokenRangesPlain(doc.Tokens, want)
		wantT := make([][2]int32, ns)
		termRangesPlain(doc.Terms, wantT)
		if !slices.Equal(r.tok, want) || !slices.Equal(r.term, wantT) {
			t.Fatalf("index: tok %v term %v, plain %v %v", r.tok, r.term, want, wantT)
		}
	}
}
