package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestImplantStatus checks the status codes of devices, grafts, replaced
// joints and operations the patient lives with: the side a category's
// child takes, and none for a planned or removed one.
func TestImplantStatus(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct {
		note, want, not string
	}{
		{"Status post left total knee arthroplasty in 2018.", "Z96.652", ""},
		{"Bilateral knee replacements.", "Z96.653", ""},
		{"PAST SURGICAL HISTORY: Right total hip replacement 2015.\nASSESSMENT: Essential hypertension.", "Z96.641", ""},
		{"History of CABG.", "Z95.1", ""},
		{"Pacemaker in place for sick sinus syndrome.", "Z95.0", ""},
		{"Planning right total knee arthroplasty next month.", "", "Z96.651"},
		{"Pacemaker removed last year.", "", "Z95.0"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, s := range res.Suggestions {
			got[s.Code] = true
			for _, ev := range s.Evidence {
				if tc.note[ev.Start:ev.End] != ev.Text {
					t.Errorf("%s: evidence %d:%d is %q, not %q", s.Code, ev.Start, ev.End, tc.note[ev.Start:ev.End], ev.Text)
				}
			}
		}
		if tc.want != "" && !got[tc.want] {
			t.Errorf("%q: %s not suggested (%v)", tc.note, tc.want, res.Suggestions)
		}
		if tc.not != "" && got[tc.not] {
			t.Errorf("%q: %s suggested", tc.note, tc.not)
		}
	}
}
