package suggest

import (
	"reflect"
	"testing"
)

// TestConflictNamesLayout holds conflictNames to the layout its comment
// gives: 256 bytes (a size class whose objects start on a cache line),
// with the fields the resolve loop reads per candidate and pair
// (pathsBits, nPaths, excl, pathHashes' pointer and length) in its first
// 64 bytes.
func TestConflictNamesLayout(t *testing.T) {
	typ := reflect.TypeFor[conflictNames]()
	if typ.Size() != 256 {
		t.Fatalf("conflictNames is %d bytes, want 256", typ.Size())
	}
	// The slice's pointer and length are its first 16 bytes; the loop
	// never reads its capacity.
	hot := map[string]uintptr{"pathsBits": 0, "nPaths": 0, "excl": 0, "pathHashes": 16}
	for name, used := range hot {
		f, ok := typ.FieldByName(name)
		if !ok {
			t.Fatalf("conflictNames has no field %s", name)
		}
		if used == 0 {
			used = f.Type.Size()
		}
		if end := f.Offset + used; end > 64 {
			t.Errorf("conflictNames.%s ends at byte %d, past the first cache line", name, end)
		}
	}
}
