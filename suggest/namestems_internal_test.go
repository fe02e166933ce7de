package suggest

import (
	"slices"
	"testing"
)

// TestNameStemTablePages: the table reads a name's stems as index.Stems
// does, remembers them, and makes only the pages of the names read.
func TestNameStemTablePages(t *testing.T) {
	ix := realEngine(t).ix
	var tab nameStemTable
	names := []int32{0, 1, int32(ix.Len() / 2), int32(ix.Len() - 1)}
	for _, n := range names {
		got := tab.of(ix, n)
		if want := ix.Stems(ix.NameText(n)); !slices.Equal(got, want) {
			t.Errorf("name %d: stems %q, want %q", n, got, want)
		}
		if again := tab.of(ix, n); len(got) > 0 && &again[0] != &got[0] {
			t.Errorf("name %d: stems not remembered", n)
		}
	}
	made := 0
	for i := range tab.pages {
		if tab.pages[i].Load() != nil {
			made++
		}
	}
	if made != 3 {
		t.Errorf("%d pages made for names %v, want 3", made, names)
	}
}
