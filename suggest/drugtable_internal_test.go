package suggest

import (
	"strings"
	"testing"
)

// TestParseDrugName reads the column of each name form corpus writes.
func TestParseDrugName(t *testing.T) {
	cases := []struct {
		in, substance string
		col           drugColumn
		ok            bool
	}{
		{"Poisoning by Acetaminophen, accidental (unintentional)", "Acetaminophen", colAccidental, true},
		{"Poisoning by Fentanyl, intentional self-harm", "Fentanyl", colSelfHarm, true},
		{"Poisoning by Lead NEC, assault", "Lead NEC", colAssault, true},
		{"Poisoning by Heroin, undetermined", "Heroin", colUndetermined, true},
		{"Adverse effect of Prednisone", "Prednisone", colAdverse, true},
		{"Underdosing of Insulin", "Insulin", colUnderdosing, true},
		{"Poisoning by Heroin", "", 0, false},
		{"Neoplasm, neoplastic, lung, malignant primary", "", 0, false},
	}
	for _, c := range cases {
		sub, col, ok := parseDrugName(c.in)
		if sub != c.substance || col != c.col || ok != c.ok {
			t.Errorf("parseDrugName(%q) = %q, %d, %v; want %q, %d, %v", c.in, sub, col, ok, c.substance, c.col, c.ok)
		}
	}
}

// FuzzParseDrugName: any text parses without panicking, and a parsed
// substance is a part of the name.
func FuzzParseDrugName(f *testing.F) {
	for _, s := range []string{"Poisoning by X, assault", "Adverse effect of Y", "Underdosing of ", "Poisoning by , undetermined", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sub, col, ok := parseDrugName(s)
		if ok && (!strings.Contains(s, sub) || col < 0 || col >= drugColumns) {
			t.Fatalf("parseDrugName(%q) = %q, %d", s, sub, col)
		}
	})
}
