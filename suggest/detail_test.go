package suggest_test

import (
	"context"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestProcedureDetail checks procedure families: a documented duration or
// size picks the member whose range holds it, and a family the note cannot
// tell apart is one suggestion with a query, its tied siblings rejected.
func TestProcedureDetail(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note string
		family     string // code prefix of the family
		want       string // the one member suggested
		query      bool   // it carries the undocumented_detail edit
		rejected   string // rule of the others' rejections ("" none needed)
	}{
		{"duration above the range", "Smoking cessation counseling for 15 minutes today.", "9940", "99407", false, "contradicted"},
		{"duration within the range", "Smoking cessation counseling, 5 min.", "9940", "99406", false, "contradicted"},
		{"length selects the repair", "Simple laceration repair of the right forearm, 3 cm.", "1200", "12002", false, "contradicted"},
		{"size selects the excision", "Excision of benign skin lesion of the back, 1.5 cm.", "1140", "11402", false, ""},
		{"views documented", "Chest x-ray, two views, obtained today: no infiltrate.", "71046", "71046", false, ""},
		{"views not documented", "Chest x-ray obtained today: no infiltrate.", "7104", "71045", true, "undocumented_detail"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			var got []suggest.Suggestion
			for _, s := range res.Suggestions {
				if strings.HasPrefix(s.Code, tc.family) && s.Confidence >= eng.DecisionThreshold() {
					got = append(got, s)
				}
			}
			if len(got) != 1 || got[0].Code != tc.want {
				var codes []string
				for _, s := range got {
					codes = append(codes, s.Code)
				}
				t.Fatalf("above threshold: %v, want only %s", codes, tc.want)
			}
			query := false
			for _, ed := range got[0].Edits {
				query = query || ed.Kind == "undocumented_detail"
			}
			if query != tc.query {
				t.Errorf("%s: query edit %v, want %v (%+v)", tc.want, query, tc.query, got[0].Edits)
			}
			if tc.rejected == "" {
				return
			}
			n := 0
			for _, r := range res.Rejected {
				if strings.HasPrefix(r.Code, tc.family) && r.Rule == tc.rejected {
					n++
				}
			}
			if n == 0 {
				t.Errorf("no %s rejection of %s's siblings: %+v", tc.rejected, tc.want, res.Rejected)
			}
		})
	}
}
