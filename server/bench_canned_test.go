package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"medcode/suggest"
)

// cannedEngine answers every note with the same result, at no engine
// cost: what is left of a request is the server's own work.
type cannedEngine struct{ res *suggest.Result }

func (c cannedEngine) Suggest(context.Context, suggest.Request) (*suggest.Result, error) {
	return c.res, nil
}

// cannedResult is shaped like the engine's answer to a dense note: 50
// suggestions with evidence, explanation trees and alternatives, about
// 55 KB of JSON (a CodiEsp note's answer at the default top is 50–60 KB),
// its numbers rounded to four places as the engine rounds its own.
func cannedResult() *suggest.Result {
	res := &suggest.Result{Threshold: 0.42, Rejected: []suggest.Rejection{}, CodeSets: map[string]suggest.CodeSet{"ICD-10-CM": {Release: "FY2026"}}}
	for i := range 50 {
		sg := suggest.Suggestion{
			System: "ICD-10-CM", SystemURI: "http://hl7.org/fhir/sid/icd-10-cm", Code: fmt.Sprintf("E%02d.%d", i, i%10),
			Display:    "Condition number " + fmt.Sprint(i) + " with a long descriptive title, unspecified",
			Confidence: round4(0.9 - float64(i)/100), Score: round4(3.14159 - float64(i)/7), Billable: i%3 != 0,
			Explanation: suggest.Explanation{Value: round4(1.5 + float64(i)/3), Message: "sum of the ranker's evidence"},
		}
		for j := range 3 {
			sg.Evidence = append(sg.Evidence, suggest.Evidence{Start: 100 * j, End: 100*j + 24, Text: "history of the condition",
				Section: "assessment", Matched: "condition, unspecified", MatchedKind: "title", Assertion: "present"})
		}
		for j := range 4 {
			sg.Explanation.Children = append(sg.Explanation.Children, suggest.Explanation{Value: round4(float64(j) / 9), Message: "feature " + fmt.Sprint(j) + ": the title's words matched the evidence"})
		}
		sg.Alternatives = []suggest.Alternative{{Code: "E99.1", Display: "Another close code of the same category"}}
		res.Suggestions = append(res.Suggestions, sg)
	}
	return res
}

// round4 rounds x to four places, as the engine's round(x, 4).
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// BenchmarkSuggestHTTPCanned is BenchmarkSuggestHTTP's closed loop with a
// canned engine answer of realistic size: the HTTP, decoding, middleware
// and encoding cost of a request without the engine's.
func BenchmarkSuggestHTTPCanned(b *testing.B) {
	res := cannedResult()
	if out, _ := json.Marshal(res); len(out) < 40<<10 || !strings.Contains(string(out), `"alternatives"`) {
		b.Fatalf("canned result is %d bytes", len(out))
	}
	f := newFixture(b, func(o *Options) { o.Engine = cannedEngine{res} })
	body, _ := json.Marshal(map[string]any{"text": benchNote()})
	benchHTTP(b, f.h, "/v1/suggest", body, 0, 2)
}
