package suggest

import (
	"reflect"
	"testing"

	"medcode/index"
)

func TestBaseSharesTables(t *testing.T) {
	t.Parallel()
	base := SharedEngine(t)
	e, err := New(base.union, base.ix, Options{Model: &Model{Priors: map[string]float64{"default": 0.01}}, Base: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.byRelease) != len(base.byRelease) || len(e.byRelease) < 2 {
		t.Fatalf("release engines: %d, base %d", len(e.byRelease), len(base.byRelease))
	}
	for i, sub := range e.byRelease {
		b := base.byRelease[i]
		if sub.set != b.set {
			t.Fatalf("release %d: other code sets", i)
		}
		if sub.slots != b.slots || sub.sites != b.sites || len(sub.excl.runs) == 0 || &sub.excl.runs[0] != &b.excl.runs[0] ||
			len(sub.htn) == 0 || &sub.htn[0] != &b.htn[0] || len(sub.status) == 0 || &sub.status[0] != &b.status[0] {
			t.Errorf("release %d: tables not shared with the base", i)
		}
		// The targets are the base's; their edits a copy the new engine
		// may append to (the model's learned names, its usual codes).
		if len(sub.targets) == 0 || &sub.targets[0] != &b.targets[0] || sub.indexEdits != b.indexEdits || sub.indexEdits < 2 ||
			!reflect.DeepEqual(sub.edits[:sub.indexEdits], b.edits[:b.indexEdits]) || &sub.edits[1] == &b.edits[1] {
			t.Errorf("release %d: targets not shared with the base, or their edits not copied", i)
		}
		if sub.model == b.model || sub.priors == nil {
			t.Errorf("release %d: the model is not the new engine's own", i)
		}
	}
	// Another index, or no base: the engine builds its own.
	other := &index.Index{}
	for _, c := range []struct {
		name string
		base *Engine
		ix   *index.Index
	}{{"nil base", nil, base.ix}, {"other index", base, other}} {
		if got := sharedFrom(c.base, base.set, c.ix); got != nil {
			t.Errorf("%s: shares the tables of an engine on other inputs", c.name)
		}
	}
	if got := sharedFrom(base, base.byRelease[0].set, base.ix); got != base.byRelease[0] {
		t.Errorf("sharedFrom of the oldest release's set = %p, want its release engine %p", got, base.byRelease[0])
	}
}
