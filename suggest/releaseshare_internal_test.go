package suggest

import (
	"math"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestReleasePriorsShared: the release engines share one priors table,
// and every code's prior, in every release, is what the model's priors
// say of its code and category (the table, or the lookup for a code the
// table lacks).
func TestReleasePriorsShared(t *testing.T) {
	testenv.SkipUnderRace(t)
	base := realEngine(t)
	m := &Model{Priors: map[string]float64{"ICD-10-CM|I42.0": 1.5, "ICD-10-CM|I42.00": 1.25, "ICD-10-CM|D69.11": 0.75, "ICD-10-CM|I42*": -0.5, "default": -2}}
	eng, err := New(base.union, base.ix, Options{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(eng.byRelease) < 2 {
		t.Skip("one ICD-10-CM release loaded")
	}
	first := eng.byRelease[0]
	for _, sub := range eng.byRelease {
		if len(sub.priorByID) == 0 || &sub.priorByID[0] != &first.priorByID[0] {
			t.Fatalf("release %s has a priors table of its own", sub.releases[string(corpus.ICD10CM)].Release)
		}
	}
	for _, code := range []string{"I42.0", "I42.00", "I42.9", "D69.11", "E11.9"} {
		id, ok := base.union.ID(corpus.ICD10CM, code)
		if !ok {
			t.Fatalf("no %s", code)
		}
		for _, sub := range eng.byRelease {
			for _, cat := range []bool{false, true} {
				want := m.Priors["default"]
				if p, ok := m.Priors["ICD-10-CM|"+code]; ok && !cat {
					want = p
				}
				if cat && code[:3] == "I42" {
					want = m.Priors["ICD-10-CM|I42*"]
				}
				if got := sub.prior(id, cat); got != want || math.IsNaN(got) {
					t.Errorf("%s (category %v) in %s: prior %v, want %v", code, cat, sub.releases[string(corpus.ICD10CM)].Release, got, want)
				}
			}
		}
	}
}
