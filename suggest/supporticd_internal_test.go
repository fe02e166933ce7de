package suggest

import (
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestSupportICD: the icd flag pairFacts sets, which mayYield reads, is
// what the code's brief says of its system, for every code of every
// system of the real code sets (and for no code).
func TestSupportICD(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := realEngine(t)
	ids := []corpus.ID{0}
	for _, sys := range e.set.Systems() {
		ids = append(ids, e.set.IDs(sys)...)
	}
	icd := 0
	for _, id := range ids {
		var s support
		e.pairFacts(&s, id)
		want := e.set.Brief(id).System == corpus.ICD10CM
		if s.icd != want {
			t.Fatalf("code %d (%+v): pairFacts icd %v, want %v", id, e.set.Brief(id), s.icd, want)
		}
		if want {
			icd++
		}
	}
	if icd == 0 || icd == len(ids) {
		t.Fatalf("%d ICD-10-CM codes of %d: the test reads no mix of systems", icd, len(ids))
	}
}
