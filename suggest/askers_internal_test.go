package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
)

// askedPlain is unconcluded's plain question: whether a candidate of ks
// at or above thr has notes pairing code.
func askedPlain(e *Engine, ks []scored, thr float64, code string) bool {
	for i := range ks {
		if ks[i].conf >= thr && pairedWith(e.conflictNames(ks[i].code), code) {
			return true
		}
	}
	return false
}

// TestAskersAgree holds askers to askedPlain on random candidate lists of
// real codes (some whose notes pair others: N40.1, E11.22, I12.9), with
// candidates lowered below the threshold between questions as unconcluded
// does.
func TestAskersAgree(t *testing.T) {
	e := realEngine(t)
	codes := []string{"N40.1", "E11.22", "I12.9", "N18.3", "R35.1", "R39.14", "R53.83", "I10", "J44.1", "J96.01",
		"E11.9", "K21.9", "R05.9", "N39.0", "B96.20", "F32.A", "Z79.4", "L03.115", "E66.01", "Z68.35", "O24.410"}
	var ids []corpus.ID
	for _, c := range codes {
		if id, ok := e.set.ID(corpus.ICD10CM, c); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) < 10 {
		t.Fatalf("only %d of the test codes in the set", len(ids))
	}
	const thr = 0.5
	r := rand.New(rand.NewPCG(18, 1))
	yes := 0
	for trial := range 300 {
		ks := make([]scored, 1+r.IntN(12))
		for i := range ks {
			ks[i] = scored{code: ids[r.IntN(len(ids))], conf: r.Float64()}
		}
		a := askers{e: e, ks: ks, thr: thr}
		for range 2 * len(ks) {
			code := codes[r.IntN(len(codes))]
			if got, want := a.asks(code), askedPlain(e, ks, thr, code); got != want {
				t.Fatalf("trial %d: asks(%s) = %v, plain %v", trial, code, got, want)
			} else if got {
				yes++
			}
			if k := &ks[r.IntN(len(ks))]; k.conf >= thr && r.IntN(2) == 0 {
				k.conf = thr - 0.01 // lowered, as lowerWhere does
			}
		}
	}
	if yes == 0 {
		t.Error("no question answered yes: the test codes pair none")
	}
}
