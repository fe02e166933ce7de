package suggest

import (
	"math"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// prior is priorPair's plain form, one prior at a time: the code's, or
// with category its category's.
func (e *Engine) prior(c corpus.ID, category bool) float64 {
	i := 0
	if category {
		i = 1
	}
	if int(c) >= 0 && int(c) < len(e.priorByID) {
		if p := e.priorByID[c][i]; !math.IsNaN(p) {
			return p
		}
	}
	return e.priorLookup(c, category)
}

// TestPriorPair holds priorPair to prior's two calls, the code's and its
// category's, for every code of every system, under a model whose priors
// name some codes and a category.
func TestPriorPair(t *testing.T) {
	testenv.SkipUnderRace(t)
	base := realEngine(t)
	m := &Model{Priors: map[string]float64{"ICD-10-CM|I42.0": 1.5, "ICD-10-CM|I42.00": 1.25, "ICD-10-CM|D69.11": 0.75,
		"ICD-10-CM|I42*": -0.5, "ICD-10-CM|E11*": -1, "default": -2}}
	e, err := New(base.union, base.ix, Options{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	var ids []corpus.ID
	for _, sys := range e.set.Systems() {
		ids = append(ids, e.set.IDs(sys)...)
	}
	if len(ids) < 1000 {
		t.Fatalf("only %d codes", len(ids))
	}
	named := 0
	for _, id := range ids {
		code, cat := e.priorPair(id)
		wc, wcat := e.prior(id, false), e.prior(id, true)
		if code != wc || cat != wcat || math.IsNaN(code) || math.IsNaN(cat) {
			t.Fatalf("%s: priorPair %v %v, prior %v %v", e.set.CodeString(id), code, cat, wc, wcat)
		}
		if code != -2 || cat != -2 {
			named++
		}
	}
	if named < 4 {
		t.Fatalf("only %d codes with a prior of their own or their category's", named)
	}
}
