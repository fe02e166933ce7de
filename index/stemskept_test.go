package index

import (
	"slices"
	"strings"
	"testing"
)

// TestStemsKept: StemsKept reads what Stems reads, whichever of the two
// read a text first, and remembers it as Stems does.
func TestStemsKept(t *testing.T) {
	texts := []string{"Fracture of left femur, initial encounter", "Pain, unspecified", "", "Type 2 diabetes mellitus without complications", strings.Repeat("chronic kidney disease ", 12)}
	for _, keptFirst := range []bool{false, true} {
		ix := build(t)
		for _, text := range texts {
			var got, want []string
			if keptFirst {
				got, want = ix.StemsKept(text), ix.Stems(text)
			} else {
				want, got = ix.Stems(text), ix.StemsKept(text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q: StemsKept %q, Stems %q", text, got, want)
			}
			if again := ix.StemsKept(text); !slices.Equal(again, want) {
				t.Errorf("%q: StemsKept again %q, Stems %q", text, again, want)
			}
			if _, ok := ix.memo.Get(text); ok != (len(text) <= stemMemoLen) {
				t.Errorf("%q: remembered %v", text, ok)
			}
		}
	}
}
