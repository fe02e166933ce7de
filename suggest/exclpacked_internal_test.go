package suggest

import (
	"reflect"
	"slices"
	"testing"
)

// TestExclCodePacked holds packExclCode to the two lists it packs, in
// its own 64 bytes when they fit and in an array of their own when not,
// and orNil to their being empty.
func TestExclCodePacked(t *testing.T) {
	if size := reflect.TypeFor[exclCode]().Size(); size != 64 {
		t.Fatalf("exclCode is %d bytes, want 64 (one cache line)", size)
	}
	for ne := range 12 {
		for no := range 6 {
			var excludes, own []int32
			for i := range ne {
				excludes = append(excludes, int32(100+i*7))
			}
			for i := range no {
				own = append(own, int32(3+i))
			}
			c := packExclCode(excludes, own)
			if !slices.Equal(c.excludes(), excludes) || !slices.Equal(c.own(), own) {
				t.Fatalf("%d and %d: packed %v and %v, want %v and %v", ne, no, c.excludes(), c.own(), excludes, own)
			}
			if inline := ne+no <= len(c.inline); inline != (ne+no == 0 || &c.lists[0] == &c.inline[0]) {
				t.Errorf("%d and %d: lists inline %v, want %v", ne, no, !inline, inline)
			}
			if cap(c.excludes()) != ne || cap(c.own()) != no {
				t.Errorf("%d and %d: capacities %d and %d", ne, no, cap(c.excludes()), cap(c.own()))
			}
			if (c.orNil() == nil) != (ne+no == 0) {
				t.Errorf("%d and %d: orNil %p", ne, no, c.orNil())
			}
		}
	}
}
