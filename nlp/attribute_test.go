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

// TestAttrCandidate holds every word of attributes' switch to its
// prefilter, and a few others away from it.
func TestAttrCandidate(t *testing.T) {
	for _, w := range []string{"right", "left", "bilateral", "bilaterally", "acute", "acutely", "chronic", "chronically",
		"sequela", "sequelae", "initial", "subsequent", "late", "type", "iddm", "juvenile", "niddm"} {
		if !attrCandidate(w) {
			t.Errorf("attrCandidate(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "a", "pain", "patient", "the", "chronicity", "Right", "1234", "é"} {
		if attrCandidate(w) {
			t.Errorf("attrCandidate(%q) = true, want false", w)
		}
	}
}
