package feedback

import (
	"math"
	"testing"
)

func TestAdjust(t *testing.T) {
	ev := func(code, action string, terms ...string) Event {
		return Event{System: "ICD-10-CM", Code: code, Action: action, Terms: terms}
	}
	var a adjuster
	if got := a.Adjust("ICD-10-CM", "E11.9", nil); got != 0 {
		t.Fatalf("empty adjuster = %v", got)
	}
	for range 4 {
		a.add(ev("E11.9", Accepted, "type 2 diabetes"))
		a.add(ev("I10", Rejected, "hypertension"))
	}
	a.add(ev("E11.9", Rejected, "diabetes"))
	for range 50 {
		a.add(ev("R52", Rejected, "pain"))
	}
	tests := []struct {
		name  string
		code  string
		terms []string
		want  float64
	}{
		{"unknown code", "Z00.00", []string{"x"}, 0},
		{"accepted, no terms", "E11.9", nil, 0.5 * math.Log(5.0/2)},
		{"accepted, same term", "E11.9", []string{"Type 2  Diabetes"}, 0.5*math.Log(5.0/2) + math.Log(5.0/1)},
		{"accepted, rejected term", "E11.9", []string{"diabetes"}, 0.5*math.Log(5.0/2) + math.Log(1.0/2)},
		{"mean over terms", "E11.9", []string{"type 2 diabetes", "diabetes", "unseen"}, 0.5*math.Log(5.0/2) + (math.Log(5.0)+math.Log(0.5))/2},
		{"rejected", "I10", []string{"hypertension"}, 0.5*math.Log(1.0/5) + math.Log(1.0/5)},
		{"bounded", "R52", []string{"pain"}, -MaxAdjust},
		{"other system", "E11.9", nil, 0.5 * math.Log(5.0/2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := math.Max(-MaxAdjust, math.Min(MaxAdjust, tt.want))
			if got := a.Adjust("ICD-10-CM", tt.code, tt.terms); math.Abs(got-want) > 1e-12 {
				t.Errorf("Adjust = %v, want %v", got, want)
			}
			if has := a.Adjusts("ICD-10-CM", tt.code); has != (tt.code != "Z00.00") {
				t.Errorf("Adjusts = %v", has)
			}
		})
	}
	if got := a.Adjust("CPT", "E11.9", nil); got != 0 || a.Adjusts("CPT", "E11.9") {
		t.Errorf("Adjust in another system = %v, want 0", got)
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("icd10cm", "e119", "accepted", "r1", "type 2 diabetes")
	f.Add("CPT", "99213", "rejected", "", "")
	f.Add("snomed", "", "maybe", "\xff", "\x00")
	f.Fuzz(func(t *testing.T, sys, code, action, req, term string) {
		e, err := normalize(Event{System: sys, Code: code, Action: action, RequestID: req, Terms: []string{term}})
		if err != nil {
			return
		}
		again, err := normalize(e)
		if err != nil {
			t.Fatalf("normalized event invalid: %v", err)
		}
		if again.Code != e.Code || again.System != e.System || len(again.Terms) != len(e.Terms) {
			t.Fatalf("normalize not idempotent: %+v vs %+v", e, again)
		}
	})
}
