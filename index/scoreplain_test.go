package index

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestScoreIsPlain holds every field of every hit score keeps (its walk
// of the name-order copy of a record, each matched term placed at its
// query slot's first position unless the slot repeats, the window norm
// over the query's run) to plainHit, bit for bit: over the dev sentences
// at the engine's coverages and over random queries with repeated terms
// and positions in and out of order.
func TestScoreIsPlain(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	rng := rand.New(rand.NewPCG(34, 1))
	for range 2000 {
		// Terms drawn from a small part of the vocabulary repeat
		// within a query.
		qs = append(qs, randomQuery(rng, 16, min(ix.Terms(), 400), true))
	}
	repeated, checked := 0, 0
	for _, q := range qs {
		for _, minCov := range []float64{0.5, 0.65, 0.99} {
			for _, h := range ix.Search(q, SearchOptions{MinCoverage: minCov}) {
				want := plainHit(ix, q, h.Name)
				if !sameHit(h, want) {
					t.Fatalf("query %v %v, coverage %v, name %d: hit\n%+v\nplain\n%+v", q.Terms, q.Pos, minCov, h.Name, h, want)
				}
				if h.Matched > 1 && hasRepeat(q, ix.appendTerms(nil, &ix.names[h.Name])) {
					repeated++
				}
				checked++
			}
		}
	}
	if checked < 1000 || repeated < 100 {
		t.Fatalf("%d hits checked, %d matching a repeated term: a case untested", checked, repeated)
	}
}

// TestScoreFindsPlain holds a search of the fixture to the plain one over
// every name whose record the search reads (those whose rarest term the
// query holds: the record lies under it), at a coverage low enough that
// the search reads every record of its terms: the same hits, in order,
// every field equal, over random queries.
func TestScoreFindsPlain(t *testing.T) {
	ix := build(t)
	rng := rand.New(rand.NewPCG(34, 2))
	found := 0
	for range 3000 {
		q := randomQuery(rng, 10, ix.Terms(), false)
		const minCov = 0.3
		var want []Hit
		for name := range ix.Len() {
			terms := ix.appendTerms(nil, &ix.names[name])
			if len(terms) == 0 || !slices.Contains(q.Terms, ix.rarest(terms)) {
				continue
			}
			if h := plainHit(ix, q, int32(name)); h.Coverage >= minCov {
				want = append(want, h)
			}
		}
		slices.SortFunc(want, func(a, b Hit) int {
			if a.Score != b.Score {
				if a.Score > b.Score {
					return -1
				}
				return 1
			}
			return int(a.Name - b.Name)
		})
		got := ix.Search(q, SearchOptions{MinCoverage: minCov})
		if len(got) != len(want) {
			t.Fatalf("query %v %v: %d hits, plain %d", q.Terms, q.Pos, len(got), len(want))
		}
		for i := range got {
			if !sameHit(got[i], want[i]) {
				t.Fatalf("query %v %v: hit %d\n%+v\nplain\n%+v", q.Terms, q.Pos, i, got[i], want[i])
			}
		}
		found += len(got)
	}
	if found < 100 {
		t.Fatalf("only %d hits found", found)
	}
}

// plainHit scores name n against q the plain way: the name's terms in
// name order, sums in that order, positions by the plain rule
// (plainPositions), the window norm over the query in its order.
func plainHit(ix *Index, q Query, n int32) Hit {
	terms := ix.appendTerms(nil, &ix.names[n])
	h := Hit{Name: n, Code: ix.names[n].code, Length: int32(len(terms))}
	var norm2, m2 float64
	for _, term := range terms {
		w := ix.weight[term]
		norm2 += w * w
		if slices.Contains(q.Terms, term) {
			m2 += w * w
			h.Mass += w
			h.Matched++
		}
	}
	h.Coverage = m2 / norm2
	if h.Matched == 0 {
		return h
	}
	h.Positions = plainPositions(ix, q, n)
	h.First, h.Last = slices.Min(h.Positions), max(slices.Max(h.Positions), -1)
	inOrder := 0
	for i := 1; i < len(h.Positions); i++ {
		if h.Positions[i] >= h.Positions[i-1] {
			inOrder++
		}
	}
	var win2 float64
	for i, term := range q.Terms {
		if p := q.Pos[i]; p >= h.First && p <= h.Last {
			w := ix.weight[term]
			win2 += w * w
		}
	}
	if win2 > 0 {
		h.Cosine = math.Min(1, m2/math.Sqrt(norm2*win2))
	}
	h.Order = 1
	if h.Matched > 1 {
		h.Order = float64(inOrder) / float64(h.Matched-1)
	}
	h.Score = kindWeight(ix.names[n].kind) * h.Coverage * h.Coverage * (0.7 + 0.3*h.Cosine) * (0.85 + 0.15*h.Order)
	return h
}

// sameHit reports whether two hits are equal, their floats bit for bit.
func sameHit(a, b Hit) bool {
	floats := func(h *Hit) [5]uint64 {
		fs := [5]uint64{math.Float64bits(h.Score), math.Float64bits(h.Coverage), math.Float64bits(h.Cosine), math.Float64bits(h.Order), math.Float64bits(h.Mass)}
		h.Score, h.Coverage, h.Cosine, h.Order, h.Mass = 0, 0, 0, 0, 0
		return fs
	}
	if floats(&a) != floats(&b) || !slices.Equal(a.Positions, b.Positions) {
		return false
	}
	a.Positions, b.Positions = nil, nil
	return reflect.DeepEqual(a, b)
}

// hasRepeat reports whether q holds one of terms more than once.
func hasRepeat(q Query, terms []uint32) bool {
	for _, term := range terms {
		n := 0
		for _, u := range q.Terms {
			if u == term {
				n++
			}
		}
		if n > 1 {
			return true
		}
	}
	return false
}

// TestNextWindowsWraps holds nextWindows to its promise when the search
// numbers wrap around: no entry of an earlier search matches a later one.
func TestNextWindowsWraps(t *testing.T) {
	var s scratch
	s.nextWindows()
	first := s.winKey
	if first == 0 {
		t.Fatal("the first search's number is 0: an empty entry matches it")
	}
	s.winKey = math.MaxUint64 &^ (1<<(2*winShift) - 1) // the last number
	key := s.winKey | 3<<winShift | 5
	s.wins[0] = winMemo{key, 1}
	s.nextWindows()
	if s.winKey != first {
		t.Fatalf("after wrapping, the search's number is %#x, want %#x", s.winKey, first)
	}
	for i, e := range s.wins {
		if e != (winMemo{}) {
			t.Fatalf("entry %d %+v kept after wrapping", i, e)
		}
	}
}
