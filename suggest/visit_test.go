package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestServiceVisits: the encounter-reason and status codes a coder adds
// for what the note documents at this encounter, and none for a plan, a
// diagnosis heading, a condition still managed or counselling declined.
func TestServiceVisits(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		text string
		want []string
		not  []string
	}{
		{"Medication refill visit.", []string{"Z76.0"}, nil},
		{"Here for refill of lisinopril for essential hypertension.", []string{"I10"}, []string{"Z76.0"}},
		{"Preoperative exam before cataract surgery for a right age-related nuclear cataract.", []string{"Z01.818", "H25.11"}, []string{"Z98.41", "Z98.49"}},
		{"Preoperative cardiovascular examination before right knee replacement.", []string{"Z01.810"}, []string{"Z01.818", "Z96.651"}},
		{"Preoperative diagnosis: acute appendicitis.", []string{"K35.80"}, []string{"Z01.818"}},
		{"Follow-up after completed treatment of pneumonia, resolved.", []string{"Z09", "Z87.01"}, nil},
		{"Follow-up of essential hypertension, controlled.", []string{"I10"}, []string{"Z09"}},
		{"Long-term use of warfarin for AF; INR check today.", []string{"Z51.81", "Z79.01"}, nil},
		{"Atrial fibrillation on warfarin, goal INR 2 to 3.", []string{"Z79.01"}, []string{"Z51.81"}},
		{"Tobacco cessation counseling for a current cigarette smoker.", []string{"Z71.6"}, []string{"Z71.9"}},
		{"Cigarette smoker; declined cessation counseling.", nil, []string{"Z71.6"}},
		{"Status post right total knee arthroplasty, aftercare visit.", []string{"Z47.1", "Z96.651"}, []string{"Z51.89"}},
		{"Left below-knee amputation status.", []string{"Z89.512"}, nil},
		{"Status post cataract surgery, right eye, 2022.", []string{"Z98.41"}, nil},
		{"Plan: left BKA next week for gangrene.", nil, []string{"Z89.512"}},
		{"Single liveborn term male, born in hospital vaginally.", []string{"Z38.00"}, []string{"Z37.0"}},
		{"Twin liveborn infant delivered by cesarean.", []string{"Z38.31"}, []string{"Z37.2", "Z38.00"}},
		{"Spontaneous vaginal delivery of a single liveborn at 39 weeks.", []string{"Z37.0"}, []string{"Z38.00"}},
		{"Positive home pregnancy test confirmed in office.", []string{"Z32.01"}, nil},
		{"Irregular menses; urine pregnancy test negative.", nil, []string{"Z32.02"}},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tt.want {
			if s := find(res, c); s == nil || s.Confidence < res.Threshold {
				t.Errorf("%q: %s missing or below the threshold in %v", tt.text, c, codes(res))
			}
		}
		for _, c := range tt.not {
			if s := find(res, c); s != nil && s.Confidence >= res.Threshold {
				t.Errorf("%q: %s suggested at %.2f", tt.text, c, s.Confidence)
			}
		}
	}
}
