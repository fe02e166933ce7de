package suggest_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestDrugTable codes substances from the Table of Drugs and Chemicals:
// the column from the words beside the substance, the intent and the
// seventh character from the sentence.
func TestDrugTable(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, text string
		want       string   // a suggested code
		first      bool     // want is ranked first
		absent     []string // codes the table must not add
	}{
		{"accidental", "Accidental acetaminophen overdose, initial encounter.", "T39.1X1A", true, []string{"Z76.89", "Y63.2"}},
		{"intent default accidental", "Fentanyl overdose, initial.", "T40.411A", true, nil},
		{"self-harm", "Oxycodone overdose, intentional self-harm, initial encounter.", "T40.2X2A", true, []string{"T40.2X1A", "Z76.89"}},
		{"suicide attempt", "Alprazolam overdose in a suicide attempt, initial encounter.", "T42.4X2A", true, []string{"T14.91XA"}},
		{"undetermined", "Amitriptyline poisoning, intent undetermined, initial encounter.", "T43.014A", true, nil},
		{"subsequent", "Heroin overdose, accidental, subsequent encounter.", "T40.1X1D", true, nil},
		{"placeholder x", "Accidental bleach ingestion by a child, initial encounter.", "T54.91XA", true, nil},
		{"adverse effect", "Adverse effect of lisinopril, initial encounter.", "T46.4X5A", true, nil},
		{"induced after its condition", "Steroid-induced hyperglycemia, initial encounter.", "T38.0X5A", false, []string{"T38.0X1A"}},
		{"underdosing", "Underdosing of levothyroxine, subsequent encounter.", "T38.1X6D", true, nil},
		{"negated", "Denies any overdose of acetaminophen.", "", false, []string{"T39.1X1A"}},
		{"no cue", "Takes acetaminophen for knee pain.", "", false, []string{"T39.1X1A", "T39.1X5A"}},
		{"allergy list", "Allergies: penicillin (hives).", "", false, []string{"T36.0X5A", "T36.0X1A"}},
		{"index entry wins", "Food poisoning after a picnic.", "", false, []string{"T62.91XA"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.text, Systems: []corpus.System{corpus.ICD10CM}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Suggestions {
				got = append(got, s.Code)
			}
			if tc.want != "" {
				i := slices.Index(got, tc.want)
				if i < 0 || tc.first && i != 0 {
					t.Errorf("%q: got %v, want %s%s", tc.text, got, tc.want, map[bool]string{true: " first"}[tc.first])
				}
			}
			for _, s := range res.Suggestions {
				if slices.Contains(tc.absent, s.Code) && (tc.want != "" || fromRule(s, "drug_table")) {
					t.Errorf("%q: got %v, want no %s", tc.text, got, s.Code)
				}
			}
		})
	}
}

// fromRule reports whether a coding rule added or confirmed s.
func fromRule(s suggest.Suggestion, rule string) bool {
	for _, c := range s.Explanation.Children {
		if strings.HasPrefix(c.Message, "coding rule "+rule+":") {
			return true
		}
	}
	return false
}
