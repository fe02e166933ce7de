package suggest

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestSitePackOneArray: pack leaves a category's readings, stem numbers,
// kinds and "or" pairs in one array each, the values unchanged.
func TestSitePackOneArray(t *testing.T) {
	sc := &siteCategory{
		codes: []siteCode{
			{id: 1, readings: []siteReading{{ids: []int32{1, 2}, kinds: []siteKind{0, kindSide}, alts: [][2]int32{{1, 2}}}}},
			{id: 2, readings: []siteReading{{ids: []int32{3}, kinds: []siteKind{0}}, {ids: []int32{4, 5}, kinds: []siteKind{0, 0}, alts: [][2]int32{{4, 5}}}}},
		},
		stems: []siteCode{{id: 3, readings: []siteReading{{ids: []int32{6}, kinds: []siteKind{kindFill}}}}},
	}
	var want [][]siteReading
	for _, cs := range [][]siteCode{sc.codes, sc.stems} {
		for _, c := range cs {
			var rs []siteReading
			for _, r := range c.readings {
				rs = append(rs, siteReading{ids: append([]int32(nil), r.ids...), kinds: append([]siteKind(nil), r.kinds...), alts: append([][2]int32(nil), r.alts...)})
			}
			want = append(want, rs)
		}
	}
	sc.pack()
	var got [][]siteReading
	var prev *siteReading
	var prevAlt *[2]int32
	for _, cs := range [][]siteCode{sc.codes, sc.stems} {
		for _, c := range cs {
			got = append(got, c.readings)
			for i := range c.readings {
				r := &c.readings[i]
				if prev != nil && uintptr(unsafe.Pointer(r)) != uintptr(unsafe.Pointer(prev))+unsafe.Sizeof(*r) {
					t.Errorf("code %d: readings not in one array", c.id)
				}
				prev = r
				for j := range r.alts {
					a := &r.alts[j]
					if prevAlt != nil && uintptr(unsafe.Pointer(a)) != uintptr(unsafe.Pointer(prevAlt))+unsafe.Sizeof(*a) {
						t.Errorf("code %d: or-pairs not in one array", c.id)
					}
					prevAlt = a
				}
			}
		}
	}
	for i := range want {
		for j := range want[i] {
			w, g := want[i][j], got[i][j]
			if !reflect.DeepEqual(w.ids, g.ids) || !reflect.DeepEqual(w.kinds, g.kinds) || len(w.alts) != len(g.alts) || len(w.alts) > 0 && !reflect.DeepEqual(w.alts, g.alts) {
				t.Errorf("reading %d.%d changed: %+v, want %+v", i, j, g, w)
			}
		}
	}
}
