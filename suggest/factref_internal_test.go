package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestFactRef holds factRef, the table's entry read in place, to fact
// for every code of the engine's set, ids past the table and no id.
func TestFactRef(t *testing.T) {
	e := SharedEngine(t)
	ids := []corpus.ID{-1, 0}
	top := corpus.ID(0)
	for _, sys := range e.set.Systems() {
		for _, id := range e.set.IDs(sys) {
			ids = append(ids, id)
			top = max(top, id)
		}
	}
	ids = append(ids, top+1, top+1000)
	for _, id := range ids {
		var spare codeFact
		if got, want := *e.factRef(id, &spare), e.fact(id); got != want {
			t.Fatalf("id %d: factRef %+v, fact %+v", id, got, want)
		}
	}
}
