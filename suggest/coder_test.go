package suggest_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestCoderRules checks what coders add, on hand-written notes: each
// case lists codes that must be suggested, codes that must not, and
// rejections (code and rule) that must be reported.
func TestCoderRules(t *testing.T) {
	eng := engine(t)
	type rej struct{ code, rule string }
	cases := []struct {
		name    string
		note    string
		setting suggest.Setting
		want    []string
		not     []string
		rejects []rej
		noRule  []string // not added or confirmed by a coding rule
		notice  string   // a notice of this kind is reported
	}{
		{name: "diabetes and CKD combine, stage kept",
			note: "Assessment: Type 2 diabetes mellitus. Chronic kidney disease stage 3a.",
			want: []string{"E11.22", "N18.31"}, not: []string{"E11.9"}, rejects: []rej{{"E11.9", "combination"}}},
		{name: "diabetes and peripheral vascular disease",
			note: "Assessment: type 2 diabetes mellitus. Peripheral vascular disease.",
			want: []string{"E11.51"}, not: []string{"E11.9", "I73.9"}},
		{name: "unrelated conditions stay apart",
			note: "Assessment: type 2 diabetes mellitus. Peripheral vascular disease, unrelated to the diabetes.",
			not:  []string{"E11.51"}},
		{name: "a word the combination's code shares is not the condition",
			note: "Assessment: type 2 diabetes mellitus. Hypernatremia.",
			not:  []string{"E11.00"}},
		{name: "diabetes with polyneuropathy",
			note: "Assessment: type 2 diabetes mellitus. Polyneuropathy of both feet.",
			want: []string{"E11.42"}, not: []string{"E11.9", "E11.40"}},
		{name: "hypertension and CKD",
			note: "Assessment: Essential hypertension. Chronic kidney disease stage 4.",
			want: []string{"I12.9", "N18.4"}, not: []string{"I10"}, rejects: []rej{{"I10", "combination"}}},
		{name: "hypertension and ESRD",
			note: "Assessment: Essential hypertension. End stage renal disease.",
			want: []string{"I12.0", "N18.6"}, not: []string{"I10", "I12.9"}},
		{name: "hypertension and heart failure",
			note: "Assessment: Essential hypertension. Chronic diastolic heart failure.",
			want: []string{"I11.0"}, not: []string{"I10"}},
		{name: "hypertension, heart failure and CKD",
			note: "Assessment: Essential hypertension. Chronic diastolic heart failure. Chronic kidney disease stage 3b.",
			want: []string{"I13.0", "N18.32"}, not: []string{"I10", "I11.0", "I12.9"}},
		{name: "hypertensive heart disease and CKD",
			note: "Assessment: Hypertensive heart disease without heart failure. Chronic kidney disease stage 3a.",
			want: []string{"I13.10", "N18.31"}, not: []string{"I11.9", "I12.9"}},
		{name: "long-term drugs from the medication list",
			note: "Medications: warfarin 5 mg daily, insulin glargine 20 units at bedtime, metformin 500 mg twice daily, aspirin 81 mg daily.",
			want: []string{"Z79.01", "Z79.4", "Z79.84", "Z79.82"}},
		{name: "negated, stopped, family and planned drugs",
			note: "He denies taking aspirin. Warfarin was discontinued last month. His mother is on insulin. Will start metformin if A1c rises.",
			not:  []string{"Z79.82", "Z79.01", "Z79.4", "Z79.84"}},
		{name: "steroids only when long-term",
			note: "Prednisone 40 mg for 5 days for the flare. She takes long-term oxycodone for chronic back pain.",
			want: []string{"Z79.891"}, not: []string{"Z79.52"}},
		{name: "no Z79.4 for type 1 diabetes",
			note: "Assessment: Type 1 diabetes mellitus without complications. Medications: insulin lispro with meals.",
			not:  []string{"Z79.4"}},
		{name: "vaccine given",
			note: "Tdap vaccine given today in the left deltoid.",
			want: []string{"Z23", "90715", "90471"}, not: []string{"90472", "90460"}},
		{name: "two vaccines, adult",
			note: "45-year-old. Tdap and Shingrix vaccines administered today in the left deltoid.",
			want: []string{"Z23", "90715", "90750", "90471", "90472"}},
		{name: "child vaccine with counseling",
			note: "4 year old boy. MMR vaccine given today after counseling the parents; VIS provided.",
			want: []string{"Z23", "90707", "90460"}, not: []string{"90471"}},
		{name: "vaccine product not in the loaded files",
			note: "Yellow fever vaccine administered today before travel.",
			want: []string{"Z23"}, notice: "cpt_not_loaded"},
		{name: "vaccine declined or due",
			note: "Influenza vaccine offered, patient declined. Tdap booster due next year.",
			not:  []string{"Z23", "90686", "90688", "90656", "90715"}},
		{name: "adult annual exam without findings",
			note: "45-year-old established patient here for annual physical. Exam unremarkable.",
			want: []string{"Z00.00", "99396"}, not: []string{"Z00.01", "99386"}},
		{name: "a finding on examination is no routine exam",
			note:   "On routine examination a 3 cm mass was found in the left breast.",
			noRule: []string{"Z00.00", "Z00.01"}},
		{name: "complexity of something else is no E/M level",
			note:   "Established patient. She underwent a surgery of high complexity last year.",
			noRule: []string{"99215", "99205"}},
		{name: "Medicare annual wellness visit",
			note: "72-year-old here for her subsequent Medicare annual wellness visit. No new concerns; exam normal.",
			want: []string{"Z00.00", "G0439"}, not: []string{"99397", "99387"}},
		{name: "well child exam",
			note: "6 year old girl here for well child check. Growth and development normal.",
			want: []string{"Z00.129"}, not: []string{"Z00.00"}},
		{name: "treated cancer, no evidence of disease",
			note: "Here for surveillance. History of breast cancer status post lumpectomy and radiation, completed 2021. Mammogram today shows no evidence of recurrence.",
			want: []string{"Z08", "Z85.3"}},
		{name: "no follow-up encounter, no Z08",
			note: "Seen for a sprained ankle. History of breast cancer status post lumpectomy, no evidence of recurrence.",
			want: []string{"Z85.3"}, not: []string{"Z08"}},
		{name: "cancer treated in this episode keeps its code",
			note: "Breast cancer treated with lumpectomy this admission; margins clear, no evidence of residual disease.",
			not:  []string{"Z08"}},
		{name: "weeks of gestation",
			note: "G2P1 at 32 weeks gestation presents for prenatal visit.",
			want: []string{"Z3A.32"}},
		{name: "weeks that are not gestation",
			note: "She is pregnant. Symptoms started 2 weeks ago.",
			not:  []string{"Z3A.02", "Z3A.01"}},
		{name: "weeks of another pregnancy",
			note:   "She had a previous pregnancy delivered at 38 weeks. Today: left ankle sprain.",
			noRule: []string{"Z3A.38"}},
		{name: "delivery outcome",
			note: "She delivered a healthy liveborn female infant by spontaneous vaginal delivery.",
			want: []string{"Z37.0"}},
		{name: "previous delivery is no outcome",
			note: "G2P1, previous vaginal delivery in 2019. Now 12 weeks pregnant.",
			want: []string{"Z3A.12"}, not: []string{"Z37.0"}},
		{name: "artificial opening and aftercare",
			note: "Patient with a colostomy here for suture removal.",
			want: []string{"Z93.3", "Z48.02"}},
		{name: "reversed colostomy is no status",
			note:   "Colostomy reversal was done in March.",
			noRule: []string{"Z93.3"}},
		{name: "E/M level from moderate MDM",
			note: "Established patient follow-up for hypertension. Medical decision making of moderate complexity.",
			want: []string{"99214"}, not: []string{"99213", "99212", "99215"}},
		{name: "E/M level, new patient, high MDM",
			note: "New patient visit for chest pain. MDM: high complexity.",
			want: []string{"99205"}, not: []string{"99215"}},
		{name: "E/M level in the emergency department",
			note: "Patient presents to the emergency department with chest pain. Medical decision making: moderate complexity.",
			want: []string{"99284"}, not: []string{"99214"}},
		{name: "an earlier ED visit leaves an office visit",
			note: "Established patient seen in the emergency department last week for chest pain, here for follow-up. MDM moderate.",
			want: []string{"99214"}, not: []string{"99284"}},
		{name: "E/M level from total time",
			note: "Follow-up of diabetes. Total time spent on the date of the encounter: 42 minutes.",
			want: []string{"99215"}},
		{name: "history and planned procedures are not coded",
			note: "Patient is status post cataract surgery. Will schedule colonoscopy.",
			not:  []string{"66984", "45378"}, rejects: []rej{{"66984", "past_procedure"}, {"45378", "not_performed"}}},
		{name: "a plan item is not performed",
			note: "Assessment: Rectal bleeding.\nPlan:\nColonoscopy.\nCBC.",
			not:  []string{"45378"}},
		{name: "a plan item done today is performed",
			note: "Assessment: Atrial fibrillation.\nPlan:\nEKG performed today.",
			want: []string{"93000"}},
		{name: "procedure performed today is coded",
			note: "Procedure: diagnostic colonoscopy performed today without complication.",
			want: []string{"45378"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, Setting: tc.setting, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, s := range res.Suggestions {
				if i > 0 && res.Suggestions[i-1].Confidence < s.Confidence {
					t.Errorf("%s (%.3f) after %s (%.3f): not in confidence order", s.Code, s.Confidence, res.Suggestions[i-1].Code, res.Suggestions[i-1].Confidence)
				}
				got = append(got, s.Code)
				for _, ev := range s.Evidence {
					if tc.note[ev.Start:ev.End] != ev.Text {
						t.Errorf("%s: evidence %d:%d is %q, not %q", s.Code, ev.Start, ev.End, tc.note[ev.Start:ev.End], ev.Text)
					}
				}
			}
			for _, c := range tc.want {
				if !slices.Contains(got, c) {
					t.Errorf("want %s in %v", c, got)
				}
			}
			for _, c := range tc.not {
				if slices.Contains(got, c) {
					t.Errorf("%s suggested: %v", c, got)
				}
			}
			for _, s := range res.Suggestions {
				if !slices.Contains(tc.noRule, s.Code) {
					continue
				}
				for _, ch := range s.Explanation.Children {
					if strings.HasPrefix(ch.Message, "coding rule ") {
						t.Errorf("%s added by %q", s.Code, ch.Message)
					}
				}
			}
			if tc.notice != "" && !slices.ContainsFunc(res.Notices, func(n suggest.Edit) bool { return n.Kind == tc.notice }) {
				t.Errorf("want a %s notice; notices %v", tc.notice, res.Notices)
			}
			for _, r := range tc.rejects {
				if !slices.ContainsFunc(res.Rejected, func(x suggest.Rejection) bool { return x.Code == r.code && x.Rule == r.rule }) {
					t.Errorf("want %s rejected by %s; rejected %v", r.code, r.rule, res.Rejected)
				}
			}
		})
	}
}
