package suggest_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestReasonExplained checks that a symptom named only as the reason for
// a study gives way to a diagnosis of its body system in the impression,
// and stays when the impression explains nothing of it.
func TestReasonExplained(t *testing.T) {
	eng := engine(t)
	cases := []struct {
		name, note string
		dx         string // a diagnosis that must be suggested
		symptom    string // the symptom code prefix
		dropped    bool   // the symptom gives way (integral_symptom)
	}{
		{"chest pain explained by embolism", "CLINICAL HISTORY: Pleuritic chest pain.\nCTA IMPRESSION: Acute pulmonary embolism.", "I26.99", "R07", true},
		{"cough explained by pneumonia", "CLINICAL HISTORY: Cough.\nIMPRESSION: Right lower lobe pneumonia.", "J18.9", "R05", true},
		{"headache unexplained", "CLINICAL HISTORY: Essential hypertension, headache.\nIMPRESSION: Normal noncontrast head CT.", "I10", "R51", false},
		{"complaint of the history explained by the assessment", "HISTORY OF PRESENT ILLNESS: Palpitations for two days.\nASSESSMENT: Paroxysmal atrial fibrillation.", "I48.0", "R00.2", true},
		{"a symptom the diagnosis asks for stays", "HISTORY OF PRESENT ILLNESS: Nocturia three times nightly.\nASSESSMENT: Benign prostatic hyperplasia with lower urinary tract symptoms.", "N40.1", "R35.1", false},
		{"another body system", "CLINICAL HISTORY: Left knee pain.\nIMPRESSION: Right lower lobe pneumonia.", "J18.9", "M25.562", false},
		{"injury of a region explained by the fracture found there", "CLINICAL HISTORY: Left wrist injury.\nIMPRESSION: Displaced Colles fracture of the left radius.", "S52.532A", "S69.92", true},
		{"injury of another region", "CLINICAL HISTORY: Left wrist injury.\nIMPRESSION: Right lower lobe pneumonia.", "J18.9", "S69.92", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note, MaxResults: 30})
			if err != nil {
				t.Fatal(err)
			}
			var dx, sym bool
			for _, s := range res.Suggestions {
				dx = dx || s.Code == tc.dx
				sym = sym || strings.HasPrefix(s.Code, tc.symptom) && s.Confidence >= eng.DecisionThreshold()
			}
			if !dx {
				t.Fatalf("%s not suggested: %+v", tc.dx, res.Suggestions)
			}
			// Giving way: rejected, or ranked below the threshold with the
			// rule as an edit.
			rejected := false
			for _, r := range res.Rejected {
				rejected = rejected || strings.HasPrefix(r.Code, tc.symptom) && r.Rule == "integral_symptom"
			}
			for _, s := range res.Suggestions {
				rejected = rejected || strings.HasPrefix(s.Code, tc.symptom) && slices.ContainsFunc(s.Edits, func(e suggest.Edit) bool { return e.Kind == "integral_symptom" })
			}
			if tc.dropped && (sym || !rejected) {
				t.Errorf("%s: suggested %v, rejected as integral %v; want it to give way to %s", tc.symptom, sym, rejected, tc.dx)
			}
			if !tc.dropped && (!sym || rejected) {
				t.Errorf("%s: suggested %v, rejected as integral %v; want it kept", tc.symptom, sym, rejected)
			}
		})
	}
}
