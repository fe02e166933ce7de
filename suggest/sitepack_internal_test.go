package suggest

import (
	"slices"
	"testing"
)

// TestSiteCategoryPacked: a category's readings hold the numbers, kinds
// and "or" pairs readingOf gives their texts (and kindCommon), and are
// spans of the category's arrays, which hold nothing else: each reading
// starts where the one before it in plan order ends.
func TestSiteCategoryPacked(t *testing.T) {
	e := realEngine(t)
	for _, cat := range []string{"S72", "M17", "I50"} {
		plan := e.sitePlanOf(cat)
		sc := e.buildSiteCategory(plan)
		ns, nc := 0, 0
		var next siteSpan
		for _, p := range plan {
			c := &sc.codes[nc]
			if p.stem {
				c = &sc.stems[ns]
				ns++
			} else {
				nc++
			}
			if c.count() != len(p.texts) || c.kept {
				t.Fatalf("%s %s: %d readings for %d texts (kept %v)", cat, e.set.Brief(c.id).Code, c.count(), len(p.texts), c.kept)
			}
			for i, text := range p.texts {
				sp := sc.spans[int(c.first)+i]
				if sp.ids != next.idEnd || sp.alts != next.altEnd || sp.idEnd < sp.ids || sp.altEnd < sp.alts {
					t.Fatalf("%s %q: span %+v does not follow %+v", cat, text, sp, next)
				}
				next = sp
				r, want := sc.reading(sp), e.readingOf(text)
				kinds := make([]siteKind, len(r.kinds))
				for j, k := range r.kinds {
					kinds[j] = k &^ kindCommon
				}
				if !slices.Equal(r.ids, want.ids) || !slices.Equal(kinds, want.kinds) || !slices.Equal(r.alts, want.alts) || (r.alts == nil) != (want.alts == nil) {
					t.Fatalf("%s %q: ids %v kinds %v alts %v, want %v %v %v", cat, text, r.ids, r.kinds, r.alts, want.ids, want.kinds, want.alts)
				}
			}
		}
		if int(next.idEnd) != len(sc.ids) || int(next.idEnd) != len(sc.kinds) || int(next.altEnd) != len(sc.alts) {
			t.Fatalf("%s: the readings end at %+v, the arrays hold %d numbers, %d kinds, %d pairs", cat, next, len(sc.ids), len(sc.kinds), len(sc.alts))
		}
	}
}
