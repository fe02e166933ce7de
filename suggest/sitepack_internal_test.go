package suggest

import (
	"slices"
	"testing"
	"unsafe"
)

// TestSiteCategoryPacked: a category's readings hold the numbers and
// kinds readingOf gives their texts (and kindCommon), in one array each.
func TestSiteCategoryPacked(t *testing.T) {
	e := realEngine(t)
	for _, cat := range []string{"S72", "M17", "I50"} {
		plan := e.sitePlanOf(cat)
		sc := e.buildSiteCategory(plan)
		ns, nc := 0, 0
		for _, p := range plan {
			c := &sc.codes[nc]
			if p.stem {
				c = &sc.stems[ns]
				ns++
			} else {
				nc++
			}
			for i, text := range p.texts {
				r, want := c.readings[i], e.readingOf(text)
				kinds := make([]siteKind, len(r.kinds))
				for j, k := range r.kinds {
					kinds[j] = k &^ kindCommon
				}
				if !slices.Equal(r.ids, want.ids) || !slices.Equal(kinds, want.kinds) {
					t.Fatalf("%s %q: ids %v kinds %v, want %v %v", cat, text, r.ids, r.kinds, want.ids, want.kinds)
				}
			}
		}
		// Packed: each reading's numbers follow the previous one's, the
		// codes' then the stems'.
		var prev []int32
		for _, cs := range [][]siteCode{sc.codes, sc.stems} {
			for _, c := range cs {
				for _, r := range c.readings {
					if len(r.ids) == 0 {
						continue
					}
					if prev != nil && unsafe.Add(unsafe.Pointer(unsafe.SliceData(prev)), 4*len(prev)) != unsafe.Pointer(unsafe.SliceData(r.ids)) {
						t.Fatalf("%s: the numbers of %s are not packed after the previous reading's", cat, e.set.Brief(c.id).Code)
					}
					prev = r.ids
				}
			}
		}
	}
}
