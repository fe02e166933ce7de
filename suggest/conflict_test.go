package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestConflicts pins the conflict rules on hand-written notes: what stays
// suggested, what is ranked below the decision threshold with the rule that
// keeps it from being coded beside its replacement (yield), and what is
// rejected (gone). Annotate keeps the redundant code, as annotation corpora
// label notes.
func TestConflicts(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		name, note  string
		keep        []string
		yield, gone map[string]string // code -> rule
	}{
		{"symptom named by its diagnosis", "Assessment: Right knee pain. Generalized pain.",
			[]string{"M25.561"}, map[string]string{"R52": "integral_symptom"}, nil},
		{"symptom routinely part of a diagnosis", "Assessment: Urinary tract infection. The patient reports dysuria.",
			[]string{"N39.0"}, map[string]string{"R30.0": "integral_symptom"}, nil},
		{"fever and cough with pneumonia", "Assessment: Community acquired pneumonia. Fever and cough.",
			[]string{"J18.9"}, map[string]string{"R50.9": "integral_symptom", "R05.9": "integral_symptom"}, nil},
		{"unspecified stage beside the documented stage", "Assessment: Chronic kidney disease stage 3a. Chronic kidney disease.",
			[]string{"N18.31"}, map[string]string{"N18.9": "less_specific"}, nil},
		{"unspecified hyperlipidemia beside mixed", "Assessment: Mixed hyperlipidemia. Hyperlipidemia.",
			[]string{"E78.2"}, map[string]string{"E78.5": "less_specific"}, nil},
		{"essential hypertension beside hypertensive CKD", "Assessment: Hypertensive chronic kidney disease. Hypertension.",
			[]string{"I12.9"}, map[string]string{"I10": "less_specific"}, nil},
		{"iron deficiency anemia from blood loss", "Assessment: Iron deficiency anemia secondary to chronic blood loss.",
			[]string{"D50.0"}, map[string]string{"D50.9": "less_specific"}, nil},
		{"a symptom never evicts a confirmed diagnosis", "Assessment: Immune thrombocytopenic purpura with petechiae.",
			[]string{"D69.3"}, map[string]string{"R23.3": "excludes1"}, nil},
		{"recurrent depression over single episode", "Assessment: Major depressive disorder, recurrent, moderate.",
			[]string{"F33.1"}, nil, map[string]string{"F32.9": "contradicted"}},
		{"acute sinusitis stays", "Assessment: Acute sinusitis.",
			[]string{"J01.90"}, nil, nil},
		{"without complications beside a documented complication", "Assessment: Type 2 diabetes mellitus with diabetic chronic kidney disease. Type 2 diabetes mellitus.",
			[]string{"E11.22"}, nil, map[string]string{"E11.9": "contradicted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.note, Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 20})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]suggest.Suggestion{}
			for _, s := range res.Suggestions {
				got[s.Code] = s
			}
			for _, c := range tt.keep {
				if got[c].Confidence < res.Threshold {
					t.Errorf("%s not suggested at the threshold %.2f (got %v)", c, res.Threshold, got)
				}
			}
			for c, rule := range tt.yield {
				s, ok := got[c]
				if !ok {
					t.Errorf("%s not ranked below %v (rejected: %+v)", c, tt.keep, res.Rejected)
					continue
				}
				if s.Confidence >= res.Threshold {
					t.Errorf("%s suggested at %.3f beside %v, at or above the threshold %.2f", c, s.Confidence, tt.keep, res.Threshold)
				}
				for _, k := range tt.keep {
					if s.Confidence >= got[k].Confidence {
						t.Errorf("%s (%.3f) not below %s (%.3f)", c, s.Confidence, k, got[k].Confidence)
					}
				}
				if !slices.ContainsFunc(s.Edits, func(e suggest.Edit) bool { return e.Kind == rule && e.Message != "" }) {
					t.Errorf("%s carries no %s edit: %+v", c, rule, s.Edits)
				}
			}
			for c, rule := range tt.gone {
				if _, ok := got[c]; ok {
					t.Errorf("%s still suggested beside %v", c, tt.keep)
				}
				found := false
				for _, r := range res.Rejected {
					if r.Code == c && r.Rule == rule && r.Reason != "" {
						found = true
					}
				}
				if !found {
					t.Errorf("%s not rejected by %s: %+v", c, rule, res.Rejected)
				}
			}
		})
	}
}

// TestConflictsAnnotate: annotation mode keeps what the note mentions
// beside its more specific reading.
func TestConflictsAnnotate(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct{ note, code string }{
		{"Assessment: Urinary tract infection. The patient reports dysuria.", "R30.0"},
		{"Assessment: Chronic kidney disease stage 3a. Chronic kidney disease.", "N18.9"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.note, Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 20, Annotate: true})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range res.Suggestions {
			found = found || s.Code == tt.code
		}
		if !found {
			t.Errorf("%q: annotation mode dropped %s", tt.note, tt.code)
		}
	}
}
