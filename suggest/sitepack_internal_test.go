package suggest

import (
	"slices"
	"testing"
	"unsafe"
)

// TestSiteCategoryPacked: a category's readings hold the numbers, kinds
// and "or" pairs readingOf gives their texts (and kindCommon), the
// readings, numbers, kinds and pairs in one array each.
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
				if !slices.Equal(r.ids, want.ids) || !slices.Equal(kinds, want.kinds) || !slices.Equal(r.alts, want.alts) {
					t.Fatalf("%s %q: ids %v kinds %v alts %v, want %v %v %v", cat, text, r.ids, r.kinds, r.alts, want.ids, want.kinds, want.alts)
				}
			}
		}
		// Packed: each reading's numbers follow the previous one's, the
		// codes' then the stems', and so do the readings and their
		// "or" pairs.
		var prev []int32
		var prevR *siteReading
		var prevAlt *[2]int32
		for _, cs := range [][]siteCode{sc.codes, sc.stems} {
			for _, c := range cs {
				for i := range c.readings {
					r := &c.readings[i]
					if prevR != nil && unsafe.Add(unsafe.Pointer(prevR), unsafe.Sizeof(*r)) != unsafe.Pointer(r) {
						t.Fatalf("%s: the readings of %s are not in one array", cat, e.set.Brief(c.id).Code)
					}
					prevR = r
					for j := range r.alts {
						if prevAlt != nil && unsafe.Add(unsafe.Pointer(prevAlt), unsafe.Sizeof(r.alts[j])) != unsafe.Pointer(&r.alts[j]) {
							t.Fatalf("%s: the or-pairs of %s are not in one array", cat, e.set.Brief(c.id).Code)
						}
						prevAlt = &r.alts[j]
					}
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
