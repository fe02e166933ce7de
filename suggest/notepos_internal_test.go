package suggest

import (
	"math/rand/v2"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// scanHolding is the plain form holding walks: the terms of [lo, hi)
// whose note id is id, in order.
func scanHolding(r *sentenceRanges, id uint32, lo, hi int32) []int32 {
	var out []int32
	for j := lo; j < hi; j++ {
		if r.nids[j] == int64(id) {
			out = append(out, j)
		}
	}
	return out
}

// chainHolding is what contradiction visits through the position table.
func chainHolding(r *sentenceRanges, id uint32, lo, hi int32) []int32 {
	var out []int32
	head := r.pos.first(id)
	if head < 0 {
		return nil
	}
	for j := r.holding(head, id, lo, hi); j >= 0; j = r.holding(r.pos.next[j], id, lo, hi) {
		out = append(out, j)
	}
	return out
}

// holdingAgrees checks every sentence of r against every id asked.
func holdingAgrees(t *testing.T, r *sentenceRanges, ids []uint32) int {
	t.Helper()
	found := 0
	for s, rg := range r.term {
		for _, id := range ids {
			got, want := chainHolding(r, id, rg[0], rg[1]), scanHolding(r, id, rg[0], rg[1])
			if !slices.Equal(got, want) {
				t.Fatalf("sentence %d id %d: table visits %v, scan %v", s, id, got, want)
			}
			found += len(want)
		}
	}
	return found
}

// TestNotePositionsRandom holds the position table to the plain scan on
// random notes: ids from a small alphabet (unspecTerm and ids that
// collide in the table included), each affirmed or not.
func TestNotePositionsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 7))
	alphabet := []uint32{0, 1, 2, 3, 64, 1 << 20, 1<<20 + 16, unspecTerm, 99999}
	found := 0
	for range 2000 {
		r := randomRanges(rng, alphabet, rng.IntN(60), 12)
		found += holdingAgrees(t, &r, append(alphabet, 5, unknownTerm, noTerm))
	}
	if found == 0 {
		t.Fatal("no id held: the test compares nothing")
	}
}

// TestNotePositionsDevNotes holds the position table to the plain scan on
// the dev notes, every term judged as contradiction judges it, for every
// id the note holds and some it does not.
func TestNotePositionsDevNotes(t *testing.T) {
	testenv.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("reads the dev notes")
	}
	_, ix := slotFixture(t)
	pipe := ix.Analyzer()
	found := 0
	var r sentenceRanges // reused across notes, as a work's is
	for i, note := range testenv.DevNotes(t) {
		if i >= 60 {
			break
		}
		doc := pipe.Analyze(note)
		r.index(doc)
		for j := range doc.Terms {
			r.noteTermID(doc, ix, j)
		}
		if !r.positionsReady(doc, ix) {
			continue
		}
		ids := []uint32{unspecTerm, 0, 12345}
		for _, id := range r.ids {
			if id >= 0 {
				ids = append(ids, uint32(id))
			}
		}
		slices.Sort(ids)
		found += holdingAgrees(t, &r, slices.Compact(ids))
	}
	if found == 0 {
		t.Fatal("no id held: the test compares nothing")
	}
}

// randomRanges returns n terms of ids from alphabet (a fifth with none, a
// quarter of the others negated: no note id) in sentences of 1 to maxSent
// terms, with the position table built from the note ids, as
// positionsReady builds it.
func randomRanges(rng *rand.Rand, alphabet []uint32, n, maxSent int) sentenceRanges {
	var r sentenceRanges
	r.ids, r.nids = make([]int64, n), make([]int64, n)
	for j := range n {
		r.ids[j] = -1
		if rng.IntN(5) > 0 {
			r.ids[j] = int64(alphabet[rng.IntN(len(alphabet))])
		}
		r.nids[j] = r.ids[j]
		if rng.IntN(4) == 0 {
			r.nids[j] = -1 // negated
		}
	}
	for lo := 0; lo < n; {
		hi := min(n, lo+1+rng.IntN(maxSent))
		r.term = append(r.term, [2]int32{int32(lo), int32(hi)})
		lo = hi
	}
	r.pos.build(r.nids)
	return r
}
