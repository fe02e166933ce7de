package index

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"medcode/internal/testenv"
)

// TestPairFilterIsBound holds the pair records' filters (pairRec) to the
// search's bound: over the dev sentences and over queries made from
// listed records' own terms (some dropped, others added: the queries that
// bring a record to its bound's edge), at the coverages the engine
// searches with and at the lists' own, no record a filter rejects passes
// plainBound read under its pair, and a search through the filtered lists
// finds what the walk over every record finds. The filters must reject
// many records, or the test could not fail.
func TestPairFilterIsBound(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	if ix.pairs == nil {
		t.Fatalf("snapshot postings not packed: no pair lists")
	}
	checkPairFilters(t, ix, qs)
}

// TestPairFilterNarrowSlots holds the filters of an index whose term ids
// pass the 16-bit slots (narrowTerms) to the bound, as
// TestPairFilterIsBound does: lists built with the slots holding only
// ids below 16,384 (a stand-in for 65,536 in an index of fewer terms)
// store no id past it, cut the filters of many records short, and still
// reject only records the bound rejects and find what the walk finds.
func TestPairFilterNarrowSlots(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	if ix.pairs == nil {
		t.Fatalf("snapshot postings not packed: no pair lists")
	}
	const narrow = 16384
	wide := ix.pairs
	defer func() { ix.pairs = wide }()
	cut := &pairSet{}
	for l, cov := range [2]float64{loosePairs, strictPairs} {
		cut.once[l].Do(func() { cut.lists[l] = newPairIndexNarrow(ix, cov, narrow) })
		w, c := ix.pairLists(cov), cut.lists[l]
		if len(c.pairPost) != len(w.pairPost) {
			t.Fatalf("coverage %v: %d records listed narrow, %d wide", cov, len(c.pairPost), len(w.pairPost))
		}
		shorter := 0
		for i, e := range c.pairPost {
			if e.t0 >= narrow || e.t1 >= narrow || uint16(e.t2r) >= narrow {
				t.Fatalf("coverage %v: record %d's filter holds a term past %d: %+v", cov, e.o, narrow, e)
			}
			if e != w.pairPost[i] {
				shorter++
			}
		}
		t.Logf("coverage %v: %d of %d filters cut short", cov, shorter, len(c.pairPost))
		if shorter < len(c.pairPost)/10 {
			t.Errorf("coverage %v: only %d of %d filters cut short: too few to test them", cov, shorter, len(c.pairPost))
		}
	}
	ix.pairs = cut
	checkPairFilters(t, ix, qs)
}

// checkPairFilters is TestPairFilterIsBound's check of ix's pair lists
// over the sentence queries qs and queries near listed records.
func checkPairFilters(t *testing.T, ix *Index, qs []Query) {
	t.Helper()
	rng := rand.New(rand.NewPCG(36, 1))
	loose := ix.pairLists(loosePairs)
	for range 3000 {
		qs = append(qs, nearQuery(rng, ix, loose))
	}
	pairs := ix.pairs
	present := make([]uint64, (ix.Terms()+63)/64)
	for _, cov := range []float64{loosePairs, 0.7, 0.9, strictPairs, 1} {
		p := ix.pairLists(cov)
		rejected, read := 0, 0
		for i, q := range qs {
			clear(present)
			for _, t := range q.Terms {
				present[t/64] |= 1 << (t % 64)
			}
			for _, qt := range q.Terms {
				_, us, bounds, npair, _ := p.pairBlock(qt)
				for k := range npair {
					u := pairTerm(us, k)
					if present[u/64]&(1<<(u%64)) == 0 {
						continue
					}
					for _, e := range p.pairPost[bounds[k]:bounds[k+1]] {
						var pat uint32
						for j, ft := range [filterTerms]uint16{e.t0, e.t1, uint16(e.t2r)} {
							if present[ft/64]&(1<<(ft%64)) != 0 {
								pat |= 1 << j
							}
						}
						if e.t2r>>(16+pat)&1 == 0 {
							read++
							continue
						}
						rejected++
						if plainBound(ix, e.o, u, present, cov-1e-4) {
							t.Fatalf("coverage %v, query %d %v: the filter rejects record %d under pair (%d, %d), which passes the bound", cov, i, q.Terms, e.o, qt, u)
						}
					}
				}
			}
			if i >= len(qs)-3000 { // the made queries: the searches agree too
				opts := SearchOptions{MinCoverage: cov, MinScore: 0.2, Limit: 300}
				ix.pairs = pairs
				got := ix.Search(q, opts)
				ix.pairs = nil
				want := ix.Search(q, opts)
				ix.pairs = pairs
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("coverage %v, query %d: pairs %+v, walk %+v", cov, i, got, want)
				}
			}
		}
		t.Logf("coverage %v: %d pair records listed, %d rejected by their filters, %d read", cov, len(p.pairPost), rejected, read)
		if rejected < read/4 {
			t.Errorf("coverage %v: the filters reject %d records of %d: too few to test them", cov, rejected, rejected+read)
		}
	}
}

// nearQuery is a query made from a record the lists (p) list under a
// pair: its terms in a random order, each dropped with odds one in three,
// and up to three random terms added, at positions 0, 1, 2 and on.
func nearQuery(rng *rand.Rand, ix *Index, p *pairIndex) Query {
	e := p.pairPost[rng.IntN(len(p.pairPost))]
	n := ix.post[e.o+1] & 0xffff
	var q Query
	for _, tw := range ix.post[e.o+recordHead : e.o+recordHead+n] {
		if rng.IntN(3) != 0 {
			q.Terms = append(q.Terms, tw&packTerm)
		}
	}
	for range rng.IntN(4) {
		q.Terms = append(q.Terms, uint32(rng.IntN(ix.Terms())))
	}
	rng.Shuffle(len(q.Terms), func(i, j int) { q.Terms[i], q.Terms[j] = q.Terms[j], q.Terms[i] })
	for i := range q.Terms {
		q.Pos = append(q.Pos, int32(i))
	}
	return q
}

// plainBound reports whether the packed record at post[o], read under
// the pair of its first term and u (a query term), passes the search's
// bound loose for a query holding the terms of present: u is the first
// of its terms after the first the query holds, and walking its terms
// heaviest first, the w² matched reaches loose of its norm before the w²
// missed exceeds the rest (with the search's margin), all in float64 sums
// of the stored float32 weights in the record's order.
func plainBound(ix *Index, o, u uint32, present []uint64, loose float64) bool {
	n := ix.post[o+1] & 0xffff
	body := ix.post[o+recordHead : o+recordHead+n]
	norm := recordNorm(ix.post[o:])
	need := loose * norm
	slack := norm - need + 1e-4*norm
	m2 := float64(ix.w2[body[0]&packTerm])
	var miss float64
	seenU := false
	for _, tw := range body[1:] {
		if m2 >= need {
			return true
		}
		tt := tw & packTerm
		if present[tt/64]&(1<<(tt%64)) == 0 {
			if miss += float64(ix.w2[tt]); miss > slack {
				return false
			}
			continue
		}
		if !seenU && tt != u {
			return false // read under the pair of tt
		}
		seenU = true
		m2 += float64(ix.w2[tt])
	}
	return m2 >= need
}
