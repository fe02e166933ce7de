package index

import (
	"testing"

	"medcode/corpus"
)

// TestKindWeightTable holds the index's kindW, which score reads per hit,
// to kindWeight for every kind a record's head byte can hold.
func TestKindWeightTable(t *testing.T) {
	ix := build(t)
	for k := range ix.kindW {
		if got, want := ix.kindW[k], kindWeight(corpus.NameKind(k)); got != want {
			t.Errorf("kindW[%d] = %v, want %v", k, got, want)
		}
	}
}
