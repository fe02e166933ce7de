package index

import (
	"reflect"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestSearcherIsSearch holds a Searcher, one reused over every sentence
// of CodiEsp dev, to the index's pooled SearchInto: the same hits and
// positions at each coverage the engine searches with, with and without
// a system filter and a limit.
func TestSearcherIsSearch(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	s := ix.NewSearcher()
	if s.Index() != ix {
		t.Fatal("Searcher.Index is not the index it searches")
	}
	optss := []SearchOptions{
		{MinCoverage: 0.5},
		{MinCoverage: 0.65},
		{MinCoverage: 0.99},
		{MinCoverage: 0.65, Systems: []corpus.System{corpus.ICD10CM}, Limit: 5},
	}
	var got, want []Hit
	var gotPos, wantPos []int32
	hits := 0
	for i, q := range qs {
		opts := optss[i%len(optss)]
		got, gotPos = s.SearchInto(got, gotPos[:0], q, opts)
		want, wantPos = ix.SearchInto(want, wantPos[:0], q, opts)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("query %v %+v: Searcher found\n%+v\nSearchInto\n%+v", q.Terms, opts, got, want)
		}
		hits += len(got)
	}
	if hits == 0 {
		t.Fatal("no hits: the test compares nothing")
	}
}

// TestFindIsSearch holds a Searcher's Find, one Searcher reused over every
// sentence of CodiEsp dev, to the index's pooled SearchInto: the same hits
// in the same order, with the same positions, at each coverage the engine
// searches with, with and without a system filter and a limit; and the
// positions grown the same.
func TestFindIsSearch(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	s := ix.NewSearcher()
	optss := []SearchOptions{
		{MinCoverage: 0.5},
		{MinCoverage: 0.65},
		{MinCoverage: 0.99},
		{MinCoverage: 0.65, Systems: []corpus.System{corpus.ICD10CM}, Limit: 5},
	}
	var want []Hit
	var gotPos, wantPos []int32
	hits := 0
	for i, q := range qs {
		opts := optss[i%len(optss)]
		var found []*Hit
		found, gotPos = s.Find(gotPos[:0], q, opts)
		want, wantPos = ix.SearchInto(want, wantPos[:0], q, opts)
		got := make([]Hit, len(found))
		for j, h := range found {
			got[j] = *h
		}
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) || !slices.Equal(gotPos, wantPos) {
			t.Fatalf("query %v %+v: Find found\n%+v\nSearchInto\n%+v", q.Terms, opts, got, want)
		}
		hits += len(got)
	}
	if hits == 0 {
		t.Fatal("no hits: the test compares nothing")
	}
}
