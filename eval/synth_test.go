package eval

import (
	"reflect"
	"strings"
	"testing"

	"medcode/corpus"
)

func TestSyntheticCases(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11", Display: "Type 2 diabetes mellitus", Children: []string{"E11.9"}},
		{System: corpus.ICD10CM, Code: "E11.9", Parent: "E11", Billable: true, Display: "Type 2 diabetes mellitus without complications",
			Names: []corpus.Name{{Text: "Type 2 diabetes mellitus without complications", Kind: corpus.NameTitle}, {Text: "Diabetes (mellitus) NOS", Kind: corpus.NameInclusion}}},
		{System: corpus.ICD10CM, Code: "J18.9", Billable: true, Display: "Pneumonia, unspecified organism"},
		{System: corpus.ICD10CM, Code: "S72", Display: "Fracture of femur"}, // not billable: never stated
	}, nil)
	a := SyntheticCases(set, SynthOptions{Cases: 40, Codes: 2, Seed: 7})
	b := SyntheticCases(set, SynthOptions{Cases: 40, Codes: 2, Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed wrote different notes")
	}
	if len(a) != 40 {
		t.Fatalf("%d cases, want 40", len(a))
	}
	seen := map[string]bool{}
	for _, c := range a {
		if len(c.Gold) != 2 || strings.Count(c.Text, ".") < 2 {
			t.Fatalf("case %s: %d gold codes in %q", c.ID, len(c.Gold), c.Text)
		}
		for _, g := range c.Gold {
			seen[g.Code] = true
			if g.Code == "S72" || g.Code == "E11" {
				t.Errorf("non-billable %s stated", g.Code)
			}
		}
		if strings.Contains(c.Text, "(mellitus)") && strings.Contains(c.Text, "Diabetes mellitus NOS") {
			t.Errorf("bracketed words half dropped: %q", c.Text)
		}
	}
	if !seen["E11.9"] || !seen["J18.9"] {
		t.Errorf("codes stated: %v, want both billable codes", seen)
	}
	if SyntheticCases(corpus.NewSet(nil, nil), SynthOptions{}) != nil {
		t.Error("an empty code set writes notes")
	}
}
