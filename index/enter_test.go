package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestEnter holds scratch.enter, which lists a query's terms in one pass
// and the positions of only its repeated terms, to the plain listing:
// per distinct term (in range) its first position, whether it repeats
// and then every position in query order, its present bit, mask bit and
// query bit (qbits); reset leaves the scratch
// empty. Random queries over a small vocabulary repeat terms, and some
// terms lie past the index's.
func TestEnter(t *testing.T) {
	ix := build(t)
	sc := ix.newScratch()
	rng := rand.New(rand.NewPCG(44, 2))
	vocab := len(sc.slot) + 5
	repeated := 0
	for range 3000 {
		q := randomQuery(rng, 20, min(vocab, 30+rng.IntN(vocab)), rng.IntN(2) == 0)
		if rng.IntN(2) == 0 { // terms of few ids: many repeats
			for i := range q.Terms {
				q.Terms[i] %= 7
			}
		}
		sc.enter(q)
		var qm uint64
		var qb [8]uint64
		for i, term := range q.Terms {
			if int(term) >= len(sc.slot) {
				continue
			}
			qm |= 1 << (term % 64)
			qb[term%512/64] |= 1 << (term % 64)
			var ps []int32
			first := -1
			for j, u := range q.Terms {
				if u == term {
					ps = append(ps, q.Pos[j])
					if first < 0 {
						first = j
					}
				}
			}
			k := sc.slot[term]
			if k == 0 || sc.present[term/64]&(1<<(term%64)) == 0 {
				t.Fatalf("query %v: term %d not listed", q.Terms, term)
			}
			if got := sc.one[k&^repeatedSlot-1]; got != q.Pos[first] {
				t.Fatalf("query %v %v: term %d first at %d, want %d", q.Terms, q.Pos, term, got, q.Pos[first])
			}
			if rep := k&repeatedSlot != 0; rep != (len(ps) > 1) {
				t.Fatalf("query %v: term %d repeated %v, %d positions", q.Terms, term, rep, len(ps))
			}
			if len(ps) > 1 {
				if got := sc.pos[k&^repeatedSlot-1]; !slices.Equal(got, ps) {
					t.Fatalf("query %v %v: term %d at %v, want %v", q.Terms, q.Pos, term, got, ps)
				}
				if i == first {
					repeated++
				}
			}
		}
		if sc.qmask != qm || sc.qbits != qb {
			t.Fatalf("query %v: mask %x bits %x, want %x %x", q.Terms, sc.qmask, sc.qbits, qm, qb)
		}
		sc.reset()
		if sc.qbits != [8]uint64{} {
			t.Fatalf("query %v: query bits %x left after reset", q.Terms, sc.qbits)
		}
		for _, k := range sc.slot {
			if k != 0 {
				t.Fatalf("query %v: a slot left after reset", q.Terms)
			}
		}
		for _, w := range sc.present {
			if w != 0 {
				t.Fatalf("query %v: a present bit left after reset", q.Terms)
			}
		}
	}
	if repeated < 100 {
		t.Fatalf("only %d repeated terms: the test cannot fail", repeated)
	}
}
