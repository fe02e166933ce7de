package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/nlp"
)

// TestRefineContentExtra: the words a reading adds beyond the vague
// code's are counted against each vague title in turn; the per-token memo
// of one title never answers for the next.
func TestRefineContentExtra(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipe.Analyze("acute deep vein thrombosis of the right femoral vein")
	tok := func(norm string) int32 {
		for i, x := range doc.Tokens {
			if x.Norm == norm {
				return int32(i)
			}
		}
		t.Fatalf("no token %q", norm)
		return -1
	}
	stem := func(norm string) string { return doc.Tokens[tok(norm)].Stem }
	pos := []int32{tok("deep"), tok("vein"), tok("thrombosis")}
	ext := []int32{tok("acute"), tok("deep"), tok("vein"), tok("thrombosis"), tok("of"), tok("right"), tok("femoral")}
	tests := []struct {
		vt   []string
		want int
	}{
		{[]string{stem("deep"), stem("vein"), stem("thrombosis")}, 3},                // acute, right, femoral
		{[]string{stem("acute"), stem("deep"), stem("vein"), stem("thrombosis")}, 2}, // acute is the title's
		{[]string{stem("femoral"), stem("right")}, 1},
		{nil, 3},
	}
	var sc refineScratch
	for i, tc := range tests {
		sc.nextVague(len(doc.Tokens))
		sc.markRead(pos)
		if got := sc.contentExtra(doc, ext, tc.vt); got != tc.want {
			t.Errorf("%d: contentExtra = %d, want %d", i, got, tc.want)
		}
	}
}

// contentExtraPlain is contentExtra the plain way: per position of ext,
// a scan of pos, of vt and the connector test, no memo.
func contentExtraPlain(doc *nlp.Document, pos, ext []int32, vt []string) int {
	n := 0
	for _, p := range ext {
		if slices.Contains(pos, p) || int(p) >= len(doc.Tokens) {
			continue
		}
		if slices.Contains(vt, doc.Tokens[p].Stem) || connectorNorm(doc.Tokens[p].Norm) {
			continue
		}
		n++
	}
	return n
}

// TestContentExtraPlain holds contentExtra (its memo per vague title,
// the marks of markRead per mention) to contentExtraPlain over random
// runs: several vague titles a note, several mentions a title, many
// readings a mention, positions past the note's tokens, notes of
// different lengths sharing the scratch.
func TestContentExtraPlain(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := []*nlp.Document{
		pipe.Analyze("acute deep vein thrombosis of the right femoral vein with and due to other causes by the left leg"),
		pipe.Analyze("type 2 diabetes mellitus with diabetic chronic kidney disease stage 3"),
		pipe.Analyze("fracture"),
	}
	r := rand.New(rand.NewPCG(23, 7))
	positions := func(n int) []int32 {
		ps := make([]int32, r.IntN(6))
		for i := range ps {
			ps[i] = int32(r.IntN(n + 2)) // a few past the tokens
		}
		return ps
	}
	var sc refineScratch
	for round := range 300 {
		doc := docs[r.IntN(len(docs))]
		n := len(doc.Tokens)
		for range 1 + r.IntN(4) { // vague titles
			var vt []string
			for range r.IntN(4) {
				vt = append(vt, doc.Tokens[r.IntN(n)].Stem)
			}
			sc.nextVague(n)
			for range 1 + r.IntN(4) { // its mentions
				pos := positions(n)
				for _, p := range pos {
					if int(p) >= n {
						pos = slices.DeleteFunc(pos, func(q int32) bool { return int(q) >= n }) // a mention's positions are the note's
						break
					}
				}
				sc.markRead(pos)
				for range 1 + r.IntN(8) { // readings
					ext := positions(n)
					if got, want := sc.contentExtra(doc, ext, vt), contentExtraPlain(doc, pos, ext, vt); got != want {
						t.Fatalf("round %d: contentExtra(pos %v, ext %v, vt %v) = %d, want %d", round, pos, ext, vt, got, want)
					}
				}
			}
		}
	}
}

// TestScoredAtIn holds scoredAtIn over refinedAt's list to scoredAt
// over random scored candidates: repeated ones, refined, refining and
// neither, more of them than the list holds, and candidates not in ks.
func TestScoredAtIn(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 13))
	for round := range 3000 {
		pool := make([]*candidate, 1+r.IntN(40))
		for i := range pool {
			pool[i] = &candidate{}
		}
		for _, c := range pool {
			switch r.IntN(4) {
			case 0:
				c.refinedBy = pool[r.IntN(len(pool))]
			case 1:
				c.refines = []*candidate{pool[r.IntN(len(pool))]}
			}
		}
		ks := make([]scored, r.IntN(60))
		for i := range ks {
			ks[i].c = pool[r.IntN(len(pool))]
		}
		var buf [16]refineAt
		at := refinedAt(ks, buf[:0])
		none := !slices.ContainsFunc(ks, func(k scored) bool { return k.c.refinedBy != nil || len(k.c.refines) > 0 })
		if (at == nil) != none {
			t.Fatalf("round %d: refinedAt nil %v, nothing refined %v", round, at == nil, none)
		}
		for _, c := range append(pool, &candidate{}) {
			gi, gok := scoredAtIn(at, ks, c)
			wi, wok := scoredAt(ks, c)
			if gi != wi || gok != wok {
				t.Fatalf("round %d: scoredAtIn = %d %v, scoredAt %d %v", round, gi, gok, wi, wok)
			}
		}
	}
}
