package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestSeqID: an ICD-10-CM code's own spelling finds its id, so seqID's
// hint answers what the lookup does; a hint of another code, another
// system's code or past the hints falls back to the lookup.
func TestSeqID(t *testing.T) {
	e := SharedEngine(t)
	ids := e.set.IDs(corpus.ICD10CM)
	for _, id := range ids {
		code := e.set.CodeString(id)
		got, ok := e.seqID([]corpus.ID{id}, 0, code)
		want, wok := e.set.ID(corpus.ICD10CM, code)
		if got != want || ok != wok {
			t.Fatalf("%s: seqID %d, %v; ID %d, %v", code, got, ok, want, wok)
		}
	}
	others := e.set.IDs(corpus.CPT)
	for n, code := range []string{"E11.9", "e11.9", "E119", "I10", "99213", "", "Z00.00"} {
		hints := []corpus.ID{ids[n*7%len(ids)], ids[0]}
		if len(others) > 0 {
			hints = append(hints, others[n%len(others)])
		}
		for i := range len(hints) + 1 {
			got, ok := e.seqID(hints, i, code)
			want, wok := e.set.ID(corpus.ICD10CM, code)
			if got != want || ok != wok {
				t.Fatalf("%q at %d of %v: seqID %d, %v; ID %d, %v", code, i, hints, got, ok, want, wok)
			}
		}
	}
}
