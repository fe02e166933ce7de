package suggest

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestLiveSites: a vague title's live sites are its category's codes in
// order, each with the readings deadFit lets live, in order, read
// through the category's arrays alike, and the codes left without one
// dropped; their holders are those of exactly these readings.
func TestLiveSites(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := realEngine(t)
	kept, shared := 0, 0
	for _, cat := range []string{"S72", "M17", "I50", "M25", "S82"} {
		sc := e.buildSiteCategory(e.sitePlanOf(cat))
		for _, stems := range []bool{false, true} {
			cs := sc.codes
			if stems {
				cs = sc.stems
			}
			for _, v := range cs {
				vt, ok := sc.titleOf(v.id)
				if !ok {
					t.Fatalf("%s: no title reading for %s", cat, e.set.Brief(v.id).Code)
				}
				l := e.liveOf(sc, stems, &vt)
				var want []siteCode
				var wantReadings [][]siteReading
				for _, c := range cs {
					var rs []siteReading
					for _, sp := range sc.spans[c.first:c.end] {
						if r := sc.reading(sp); !e.deadFit(&r, &vt) {
							rs = append(rs, r)
						}
					}
					if len(rs) > 0 {
						want, wantReadings = append(want, c), append(wantReadings, rs)
					}
				}
				if len(l.codes) != len(want) {
					t.Fatalf("%s %s: %d live codes, want %d", cat, e.set.Brief(v.id).Code, len(l.codes), len(want))
				}
				for i := range l.codes {
					c := &l.codes[i]
					if c.id != want[i].id || c.other != want[i].other || c.vague != want[i].vague {
						t.Fatalf("%s %s: live code %d is %+v, want %+v", cat, e.set.Brief(v.id).Code, i, *c, want[i])
					}
					got := l.readingsOf(c)
					if c.kept {
						kept++
					} else {
						shared++
					}
					if len(got) != len(wantReadings[i]) {
						t.Fatalf("%s %s: %s has %d live readings, want %d", cat, e.set.Brief(v.id).Code, e.set.Brief(c.id).Code, len(got), len(wantReadings[i]))
					}
					for j, sp := range got {
						r, w := sc.reading(sp), wantReadings[i][j]
						if !slices.Equal(r.ids, w.ids) || !slices.Equal(r.kinds, w.kinds) || !slices.Equal(r.alts, w.alts) {
							t.Fatalf("%s %s: %s reading %d differs", cat, e.set.Brief(v.id).Code, e.set.Brief(c.id).Code, j)
						}
					}
				}
				h := holders(&l)
				if !slices.Equal(h.keys, l.by.keys) || !slices.Equal(h.at, l.by.at) || !slices.Equal(h.list, l.by.list) || h.mask != l.by.mask {
					t.Fatalf("%s %s: holders differ from the live readings'", cat, e.set.Brief(v.id).Code)
				}
			}
		}
	}
	if kept == 0 || shared == 0 {
		t.Fatalf("%d live codes keep some readings, %d all: the test reads one kind only", kept, shared)
	}
}
