package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestSiteVagueBits holds siteRefine's test of a code's titleBits to the
// one of its titleFact, over every combination of the facts the bits
// pack, and liveTitles.holds to the codes its entries were read for.
func TestSiteVagueBits(t *testing.T) {
	for m := range 1 << 5 {
		f := &titleFact{system: corpus.CPT, billable: m&2 != 0, nspec: m&4 != 0, other: m&8 != 0, withoutComp: m&16 != 0}
		if m&1 != 0 {
			f.system = corpus.ICD10CM
		}
		want := f.system == corpus.ICD10CM && f.siteVague(f.billable)
		if got := titleBitsOf(f).siteVagueICD(); got != want {
			t.Errorf("%+v: siteVagueICD %v, want %v", *f, got, want)
		}
	}
	var lt liveTitles
	lt.codes = []corpus.ID{7, 9}
	lt.facts = []*titleFact{{}, nil}
	lt.bits = []titleBits{0, 0}
	for _, c := range []struct {
		i    int
		k    corpus.ID
		want bool
	}{{0, 7, true}, {0, 9, false}, {1, 9, false}, {2, 7, false}} {
		if got := lt.holds(c.i, c.k); got != c.want {
			t.Errorf("holds(%d, %d) = %v, want %v", c.i, c.k, got, c.want)
		}
	}
}
