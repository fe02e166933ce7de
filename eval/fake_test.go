package eval

import (
	"context"
	"errors"
	"strings"

	"medcode/corpus"
	"medcode/suggest"
)

// fakeSuggester answers from a table keyed by note text.
type fakeSuggester struct {
	answers  map[string][]suggest.Suggestion
	rejected map[string][]suggest.Rejection
	fail     string // text that makes Suggest fail
}

func (f *fakeSuggester) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if req.Text == f.fail {
		return nil, errors.New("fake failure")
	}
	return &suggest.Result{Suggestions: f.answers[req.Text], Rejected: f.rejected[req.Text]}, nil
}

// sg builds a suggestion whose evidence is the first occurrence of ev in
// text.
func sg(text, code string, conf float64, ev string) suggest.Suggestion {
	s := suggest.Suggestion{
		System: string(corpus.ICD10CM), Code: code, Display: "display of " + code,
		Confidence: conf, Score: conf * 10,
		Explanation: suggest.Explanation{Value: conf, Message: "matched " + ev},
	}
	if i := strings.Index(text, ev); i >= 0 && ev != "" {
		s.Evidence = []suggest.Evidence{{Start: i, End: i + len(ev), Text: ev, Matched: ev, MatchedKind: "title"}}
	}
	return s
}

const (
	noteA = "Headache. Type 2 diabetes. Asthma? Hypertension."
	noteB = "Fracture of ribs after a fall."
	noteC = "Blood pressure high."
)

// fixture is three cases with hand-computed metrics (see run_test.go).
func fixture() ([]Case, *fakeSuggester) {
	cases := []Case{
		{ID: "a", Text: noteA, Gold: []Gold{
			{System: corpus.ICD10CM, Code: "R51", Note: "fy2026_header_not_billable"},
			{System: corpus.ICD10CM, Code: "E11.9"},
			{System: corpus.ICD10CM, Code: "I10"},
		}},
		{ID: "b", Text: noteB, Gold: []Gold{{System: corpus.ICD10CM, Code: "S22.49XA"}}},
		{ID: "c", Text: noteC, Other: []Gold{{System: "ICD-10-PCS", Code: "0TTB"}}},
	}
	f := &fakeSuggester{answers: map[string][]suggest.Suggestion{
		noteA: {
			sg(noteA, "R51.9", 0.9, "Headache"),
			sg(noteA, "E11.9", 0.8, "Type 2 diabetes"),
			sg(noteA, "J45.909", 0.6, "Asthma"),
			sg(noteA, "I10", 0.4, "Hypertension"),
			sg(noteA, "E11.9", 0.3, "diabetes"), // duplicate: counts once
		},
		noteB: {
			sg(noteB, "S22.41XA", 0.7, "Fracture of ribs"),
			sg(noteB, "Z00.00", 0.2, ""),
		},
		noteC: {sg(noteC, "I10", 0.9, "Blood pressure high")},
	}, rejected: map[string][]suggest.Rejection{
		noteA: {{System: "ICD-10-CM", Code: "R51", Rule: "not_valid_fy2026", Reason: "R51 is a header in FY2026; use R51.9",
			Evidence: []suggest.Evidence{{Start: 0, End: 8, Text: "Headache"}}}},
	}}
	return cases, f
}
