package suggest

import (
	"testing"

	"medcode/corpus"
)

// TestCatKeyOf holds catKeyOf to category: two codes' keys are equal
// exactly when their categories are (discriminate's replaced compares
// them in place of the codes' category strings).
func TestCatKeyOf(t *testing.T) {
	e := SharedEngine(t)
	var ids []corpus.ID
	for _, sys := range e.set.Systems() {
		all := e.set.IDs(sys)
		for i := 0; i < len(all); i += 97 {
			ids = append(ids, all[i])
		}
	}
	ids = append(ids, 0)
	for _, code := range []string{"E11.9", "E11.65", "E10.9", "I10", "N18.9", "N18.31"} {
		if id, ok := e.set.ID(corpus.ICD10CM, code); ok {
			ids = append(ids, id)
		}
	}
	for _, a := range ids {
		for _, b := range ids[:min(len(ids), 300)] {
			same := category(e.set.Brief(a).Code) == category(e.set.Brief(b).Code)
			if got := e.catKeyOf(a) == e.catKeyOf(b); got != same {
				t.Fatalf("%q %q: keys equal %v, categories equal %v", e.set.Brief(a).Code, e.set.Brief(b).Code, got, same)
			}
		}
	}
}
