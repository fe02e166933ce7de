package suggest

import (
	"testing"

	"medcode/corpus"
)

func TestExclusions(t *testing.T) {
	code := func(c string) *corpus.Code { return &corpus.Code{System: corpus.ICD10CM, Code: c} }
	table := map[string][]string{
		"E11.9":  {"E08", "E09", "O24.4"},
		"J18.9":  {"J69.0"},
		"O24.41": {"E11"},
	}
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
		x := &exclusions{table: table, prefixes: map[string]*corpus.Code{}, excluded: map[string]*corpus.Code{}}
		for _, k := range tt.kept {
			x.add(code(k))
		}
		got := ""
		if c := x.clash(code(tt.next)); c != nil {
			got = c.Code
		}
		if got != tt.clash {
			t.Errorf("kept %v, next %s: clash %q, want %q", tt.kept, tt.next, got, tt.clash)
		}
	}
	cpt := &corpus.Code{System: corpus.CPT, Code: "99213"}
	x := &exclusions{table: table, prefixes: map[string]*corpus.Code{}, excluded: map[string]*corpus.Code{}}
	x.add(cpt)
	if x.clash(cpt) != nil {
		t.Error("CPT codes take no part in Excludes1")
	}
}
