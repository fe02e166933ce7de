package index

import (
	"slices"
	"testing"
)

// TestStemsOnce: StemsOnce reads what Stems reads and leaves the index's
// memo as it was (nlp's TestTermsOnce checks the pipeline's).
func TestStemsOnce(t *testing.T) {
	ix := build(t)
	for _, text := range []string{"Fracture of left femur, initial encounter", "Pain, unspecified", "", "Type 2 diabetes mellitus without complications"} {
		got := ix.StemsOnce(text)
		if _, ok := ix.memo.Get(text); ok {
			t.Errorf("%q: StemsOnce remembered the stems", text)
		}
		if want := ix.Stems(text); !slices.Equal(got, want) {
			t.Errorf("%q: StemsOnce %q, Stems %q", text, got, want)
		}
	}
}
