package index

import (
	"fmt"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestPairsFitLargeIndex holds an index past narrowTerms terms, whose ids
// pairIndex's 16-bit pairs and filters cannot hold, to the walk over
// every record: it gets no pair lists and still finds its names.
func TestPairsFitLargeIndex(t *testing.T) {
	testenv.SkipUnderRace(t)
	if !pairsFit(narrowTerms) || pairsFit(narrowTerms+1) {
		t.Fatalf("pairsFit: %d terms fit, %d do not", narrowTerms, narrowTerms+1)
	}
	// Two words a name, each its own term: letters only, so the analyzer
	// keeps each word whole.
	word := func(i int) string {
		b := []byte("zq")
		for range 4 {
			b = append(b, byte('a'+i%26))
			i /= 26
		}
		return string(b)
	}
	const codes = narrowTerms/2 + 1000
	cs := make([]*corpus.Code, codes)
	for i := range cs {
		d := word(2*i) + " " + word(2*i+1)
		cs[i] = &corpus.Code{System: corpus.ICD10CM, Code: fmt.Sprintf("Z%05d", i), Display: d, Billable: true,
			Names: []corpus.Name{{Text: d, Kind: corpus.NameTitle}}}
	}
	ix, err := Build(corpus.NewSet(cs, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Terms() <= narrowTerms {
		t.Fatalf("%d terms: the index must pass %d", ix.Terms(), narrowTerms)
	}
	if ix.pairs != nil || ix.pairLists(strictPairs) != nil {
		t.Fatalf("%d terms: pair lists built", ix.Terms())
	}
	for _, i := range []int{0, codes / 2, codes - 1} {
		q := query(t, ix, cs[i].Display)
		hits := ix.Search(q, SearchOptions{MinCoverage: 0.9, Limit: 5})
		if len(hits) == 0 || ix.Code(hits[0].Code).Code != cs[i].Code {
			t.Fatalf("%q: hits %+v, want %s first", cs[i].Display, hits, cs[i].Code)
		}
	}
}
