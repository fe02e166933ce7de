package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestFactRef: factRef returns a code of the table as the table's entry
// itself, what codeFacts works out for it, leaving spare alone; and a
// code past the table, or no code, as spare filled with factOf of its
// brief. fact, its copy, says the same.
func TestFactRef(t *testing.T) {
	e := SharedEngine(t)
	ids := append([]corpus.ID{-1, 0}, codeIDsAndPast(e.set)...)
	fresh, _ := codeFacts(e.set)
	e.linkCooc(fresh) // as factRef's table
	inTable := 0
	for _, id := range ids {
		var spare codeFact
		got := e.factRef(id, &spare)
		if id >= 0 && int(id) < len(fresh) && fresh[id].flags&factKnown != 0 {
			inTable++
			if got != &e.rank.facts[id] || *got != fresh[id] || spare != (codeFact{}) {
				t.Fatalf("id %d: factRef %p %+v (spare %+v), want the table's entry %+v", id, got, *got, spare, fresh[id])
			}
		} else if want := factOf(e.set.Brief(id)); got != &spare || spare != want {
			t.Fatalf("id %d: factRef %+v, want spare filled with %+v", id, *got, want)
		}
		if in := e.factIn(id); in != nil && in != got || in == nil && got != &spare {
			t.Fatalf("id %d: factIn %p, factRef %p (spare %p)", id, in, got, &spare)
		}
		if f := e.fact(id); f != *got {
			t.Fatalf("id %d: fact %+v, factRef %+v", id, f, *got)
		}
	}
	if inTable == 0 || inTable == len(ids) {
		t.Fatalf("%d of %d ids in the table: the test reads no mix", inTable, len(ids))
	}
}
