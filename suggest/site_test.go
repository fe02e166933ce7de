package suggest_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestSite: a vague code gives way to the code of its category whose
// site, side or sibling word the sentence states, in the note's words or
// the ones sites.txt gives them; a note that states no such word keeps
// the vague code, and a further condition ("with perforation") is never
// read into a bare "with".
func TestSite(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		name, text string
		want       []string // suggested
		gone       string   // the vague code, no longer suggested
		first      string   // the first suggestion, when the note states nothing more
		edit       string   // an edit of want[0] holds this
	}{
		{name: "toe is ankle and foot", text: "Gout flare, right great toe.", want: []string{"M10.071"}, gone: "M10.9", edit: "M10.9 leaves unspecified"},
		{name: "no site keeps gout", text: "Gout flare.", first: "M10.9"},
		{name: "sigmoid is large intestine", text: "Sigmoid diverticulitis.", want: []string{"K57.32"}, gone: "K57.92"},
		{name: "back is trunk", text: "Lipoma of the back.", want: []string{"D17.1"}, gone: "D17.9"},
		{name: "sibling word", text: "Uterine fibroid, intramural.", want: []string{"D25.1"}, gone: "D25.9"},
		{name: "both ears", text: "Impacted cerumen, both ears.", want: []string{"H61.23"}, gone: "H61.20"},
		{name: "no side keeps cerumen", text: "Impacted cerumen.", first: "H61.20"},
		{name: "stem to bilateral stem", text: "Primary open-angle glaucoma, both eyes, moderate stage.", want: []string{"H40.1132"}, gone: "H40.1192"},
		{name: "no bilateral code", text: "Bilateral knee pain.", want: []string{"M25.561", "M25.562"}, gone: "M25.569", edit: "no bilateral code"},
		{name: "one knee", text: "Knee pain.", first: "M25.569"},
		{name: "with is no condition", text: "Acute appendicitis with appendicolith.", first: "K35.80"},
		{name: "seventh character both eyes", text: "Type 2 diabetes with mild nonproliferative diabetic retinopathy without macular edema, both eyes.", want: []string{"E11.3293"}, gone: "E11.3291"},
		{name: "seventh character no side", text: "Type 2 diabetes with mild nonproliferative diabetic retinopathy without macular edema.", want: []string{"E11.3299"}, gone: "E11.3291"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := codes(res)
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Fatalf("first %v, want %s", got, tt.first)
			}
			for _, c := range tt.want {
				if !slices.Contains(got, c) {
					t.Errorf("%s not suggested: %v", c, got)
				}
			}
			if tt.gone != "" && slices.Contains(got, tt.gone) {
				t.Errorf("%s still suggested: %v", tt.gone, got)
			}
			if tt.edit != "" {
				found := false
				if s := find(res, tt.want[0]); s != nil {
					for _, ed := range s.Edits {
						found = found || strings.Contains(ed.Message, tt.edit)
					}
				}
				if !found {
					t.Errorf("%s: no edit holding %q", tt.want[0], tt.edit)
				}
			}
			// Evidence offsets still slice the note.
			for _, s := range res.Suggestions {
				for _, ev := range s.Evidence {
					if tt.text[ev.Start:ev.End] != ev.Text {
						t.Errorf("%s evidence %q at %d:%d", s.Code, ev.Text, ev.Start, ev.End)
					}
				}
			}
		})
	}
}
