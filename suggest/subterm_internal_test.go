package suggest

import "testing"

// TestDeeperSubterms: a suggestion found on an Index term gives way to
// the one found on its subterm only when the note states the subterm's
// words, not negated.
func TestDeeperSubterms(t *testing.T) {
	ev := func(text, matched string) Evidence {
		return Evidence{Start: 0, End: len(text), Text: text, Matched: matched, MatchedKind: "index"}
	}
	for _, tt := range []struct {
		name             string
		shallow, deep    Evidence
		wantFirst        string
		wantShallowBelow bool
	}{
		{"stated", ev("History of COVID-19 infection", "History, personal, infection NEC"), ev("History of COVID-19 infection", "History, personal, infection NEC, COVID-19"), "Z86.16", true},
		{"not stated", ev("Rash", "Rash"), ev("Rash", "Rash, drug"), "Z86.19", false},
		{"negated", ev("GERD with esophagitis", "Reflux, with esophagitis"), ev("GERD with esophagitis, no bleeding", "Reflux, with esophagitis, with bleeding"), "Z86.19", false},
		{"filler only", ev("Anemia", "Anemia"), ev("Anemia", "Anemia, NEC"), "Z86.19", false},
	} {
		res := &Result{Suggestions: []Suggestion{
			{System: "ICD-10-CM", Code: "Z86.19", Confidence: 0.38, Score: 2, Evidence: []Evidence{tt.shallow}},
			{System: "ICD-10-CM", Code: "Z86.16", Confidence: 0.13, Score: 1, Evidence: []Evidence{tt.deep}},
		}}
		deeperSubterms(res)
		if got := res.Suggestions[0].Code; got != tt.wantFirst {
			t.Errorf("%s: first %s, want %s", tt.name, got, tt.wantFirst)
		}
		if tt.wantShallowBelow && !(res.Suggestions[1].Confidence < res.Suggestions[0].Confidence && res.Suggestions[0].Confidence == 0.38) {
			t.Errorf("%s: confidences %v", tt.name, res.Suggestions)
		}
	}
}
