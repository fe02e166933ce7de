package index

import (
	"bytes"
	"testing"

	"medcode/corpus"
)

func TestFlagsOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want NameFlag
	}{
		{"Type 2 diabetes mellitus", 0},
		{"Type 2 diabetes mellitus without complications", NameWithout},
		{"Without complication", NameWithout},
		{"FRACTURE WITHOUT DISPLACEMENT", NameWithout | NameCapitals},
		{"Fit NOS", NameCapitals},
		{"Prostatic intraepithelial neoplasia [PIN]", NameCapitals},
		{"Vitamin B12 deficiency", NameCapitals},
		{"Immunodeficiency with increased immunoglobulin M [IgM]", 0},
		{"Vitamin A deficiency, 2 weeks", 0},
		{"ÉTAT de mal", NameCapitals},
		{"état de mal, A-b", 0},
		{"Stage 2B", NameCapitals},
		{"Dose x2 é", 0},
		{"Ménière ÉÉ", NameCapitals},
		{"WithOut mixed case", 0},
		{"withouts", NameWithout}, // the same substring test as the engine's saysWithout
		{"Syndrome, Good's", NameApostrophe},
		{"Wells' disease without fever", NameApostrophe | NameWithout},
		{"Wells’ typographic apostrophe", 0},
	} {
		if got := flagsOf(tt.text); got != tt.want {
			t.Errorf("flagsOf(%q) = %b, want %b", tt.text, got, tt.want)
		}
	}
}

// TestNameHas: the flags are set for every name of a built index and of
// its snapshot read back (they are derived, not stored).
func TestNameHas(t *testing.T) {
	set := corpus.NewSet([]*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11.9", Display: "Type 2 diabetes mellitus without complications", Billable: true,
			Names: []corpus.Name{{Text: "Type 2 diabetes mellitus without complications", Kind: corpus.NameTitle}}},
		{System: corpus.ICD10CM, Code: "D80.5", Display: "Immunodeficiency with increased immunoglobulin M [IgM]", Billable: true,
			Names: []corpus.Name{{Text: "Syndrome, Good's", Kind: corpus.NameIndex}}},
	}, nil)
	ix, err := Build(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ix.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []*Index{ix, back} {
		seen := 0
		for n := range int32(x.Len()) {
			want := flagsOf(x.NameText(n))
			for _, f := range []NameFlag{NameApostrophe, NameWithout, NameCapitals} {
				if got := x.NameHas(n, f); got != (want&f != 0) {
					t.Errorf("NameHas(%q, %b) = %v", x.NameText(n), f, got)
				}
			}
			if want != 0 {
				seen++
			}
		}
		if seen != 2 {
			t.Errorf("%d flagged names, want 2", seen)
		}
	}
}
