package suggest

import (
	"testing"

	"medcode/corpus"
)

func TestExclusions(t *testing.T) {
	var codes []*corpus.Code
	for _, c := range []string{"E11.9", "E08.9", "O24.410", "E10.9", "J18.9", "J69.0", "J69.1", "O24.41", "E11.65", "E09.9"} {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: c})
	}
	set := corpus.NewSet(append(codes, &corpus.Code{System: corpus.CPT, Code: "99213"}), nil)
	code := func(c string) corpus.ID {
		id, ok := set.ID(corpus.ICD10CM, c)
		if !ok {
			t.Fatalf("no code %s", c)
		}
		return id
	}
	table := map[string][]string{
		"E11.9":  {"E08", "E09", "O24.4"},
		"J18.9":  {"J69.0"},
		"O24.41": {"E11"},
	}
	e := &Engine{set: set, excl: packExclusions(set, table)}
	tests := []struct {
		kept  []string
		next  string
		clash string // "" = none
	}{
		{[]string{"E11.9"}, "E08.9", "E11.9"},    // the kept code's note names the new one
		{[]string{"E08.9"}, "E11.9", "E08.9"},    // the new code's note names a kept one
		{[]string{"E11.9"}, "O24.410", "E11.9"},  // prefix O24.4 of O24.410
		{[]string{"E11.9"}, "E10.9", ""},         // unrelated
		{[]string{"J18.9"}, "J69.0", "J18.9"},    // exact code
		{[]string{"J18.9"}, "J69.1", ""},         // sibling not named
		{[]string{"O24.41"}, "E11.65", "O24.41"}, // category named
		{[]string{"J18.9", "E11.9"}, "E09.9", "E11.9"},
	}
	for _, tt := range tests {
		x := e.keptExclusions(&work{})
		for _, k := range tt.kept {
			x.add(code(k))
		}
		got := ""
		if c := x.clash(code(tt.next)); c != 0 {
			got = set.Brief(c).Code
		}
		if got != tt.clash {
			t.Errorf("kept %v, next %s: clash %q, want %q", tt.kept, tt.next, got, tt.clash)
		}
		x.reset()
		if c := x.clash(code(tt.next)); c != 0 {
			t.Errorf("kept %v, reset, next %s: clash %s, want none", tt.kept, tt.next, set.Brief(c).Code)
		}
	}
	cpt, _ := set.ID(corpus.CPT, "99213")
	x := e.keptExclusions(&work{})
	x.add(cpt)
	if x.clash(cpt) != 0 {
		t.Error("CPT codes take no part in Excludes1")
	}
}
