package suggest

import "testing"

// TestPutWorkForgetsRuleStems: pooled work keeps no stem of the last
// note's neoplasm sentence (the strings point into its analysis).
func TestPutWorkForgetsRuleStems(t *testing.T) {
	e := &Engine{}
	w := e.getWork()
	have, seen, gen := w.rules.neoRows(3)
	have["carcinom"] = 4
	seen[1] = gen
	e.putWork(w)
	if len(w.rules.neoHave) != 0 {
		t.Errorf("pooled work keeps the neoplasm stems %v", w.rules.neoHave)
	}
	if _, seen2, gen2 := w.rules.neoRows(3); seen2[1] == gen2 {
		t.Errorf("row 1 reads as seen in a new sentence")
	}
}
