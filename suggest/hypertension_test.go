package suggest

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// TestHypertensionTable: the family read from the Index and the Tabular
// List holds each combination code with its heart and kidney involvement,
// its heart failure and the CKD stages its notes ask for; the roles'
// filter lets every code with a role through.
func TestHypertensionTable(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := testCodeSet(t)
	e := &Engine{set: set}
	fam := e.hypertensionTable()
	for _, tc := range []struct {
		code                   string
		heart, kidney, failure bool
		asks, notAsks          string
	}{
		{"I10", false, false, false, "", "N18.4"},
		{"I11.0", true, false, true, "I50.22", "N18.4"},
		{"I11.9", true, false, false, "", "I50.22"},
		{"I12.0", false, true, false, "N18.6", "N18.4"},
		{"I12.9", false, true, false, "N18.4", "N18.6"},
		{"I13.0", true, true, true, "N18.31", "N18.6"},
		{"I13.10", true, true, false, "N18.2", "N18.5"},
		{"I13.11", true, true, false, "N18.5", "N18.2"},
		{"I13.2", true, true, true, "N18.6", "N18.2"},
	} {
		i := slices.IndexFunc(fam, func(h htnCode) bool { return h.code == tc.code })
		if i < 0 {
			t.Errorf("%s: not in the hypertension family", tc.code)
			continue
		}
		h := fam[i]
		if h.heart != tc.heart || h.kidney != tc.kidney || h.failure != tc.failure {
			t.Errorf("%s: heart %v kidney %v failure %v, want %v %v %v", tc.code, h.heart, h.kidney, h.failure, tc.heart, tc.kidney, tc.failure)
		}
		if tc.asks != "" && !slices.Contains(h.asks, tc.asks) {
			t.Errorf("%s: asks %v, want %s among them", tc.code, h.asks, tc.asks)
		}
		if slices.Contains(h.asks, tc.notAsks) {
			t.Errorf("%s: asks for %s", tc.code, tc.notAsks)
		}
	}
	// Pulmonary hypertension's "with, ... heart disease" subterms qualify
	// another kind of hypertension: not the family.
	if len(fam) != 9 {
		var got []string
		for _, h := range fam {
			got = append(got, h.code)
		}
		t.Errorf("family %v, want I10, I11.0, I11.9, I12.0, I12.9, I13.0, I13.10, I13.11, I13.2", got)
	}
	// The roles' filter passes every code the family names: a code's
	// role is its map entry, for every code of the set.
	e.htn = fam
	roles := e.htnRoles()
	known := 0
	for _, sys := range set.Systems() {
		for _, id := range set.IDs(sys) {
			code := set.CodeString(id)
			r, ok := roles.role(code)
			wr, wok := roles.by[code]
			if r != wr || ok != wok {
				t.Fatalf("%s: role %v %v, map %v %v", code, r, ok, wr, wok)
			}
			if ok {
				known++
			}
		}
	}
	if known != len(roles.by) {
		t.Errorf("%d codes of the set have roles, %d roles", known, len(roles.by))
	}
}
