package suggest

import (
	"reflect"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestSiteShare: the release engines share a site category (and the
// code sites over it) when the category reads alike in both releases,
// keep one each when it does not, and every category is what its release
// builds from its own codes; the names' stems are one table.
func TestSiteShare(t *testing.T) {
	testenv.SkipUnderRace(t)
	base := realEngine(t)
	eng, err := New(base.union, base.ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(eng.byRelease) < 2 {
		t.Skip("one ICD-10-CM release loaded")
	}
	old, cur := eng.byRelease[0], eng.byRelease[len(eng.byRelease)-1]
	if old.sites != cur.sites {
		t.Fatal("the release engines number site stems apart")
	}
	same, changed := "", ""
	for _, id := range base.union.IDs(corpus.ICD10CM) {
		cat := base.union.Brief(id).Code
		if len(cat) != 3 || (same != "" && changed != "") {
			continue
		}
		po, pc := old.sitePlanOf(cat), cur.sitePlanOf(cat)
		alike := reflect.DeepEqual(po, pc)
		switch {
		case alike && same == "" && len(po) > 3:
			same = cat
		case !alike && changed == "" && len(po) > 0 && len(pc) > 0:
			changed = cat
		}
	}
	if same == "" || changed == "" {
		t.Fatalf("no category alike (%q) or changed (%q) between the releases", same, changed)
	}
	for _, tc := range []struct {
		cat    string
		shared bool
	}{{same, true}, {changed, false}} {
		co, cc := old.siteCategoryOf(tc.cat), cur.siteCategoryOf(tc.cat)
		if (co == cc) != tc.shared {
			t.Errorf("%s: shared %v, want %v", tc.cat, co == cc, tc.shared)
		}
		for _, e := range []*Engine{old, cur} {
			if got, want := e.siteCategoryOf(tc.cat), e.buildSiteCategory(e.sitePlanOf(tc.cat)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the shared category differs from the one its release builds", tc.cat)
			}
		}
	}
	id := cur.siteCategoryOf(same).codes[0].id
	if so, sc := old.siteCodeOf(id), cur.siteCodeOf(id); so != sc {
		t.Errorf("%s: the code site is not shared", base.union.Brief(id).Code)
	}
	if so, sc := old.nameStems.of(old.ix, 0), cur.nameStems.of(cur.ix, 0); len(so) == 0 || &so[0] != &sc[0] {
		t.Error("the release engines keep the names' stems apart")
	}
}
