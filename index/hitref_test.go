package index

import (
	"math"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// refsAgree fails t unless the ref r of name n reads what n's entry
// holds: its kind, every flag and its text.
func refsAgree(t *testing.T, ix *Index, n int32, r HitRef) {
	t.Helper()
	if got, want := r.Kind(), ix.NameKind(n); got != want {
		t.Errorf("name %d: Kind %v, NameKind %v", n, got, want)
	}
	for _, f := range []NameFlag{NameApostrophe, NameWithout, NameCapitals, NameApostrophe | NameCapitals} {
		if got, want := r.Has(f), ix.NameHas(n, f); got != want {
			t.Errorf("name %d: Has(%d) %v, NameHas %v", n, f, got, want)
		}
	}
	if got, want := ix.RefText(r, n), ix.NameText(n); got != want {
		t.Errorf("name %d: RefText %q, NameText %q", n, got, want)
	}
}

// TestRefsAgree holds the refs of a Searcher's hits (Refs) to the hits'
// names over every sentence of CodiEsp dev, at the engine's coverages:
// the same kind, flags and text as NameKind, NameHas and NameText
// read from the names' entries; and each ref is its name's NameRef.
func TestRefsAgree(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	s := ix.NewSearcher()
	hits := 0
	var pos []int32
	for i, q := range qs {
		opts := SearchOptions{MinCoverage: []float64{0.65, 0.99}[i%2], MinScore: 0.2}
		var found []*Hit
		found, pos = s.Find(pos[:0], q, opts)
		refs := s.Refs()
		if len(refs) != len(found) {
			t.Fatalf("query %v: %d refs of %d hits", q.Terms, len(refs), len(found))
		}
		for j, h := range found {
			refsAgree(t, ix, h.Name, refs[j])
			if r := ix.NameRef(h.Name); r != refs[j] {
				t.Fatalf("name %d: NameRef %#x, its hit's ref %#x", h.Name, r, refs[j])
			}
		}
		hits += len(found)
	}
	if hits == 0 {
		t.Fatal("no hits: the test compares nothing")
	}
}

// TestRefsHeads holds every name's ref to its entry in the heads' forms:
// texts in the arena (a text too long for the head's length byte read
// from the entry), shared (ShareTexts), and an index whose heads hold no
// text (ids past headIDBits: idMask all ones), whose searches find the
// same hits.
func TestRefsHeads(t *testing.T) {
	long := "Pneumonia " + strings.Repeat("of an unspecified organism ", 12) + "O'Neil WITHOUT PIN"
	set := corpus.NewSet(append(testSet().Codes(corpus.ICD10CM), &corpus.Code{System: corpus.ICD10CM, Code: "J18.8", Display: long, Billable: true,
		Names: []corpus.Name{{Text: long, Kind: corpus.NameTitle}}}), nil)
	ix, err := Build(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := func(how string) {
		t.Helper()
		longs := 0
		for n := range int32(ix.Len()) {
			if ix.names[n].nterm == 0 {
				continue
			}
			refsAgree(t, ix, n, ix.NameRef(n))
			if len(ix.NameText(n)) >= headLenNone {
				longs++
			}
		}
		if longs == 0 {
			t.Errorf("%s: no name's text is too long for its head: the fallback is not tested", how)
		}
	}
	all("built")
	q := query(t, ix, "pneumonia of an unspecified organism with type 2 diabetes mellitus and chest pain")
	want := ix.Search(q, SearchOptions{MinCoverage: 0.5})
	if len(want) == 0 {
		t.Fatal("no hits: the test compares nothing")
	}
	if shared := ix.ShareTexts(set); shared == 0 {
		t.Fatal("ShareTexts shared no text")
	}
	all("shared")
	ix.idMask = math.MaxUint32
	ix.layHeads()
	all("no text in the heads")
	got := ix.Search(q, SearchOptions{MinCoverage: 0.5})
	if len(got) != len(want) {
		t.Fatalf("%d hits without text in the heads, %d with", len(got), len(want))
	}
	for i := range got {
		if got[i].Name != want[i].Name || got[i].Code != want[i].Code || got[i].Score != want[i].Score {
			t.Errorf("hit %d: %+v without text in the heads, %+v with", i, got[i], want[i])
		}
	}
}
