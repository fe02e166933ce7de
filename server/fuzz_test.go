package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// fuzzBodies posts arbitrary bodies to path on a server whose fake engine
// runs the real note checks (suggest.CheckNote): the answer is 200 or a
// 4xx problem, never a 500, a panic or a hang.
func fuzzBodies(f *testing.F, path string, seeds []string) {
	for _, seed := range seeds {
		f.Add(seed)
	}
	fx := newFixture(f, nil)
	fx.engine.plain = true
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
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

// FuzzDecodeSuggest fuzzes POST /v1/suggest.
func FuzzDecodeSuggest(f *testing.F) {
	fuzzBodies(f, "/v1/suggest", []string{
		`{"text":"Type 2 diabetes; hypertension"}`,
		`{"text":"a","systems":["icd10cm","cpt"],"setting":"inpatient","maxResults":5,"minConfidence":0.5,"dateOfService":"2025-10-01"}`,
		`{"text": "a"`, `{"text" "a"}`, `[1,2]`, ``, `{"text":"a"} {}`, `{"text": 5}`, `{"text":"a","txet":"b"}`,
		`{"text":"  "}`, `{"text":"a","systems":["snomed"]}`, `{"text":"a","dateOfService":"2025-13-01"}`,
		`{"text":"a","maxResults":-1}`, `{"text":"a","minConfidence":1e400}`, `{"text":"\ud800"}`, `null`, `{"text":null}`,
		`{"text":"a \u0000 b"}`, `{"text":"a \u0001 b"}`, `{"TEXT":"a"}`, `{"text":"a","text":"b"}`, `{"text":"\u0050ANIC"}`,
	})
}

// FuzzDecodeBatch fuzzes POST /v1/suggest/batch.
func FuzzDecodeBatch(f *testing.F) {
	fuzzBodies(f, "/v1/suggest/batch", []string{
		`{"notes":[{"id":"1","text":"diabetes"},{"text":"hypertension","systems":["cpt"]}]}`,
		`{"notes":[]}`, `{"notes":[{"text":"x\u0000y"}]}`, `{"notes":[{"Text":"a"}]}`, `{"notes":null}`, `{"notes":[{"text":"a","id":"1","id":"2"}]}`,
	})
}

// FuzzDecodeCDS fuzzes the CDS Hooks service: notes in extensions and in
// base64 attachments of prefetched DocumentReferences and Bundles.
func FuzzDecodeCDS(f *testing.F) {
	fuzzBodies(f, "/cds-services/medcode-coding", []string{
		cdsRequestBody("", `,"extension":{"org.medcode.note-text":"diabetes and hypertension"}`),
		cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"ZGlhYmV0ZXM="}}]}`, ""),
		cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"YQBi"}}]}`, ""),
		cdsRequestBody(`{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle"}}]}`, ""),
		`{"hook":"encounter-discharge","hookInstance":"x"}`, `{"hook":"encounter-discharge","hookInstance":"x","context":null}`,
	})
}
