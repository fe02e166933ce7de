package suggest_test

import (
	"context"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestBodyMassIndex checks the Z68 rule: the adult band of a documented
// value, only beside a weight diagnosis, never for a child, and the
// category Z68 absorbed by the band.
func TestBodyMassIndex(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note string
		want       string // the Z68 code expected, "" for none
	}{
		{"obesity with value", "Assessment: Obesity, BMI 32.", "Z68.32"},
		{"decimal rounds down to the band", "Assessment: morbid obesity. BMI of 44.96 today.", "Z68.41"},
		{"spelled out", "Assessment: Obesity. Body mass index: 30.0.", "Z68.30"},
		{"top band", "Assessment: morbid obesity, BMI 72.", "Z68.45"},
		{"no weight diagnosis", "Assessment: Essential hypertension. BMI 32.", ""},
		{"child", "12-year-old boy. Assessment: Obesity, BMI 28.", ""},
		{"negated value sentence", "Assessment: Obesity. No BMI 35 recorded.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Suggestions {
				if strings.HasPrefix(s.Code, "Z68") {
					got = append(got, s.Code)
					for _, ev := range s.Evidence {
						if tc.note[ev.Start:ev.End] != ev.Text {
							t.Errorf("%s: evidence %d:%d is %q, not %q", s.Code, ev.Start, ev.End, tc.note[ev.Start:ev.End], ev.Text)
						}
					}
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("got %v, want no BMI code", got)
			case tc.want != "" && (len(got) != 1 || got[0] != tc.want):
				t.Errorf("got %v, want [%s] (the category absorbed)", got, tc.want)
			}
		})
	}
}
