package suggest

import (
	"fmt"
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

// TestIDMemoPages: a memo makes the page of an id on its first store
// only, so that a memo over a large set holds what was stored, not a slot
// per id.
func TestIDMemoPages(t *testing.T) {
	var codes []*corpus.Code
	for i := range 1000 {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: fmt.Sprintf("A%02d.%d", i/10, i%10), Display: "x", Billable: true})
	}
	set := corpus.NewSet(codes, nil)
	var m idMemo[int]
	ids := set.IDs(corpus.ICD10CM)
	v := 7
	for _, id := range []corpus.ID{ids[3], ids[5], ids[900]} {
		m.store(set, id, &v)
	}
	made := 0
	for i := range m.pages {
		if m.pages[i].Load() != nil {
			made++
		}
	}
	if made != 2 {
		t.Errorf("%d pages made for ids in two pages (of %d)", made, len(m.pages))
	}
	for _, id := range ids {
		got, ok := m.load(set, id)
		want := id == ids[3] || id == ids[5] || id == ids[900]
		if ok != want || ok && *got != 7 {
			t.Errorf("id %d: load = %v, %v, want stored %v", id, got, ok, want)
		}
	}
}
