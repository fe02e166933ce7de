package suggest_test

import (
	"context"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestContextRules: the note's context (negated lists, results, past,
// other people, vaccines, instruments, pregnancy, headings) keeps codes
// out, and each rejection names its rule and the words that triggered it.
func TestContextRules(t *testing.T) {
	eng := engine(t)
	type rej struct{ code, rule, trigger string }
	tests := []struct {
		name     string
		text     string
		want     []string // suggested
		not      []string // not suggested
		rejected []rej    // rejected by rule, the reason quoting trigger
	}{
		{name: "negated list past the window",
			text:     "The patient denies fevers, chills, night sweats, unintentional weight loss, fatigue, dizziness, syncope, palpitations, cough, dyspnea, headache, nausea, or vomiting.",
			not:      []string{"R11.0", "R11.2"},
			rejected: []rej{{"R11.0", "negated", "patient denies"}}},
		{name: "label answered none", text: "Fever: none. Nausea: no.", not: []string{"R50.9", "R11.0"},
			rejected: []rej{{"R50.9", "negated", "none"}, {"R11.0", "negated", "no"}}},
		{name: "minus sign", text: "Chest pain (-).", not: []string{"R07.9"}, rejected: []rej{{"R07.9", "negated", "(-)"}}},
		{name: "result unremarkable", text: "HIV screening test last year was unremarkable.", not: []string{"B20", "Z21"}},
		{name: "test with a stated result was done", text: "Hepatitis C antibody negative.", want: []string{"86803"}, not: []string{"B19.20"}},
		{name: "trigger words are not findings", text: "Headaches without nausea, photophobia or aura.", want: []string{"R51.9"}, not: []string{"R11.0"},
			rejected: []rej{{"R11.0", "negated", "without"}}},
		{name: "spouse", text: "His wife's rheumatoid arthritis has been worse.", not: []string{"M06.9", "Z82.61"},
			rejected: []rej{{"M06.9", "other_person", "wife's"}}},
		{name: "relative", text: "Diabetes in the patient's father.", not: []string{"E11.9"}},
		{name: "acquired absence", text: "S/p cholecystectomy.", want: []string{"Z90.49"}},
		{name: "note acronym", text: "Positive FIT test.", not: []string{"R56.9"}},
		{name: "name acronym", text: "Two pins hold the fracture.", not: []string{"N42.31"}},
		{name: "same acronym", text: "Prostate biopsy: high grade PIN.", want: []string{"N42.31"}},
		{name: "relative's type", text: "Mother has type 1 diabetes.", want: []string{"Z83.3"}, not: []string{"E10.9"},
			rejected: []rej{{"E10.9", "family", "Mother has"}}},
		{name: "status post surgery", text: "Status post cataract surgery in 2019.", not: []string{"H26.9", "66984"},
			rejected: []rej{{"66984", "past_procedure", "Status post"}}},
		{name: "former smoker", text: "Former smoker.", want: []string{"Z87.891"}, not: []string{"F17.200", "F17.210"},
			rejected: []rej{{"F17.200", "historical", "Former"}}},
		{name: "no evidence of recurrence", text: "History of left breast cancer, status post lumpectomy in 2016, no evidence of recurrence.",
			want: []string{"Z85.3"}, not: []string{"C50.919", "C50.912"}, rejected: []rej{{"C50.919", "historical", "no evidence of recurrence"}}},
		{name: "vaccine", text: "Tetanus diphtheria booster given today.", want: []string{"90714"}, not: []string{"A35", "A36.9"},
			rejected: []rej{{"A36.9", "vaccination", "booster"}}},
		{name: "instrument", text: "Hemostat was used to clamp the vessel.", not: []string{"E1637", "T45.621A"},
			rejected: []rej{{"E1637", "instrument", "used"}}},
		{name: "skin mole", text: "There is a mole on the left forearm.", not: []string{"O02.0"}, rejected: []rej{{"O02.0", "not_pregnant", "mole"}}},
		{name: "body-system heading", text: "PHYSICAL EXAMINATION:\nLYMPHATIC: No adenopathy.\nCARDIOVASCULAR: Regular rate and rhythm.", not: []string{"E32.8", "I05.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tt.want {
				if find(res, c) == nil {
					t.Errorf("%s not suggested; got %v", c, codes(res))
				}
			}
			for _, c := range tt.not {
				if find(res, c) != nil {
					t.Errorf("%s suggested, want it left out", c)
				}
			}
			for _, r := range tt.rejected {
				found := false
				for _, x := range res.Rejected {
					if x.Code == r.code && x.Rule == r.rule {
						found = true
						if !strings.Contains(x.Reason, `"`+r.trigger+`"`) {
							t.Errorf("%s rejection %q does not quote %q", r.code, x.Reason, r.trigger)
						}
					}
				}
				if !found {
					t.Errorf("%s not rejected by %s; rejected %+v", r.code, r.rule, res.Rejected)
				}
			}
		})
	}
}

// TestEvidenceAssertion: every evidence span carries one assertion status
// and, when not present, the words that set it.
func TestEvidenceAssertion(t *testing.T) {
	eng := engine(t)
	valid := map[string]bool{"present": true, "negated": true, "historical": true, "family": true, "hypothetical": true, "uncertain": true}
	res, err := eng.Suggest(context.Background(), suggest.Request{Text: "Assessment: essential hypertension. History of MI. Denies chest pain. Possible pneumonia."})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	check := func(code string, ev []suggest.Evidence) {
		for _, e := range ev {
			if !valid[e.Assertion] {
				t.Errorf("%s evidence %q: assertion %q", code, e.Text, e.Assertion)
			}
			if e.Assertion != "present" && e.Trigger == "" {
				t.Errorf("%s evidence %q is %s with no trigger", code, e.Text, e.Assertion)
			}
			seen[e.Assertion] = e.Trigger
		}
	}
	for _, s := range res.Suggestions {
		check(s.Code, s.Evidence)
	}
	for _, r := range res.Rejected {
		check(r.Code, r.Evidence)
	}
	for st, trig := range map[string]string{"present": "", "negated": "Denies", "uncertain": "Possible"} {
		if got, ok := seen[st]; !ok || got != trig {
			t.Errorf("no %s evidence triggered by %q (seen %v)", st, trig, seen)
		}
	}
}
