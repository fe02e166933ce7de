package suggest

import (
	"sync"
	"testing"

	"medcode/corpus"
)

// TestIDMemo: a value is remembered per id, the first store wins, an id
// past the set's falls back to the map, and concurrent stores agree.
func TestIDMemo(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11.9", Display: "Type 2 diabetes mellitus without complications", Billable: true},
		{System: corpus.ICD10CM, Code: "N18.9", Display: "Chronic kidney disease, unspecified", Billable: true},
	}, nil)
	top := maxID(set)
	if top <= 0 {
		t.Fatalf("maxID = %d, want the largest id of two codes", top)
	}
	for _, id := range []corpus.ID{0, top, top + 5} {
		var m idMemo[string]
		if v, ok := m.load(set, id); ok || v != nil {
			t.Errorf("id %d: empty memo loads %v, %v", id, v, ok)
		}
		a, b := "a", "b"
		if got := m.store(set, id, &a); got != &a {
			t.Errorf("id %d: first store returned %v", id, got)
		}
		if got := m.store(set, id, &b); got != &a {
			t.Errorf("id %d: second store returned %q, want the first value", id, *got)
		}
		if v, ok := m.load(set, id); !ok || v != &a {
			t.Errorf("id %d: load = %v, %v, want the first value", id, v, ok)
		}
	}
	var m idMemo[int]
	var wg sync.WaitGroup
	got := make([]*int, 8)
	for i := range got {
		wg.Go(func() {
			v := i
			got[i] = m.store(set, top, &v)
		})
	}
	wg.Wait()
	for _, g := range got {
		if g != got[0] {
			t.Fatalf("concurrent stores disagree: %v vs %v", *g, *got[0])
		}
	}
}
