package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestNeoplasmTable codes a site named with a behavior from the Neoplasm
// Table: row, column, and the category's documented child.
func TestNeoplasmTable(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, text string
		want       []string // codes the table adds, in this order
		absent     []string // codes it must not add
	}{
		{"lobe and laterality", "Adenocarcinoma of the left lower lobe of the lung.", []string{"C34.32"}, nil},
		{"site words in note order", "Sigmoid colon adenocarcinoma.", []string{"C18.7"}, []string{"C18.9"}},
		{"secondary after to", "Carcinoma metastatic to the liver.", []string{"C78.7"}, []string{"C22.8", "C22.9"}},
		{"site metastases and primary", "Brain metastases from adenocarcinoma of the right lung.", []string{"C79.31", "C34.91"}, []string{"C71.9"}},
		{"in situ", "Carcinoma in situ of the bladder.", []string{"D09.0"}, []string{"C67.9"}},
		// D05.- "in situ": the unspecified type unless the note names one.
		{"in situ, no type", "Carcinoma in situ of the left breast.", []string{"D05.92"}, []string{"D05.02", "D05.12"}},
		{"in situ, ductal", "Ductal carcinoma in situ of the right breast.", []string{"D05.11"}, []string{"D05.01", "D05.91"}},
		{"benign", "Benign neoplasm of the right adrenal gland.", []string{"D35.01"}, nil},
		{"uncertain", "Neoplasm of uncertain behavior of the parotid gland.", []string{"D37.030"}, nil},
		{"skin morphology", "Basal cell carcinoma of the skin of the nose.", []string{"C44.311"}, nil},
		{"female breast", "She has cancer of the left breast.", []string{"C50.912"}, nil},
		{"adjective is no behavior", "Benign paroxysmal positional vertigo, right ear.", nil, []string{"D23.21", "D22.21"}},
		{"history", "History of colon cancer, resected in 2019.", nil, []string{"C18.9"}},
		{"negated", "No evidence of lung cancer.", nil, []string{"C34.90"}},
		{"own morphology", "Malignant melanoma of the left upper arm.", nil, []string{"C44.602", "C44.609"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.text, Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 15})
			if err != nil {
				t.Fatal(err)
			}
			var got, ruled []string
			for _, s := range res.Suggestions {
				got = append(got, s.Code)
				if fromRule(s, "neoplasm_table") {
					ruled = append(ruled, s.Code)
				}
				for _, ev := range s.Evidence {
					if tc.text[ev.Start:ev.End] != ev.Text {
						t.Errorf("%s: evidence %q at %d:%d", s.Code, ev.Text, ev.Start, ev.End)
					}
				}
			}
			if !slices.Equal(ruled, tc.want) {
				t.Errorf("%q: table codes %v, want %v (all %v)", tc.text, ruled, tc.want, got)
			}
			if len(tc.want) > 0 && (len(got) == 0 || got[0] != tc.want[0]) {
				t.Errorf("%q: got %v, want %s first", tc.text, got, tc.want[0])
			}
			for _, a := range tc.absent {
				if slices.Contains(ruled, a) {
					t.Errorf("%q: table added %s", tc.text, a)
				}
			}
		})
	}
}
