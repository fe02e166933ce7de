package suggest_test

import (
	"context"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestFractureHealing: the healing a note states for a fracture, in its
// own sentence and words, chooses the seventh character; a fracture's
// bone callus is no skin callus.
func TestFractureHealing(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, text string
		want       string // suggested
		absent     string // not suggested
	}{
		{"nonunion in the impression", "Follow-up left humeral shaft fracture, 8 weeks.\nIMPRESSION: Nonunion at the fracture site.", "S42.302K", "S42.302A"},
		{"non-union hyphenated", "Left humeral shaft fracture. Non-union of the fracture on today's films.", "S42.302K", "S42.302A"},
		{"delayed union", "Right tibial shaft fracture 12 weeks ago.\nIMPRESSION: Persistent fracture line, delayed union.", "S82.201G", "S82.201A"},
		{"malunion", "Left clavicle fracture.\nIMPRESSION: Healed fracture with malunion.", "S42.002P", "S42.002A"},
		{"healing with callus", "CLINICAL HISTORY: Follow-up right clavicle fracture, 6 weeks.\nIMPRESSION: Healing fracture with callus formation.", "S42.001D", "L84"},
		{"skin callus stays", "Painful plantar callus on the left foot.", "L84", ""},
		{"healing elsewhere is not the fracture's", "Right clavicle fracture, initial encounter. The scalp wound is healing.", "S42.001A", "S42.001D"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.text, Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			got := codes(res)
			if find(res, tc.want) == nil {
				t.Errorf("got %v, want %s", got, tc.want)
			}
			if tc.absent != "" && find(res, tc.absent) != nil {
				t.Errorf("got %v, want no %s", got, tc.absent)
			}
		})
	}
}
