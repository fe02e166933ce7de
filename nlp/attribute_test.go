package nlp

import (
	"fmt"
	"slices"
	"testing"
)

func TestAttributes(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text string
		want []string // kind=value@surface
	}{
		{"Right knee pain", []string{"laterality=right@Right"}},
		{"bilateral LE edema, RLE worse", []string{"laterality=bilateral@bilateral", "laterality=right@RLE"}},
		{"Acute on chronic systolic heart failure", []string{"acuity=acute@Acute", "acuity=chronic@chronic"}},
		{"Fracture of left radius, initial encounter", []string{"laterality=left@left", "encounter=initial@initial encounter"}},
		{"subsequent encounter for routine healing", []string{"encounter=subsequent@subsequent encounter"}},
		{"sequela of burn", []string{"encounter=sequela@sequela"}},
		{"Type 2 diabetes mellitus", []string{"diabetes_type=2@Type 2"}},
		{"type II DM", []string{"diabetes_type=2@type II"}},
		{"T1DM on insulin", []string{"diabetes_type=1@T1DM"}},
		{"DM2", []string{"diabetes_type=2@DM2"}},
		{"Type 2 MI from demand ischemia", nil},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		var got []string
		for _, a := range d.Attributes {
			got = append(got, fmt.Sprintf("%s=%s@%s", a.Kind, a.Value, tc.text[a.Span.Start:a.Span.End]))
			if a.Sent != d.Tokens[0].Sent && len(d.Sentences) == 1 {
				t.Errorf("%q: attribute sentence %d", tc.text, a.Sent)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: attributes %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestAttributeTerms holds attributes over the terms makeTerms listed
// (termIndex.attr, by senseAttribute) to attributes over every term, on
// the test and dev notes and on texts whose attribute words come from
// abbreviations, synonyms and compounds; and the words of the switch to
// their sense bit.
func TestAttributeTerms(t *testing.T) {
	p := testPipeline(t)
	for w := range attributeWords {
		if senseWordsOf(w)&senseAttribute == 0 {
			t.Errorf("senseWordsOf(%q) lacks senseAttribute", w)
		}
	}
	for _, w := range []string{"", "a", "pain", "patient", "the", "chronicity", "Right", "1234", "é"} {
		if senseWordsOf(w)&senseAttribute != 0 {
			t.Errorf("senseWordsOf(%q) has senseAttribute", w)
		}
	}
	texts := append(testNotes(t), "RLE edema, LUE and BLE; T1DM, DM2, type II DM, IDDM, NIDDM; s/p R TKA; ARF on CKD; L knee, bilat",
		"initial encounter; late effects of polio; subsequent visit; juvenile diabetes; acute-on-chronic; re-fracture of left femur")
	n := 0
	for _, text := range texts {
		d := p.Analyze(text)
		all := make([]int32, len(d.Terms))
		for k := range all {
			all[k] = int32(k)
		}
		want := attributes(d, nil, all)
		if !slices.Equal(d.Attributes, nilIfEmpty(want)) {
			t.Fatalf("attributes of %.60q = %v, over every term %v", text, d.Attributes, want)
		}
		n += len(want)
	}
	if n == 0 {
		t.Fatal("no attributes found: the test cannot fail")
	}
}
