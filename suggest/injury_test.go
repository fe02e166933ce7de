package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestInjuryOrder: an injury ranks above its external cause; T14.- and
// Z76.89 are not suggested beside a documented specific injury.
func TestInjuryOrder(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, text string
		before     [2]string // before[0] is listed above before[1]
		absent     []string  // vague codes given way
	}{
		{"dog bite", "Dog bite of the right lower leg, initial encounter.", [2]string{"S81.851A", "W54.0XXA"}, []string{"Z76.89"}},
		{"cat bite", "Cat bite of the left hand, initial encounter.", [2]string{"S61.452A", "W55.01XA"}, nil},
		{"vague injury", "Contusion of the right knee, initial encounter.", [2]string{}, []string{"T14.8XXA", "T14.90XA", "Z76.89"}},
		{"complication of care", "Superficial incisional surgical site infection, initial encounter.", [2]string{}, []string{"B99.9"}},
		{"a word of the injury's title", "Torus fracture of the distal left radius, initial encounter.", [2]string{}, []string{"M27.0"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.text, Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 15})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Suggestions {
				got = append(got, s.Code)
			}
			if tc.before[0] != "" {
				i, j := slices.Index(got, tc.before[0]), slices.Index(got, tc.before[1])
				if i < 0 || j < 0 || i > j {
					t.Errorf("%q: got %v, want %s before %s", tc.text, got, tc.before[0], tc.before[1])
				}
			}
			for _, a := range tc.absent {
				if slices.Contains(got, a) {
					t.Errorf("%q: got %v, want no %s", tc.text, got, a)
				}
			}
			for _, s := range res.Suggestions {
				for _, ev := range s.Evidence {
					if tc.text[ev.Start:ev.End] != ev.Text {
						t.Errorf("%s: evidence %q at %d:%d", s.Code, ev.Text, ev.Start, ev.End)
					}
				}
			}
		})
	}
}
