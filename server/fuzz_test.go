package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzDecodeSuggest posts arbitrary bodies to /v1/suggest: the answer is
// 200 or a 4xx problem, never a 500 or a panic.
func FuzzDecodeSuggest(f *testing.F) {
	for _, seed := range []string{
		`{"text":"Type 2 diabetes; hypertension"}`,
		`{"text":"a","systems":["icd10cm","cpt"],"setting":"inpatient","maxResults":5,"minConfidence":0.5,"dateOfService":"2025-10-01"}`,
		`{"text": "a"`, `{"text" "a"}`, `[1,2]`, ``, `{"text":"a"} {}`, `{"text": 5}`, `{"text":"a","txet":"b"}`,
		`{"text":"  "}`, `{"text":"a","systems":["snomed"]}`, `{"text":"a","dateOfService":"2025-13-01"}`,
		`{"text":"a","maxResults":-1}`, `{"text":"a","minConfidence":1e400}`, `{"text":"\ud800"}`, `null`, `{"text":null}`,
	} {
		f.Add(seed)
	}
	fx := newFixture(f, nil)
	f.Fuzz(func(t *testing.T, body string) {
		if strings.Contains(body, "PANIC") || strings.Contains(body, "SLOW") {
			return // the fake engine's own triggers
		}
		req := httptest.NewRequest("POST", "/v1/suggest", strings.NewReader(body))
		w := httptest.NewRecorder()
		fx.h.ServeHTTP(w, req)
		switch {
		case w.Code == http.StatusOK:
		case w.Code >= 400 && w.Code < 500:
			if w.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("status %d without problem+json: %q", w.Code, w.Body)
			}
		default:
			t.Fatalf("status %d for body %q: %s", w.Code, body, w.Body)
		}
	})
}
