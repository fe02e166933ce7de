package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"medcode/corpus"
	"medcode/feedback"
	"medcode/suggest"
)

const note = "Established patient office visit. Type 2 diabetes, well controlled; hypertension. Patient reports no fever."

func TestNewValidates(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("New without engine succeeded")
	}
	if _, err := New(Options{Engine: &fakeEngine{}}); err == nil {
		t.Error("New without store succeeded")
	}
	// Two servers may share a registry.
	reg := prometheus.NewRegistry()
	newFixture(t, func(o *Options) { o.Registry = reg })
	newFixture(t, func(o *Options) { o.Registry = reg })
}

func TestSuggest(t *testing.T) {
	f := newFixture(t, nil)
	w := f.do(t, "POST", "/v1/suggest", map[string]any{
		"text": note, "systems": []string{"icd10cm", "CPT"}, "setting": "inpatient",
		"maxResults": 5, "minConfidence": 0.2, "dateOfService": "2025-11-03",
	})
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	res := decode[struct {
		RequestID   string               `json:"requestId"`
		Suggestions []suggest.Suggestion `json:"suggestions"`
		Rejected    []suggest.Rejection  `json:"rejected"`
		CodeSets    map[string]any       `json:"codeSets"`
	}](t, w)
	if res.RequestID == "" || w.Header().Get("X-Request-Id") != res.RequestID {
		t.Errorf("requestId %q, header %q", res.RequestID, w.Header().Get("X-Request-Id"))
	}
	if len(res.Suggestions) != 3 || len(res.Rejected) != 1 || res.CodeSets["ICD-10-CM"] == nil {
		t.Errorf("result = %+v", res)
	}
	for _, s := range res.Suggestions {
		for _, e := range s.Evidence {
			if note[e.Start:e.End] != e.Text {
				t.Errorf("evidence %+v does not match the note", e)
			}
		}
	}
	got := f.engine.lastRequest()
	want := suggest.Request{Text: note, Systems: []corpus.System{corpus.ICD10CM, corpus.CPT}, Setting: suggest.Inpatient,
		MaxResults: 5, MinConfidence: 0.2, DateOfService: time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("engine got %+v\nwant %+v", got, want)
	}
	// The client's request id is kept when it is safe.
	w = f.do(t, "POST", "/v1/suggest", map[string]any{"text": "nothing"}, "X-Request-Id", "abc-123")
	if r := decode[map[string]any](t, w); r["requestId"] != "abc-123" {
		t.Errorf("requestId = %v, want the client's", r["requestId"])
	}
	// Empty results are [] and {} in JSON, never null.
	if !strings.Contains(w.Body.String(), `"suggestions":[]`) || !strings.Contains(w.Body.String(), `"rejected":[]`) {
		t.Errorf("empty result JSON = %s", w.Body)
	}
	w = f.do(t, "POST", "/v1/suggest", map[string]any{"text": "x"}, "X-Request-Id", "bad id with spaces")
	if id := w.Header().Get("X-Request-Id"); id == "" || strings.Contains(id, " ") {
		t.Errorf("unsafe request id echoed: %q", id)
	}
}

func TestClientErrors(t *testing.T) {
	f := newFixture(t, nil)
	// Feedback rows below refer to request "r", which suggested E11.9.
	if w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}, "X-Request-Id", "r"); w.Code != 200 {
		t.Fatalf("suggest: %d %s", w.Code, w.Body)
	}
	big := `{"text":"` + strings.Repeat("a", MaxBody) + `"}`
	tests := []struct {
		name, method, path, body string
		status                   int
		detail                   string
	}{
		{"malformed", "POST", "/v1/suggest", `{"text": "a"`, 400, "malformed JSON"},
		{"syntax", "POST", "/v1/suggest", `{"text" "a"}`, 400, "malformed JSON at byte"},
		{"not an object", "POST", "/v1/suggest", `[1,2]`, 400, "malformed JSON"},
		{"empty body", "POST", "/v1/suggest", ``, 400, "empty body"},
		{"two values", "POST", "/v1/suggest", `{"text":"a"} {}`, 400, "more than one value"},
		{"wrong type", "POST", "/v1/suggest", `{"text": 5}`, 400, "text must be a string"},
		{"unknown field", "POST", "/v1/suggest", `{"text":"a","txet":"b"}`, 400, `unknown field "txet"`},
		{"empty text", "POST", "/v1/suggest", `{"text":"  \n"}`, 400, "text is empty"},
		{"unknown system", "POST", "/v1/suggest", `{"text":"a","systems":["snomed"]}`, 400, `unknown system "snomed"`},
		{"bad date", "POST", "/v1/suggest", `{"text":"a","dateOfService":"2025-13-01"}`, 400, "dateOfService"},
		{"bad setting", "POST", "/v1/suggest", `{"text":"a","setting":"er"}`, 400, "unknown setting"},
		{"bad maxResults", "POST", "/v1/suggest", `{"text":"a","maxResults":-1}`, 400, "maxResults"},
		{"bad minConfidence", "POST", "/v1/suggest", `{"text":"a","minConfidence":2}`, 400, "minConfidence"},
		{"too large", "POST", "/v1/suggest", big, 413, "100 KB"},
		{"batch too large", "POST", "/v1/suggest/batch", `{"notes":[{"text":"` + strings.Repeat("a", MaxBody) + `"}]}`, 413, "100 KB"},
		{"feedback too large", "POST", "/v1/feedback", `{"reason":"` + strings.Repeat("a", MaxBody) + `"}`, 413, "100 KB"},
		{"unknown route", "GET", "/v1/nothing", "", 404, "no route"},
		{"unknown cds route", "POST", "/cds-services/other", "{}", 404, "no route"},
		{"wrong method", "GET", "/v1/suggest", "", 405, "GET"},
		{"wrong method feedback", "DELETE", "/v1/feedback", "", 405, "DELETE"},
		{"unknown code", "GET", "/v1/codes/icd10cm/Z99.999", "", 404, "Z99.999"},
		{"unknown system code", "GET", "/v1/codes/snomed/123", "", 400, "unknown system"},
		{"search empty q", "GET", "/v1/codes/search?q=", "", 400, "q is empty"},
		{"search bad limit", "GET", "/v1/codes/search?q=dia&limit=0", "", 400, "limit"},
		{"search bad system", "GET", "/v1/codes/search?q=dia&system=loinc", "", 400, "unknown system"},
		{"feedback bad action", "POST", "/v1/feedback", `{"requestId":"r","system":"icd10cm","code":"E11.9","action":"maybe"}`, 400, "action"},
		{"feedback no request", "POST", "/v1/feedback", `{"system":"icd10cm","code":"E11.9","action":"accepted"}`, 400, "requestId"},
		{"feedback bad system", "POST", "/v1/feedback", `{"requestId":"r","system":"x","code":"E11.9","action":"accepted"}`, 400, "unknown system"},
		{"feedback unknown code", "POST", "/v1/feedback", `{"requestId":"r","system":"icd10cm","code":"Q99.99","action":"added"}`, 404, "Q99.99"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body any
			if tt.body != "" || tt.method == "POST" {
				body = tt.body
			}
			wantProblem(t, f.do(t, tt.method, tt.path, body), tt.status, tt.detail)
		})
	}
}

func TestBatch(t *testing.T) {
	f := newFixture(t, nil)
	notes := []map[string]any{{"id": "a", "text": "diabetes"}, {"id": "b", "text": "hypertension", "systems": []string{"icd10cm"}}, {"text": "nothing here"}}
	w := f.do(t, "POST", "/v1/suggest/batch", map[string]any{"notes": notes})
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	res := decode[struct {
		Results []struct {
			ID          string               `json:"id"`
			RequestID   string               `json:"requestId"`
			Suggestions []suggest.Suggestion `json:"suggestions"`
		} `json:"results"`
	}](t, w)
	if len(res.Results) != 3 {
		t.Fatalf("results = %+v", res)
	}
	if r := res.Results[0]; r.ID != "a" || len(r.Suggestions) != 1 || r.Suggestions[0].Code != "E11.9" {
		t.Errorf("results[0] = %+v", r)
	}
	if r := res.Results[1]; r.ID != "b" || len(r.Suggestions) != 1 || r.Suggestions[0].Code != "I10" {
		t.Errorf("results[1] = %+v", r)
	}
	seen := map[string]bool{}
	for _, r := range res.Results {
		if r.RequestID == "" || seen[r.RequestID] {
			t.Errorf("request ids not distinct: %+v", res.Results)
		}
		seen[r.RequestID] = true
	}
	many := make([]map[string]any, MaxBatch+1)
	for i := range many {
		many[i] = map[string]any{"text": "x"}
	}
	wantProblem(t, f.do(t, "POST", "/v1/suggest/batch", map[string]any{"notes": many}), 400, "at most 100")
	wantProblem(t, f.do(t, "POST", "/v1/suggest/batch", `{"notes":[]}`), 400, "notes is empty")
	wantProblem(t, f.do(t, "POST", "/v1/suggest/batch", `{"notes":[{"text":"a"},{"text":""}]}`), 400, "notes[1]: text is empty")
	if w := f.do(t, "POST", "/v1/suggest/batch", map[string]any{"notes": many[:MaxBatch]}); w.Code != 200 {
		t.Errorf("batch of %d: status %d", MaxBatch, w.Code)
	}
	wantProblem(t, f.do(t, "POST", "/v1/suggest/batch", `{"notes":[{"text":"a"},{"text":"PANIC"}]}`), 500, "notes[1]")
}

func TestAuth(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.APIKeys = []string{" k1 ", "", "k2"} })
	body := map[string]any{"text": "diabetes"}
	wantProblem(t, f.do(t, "POST", "/v1/suggest", body), 401, "missing API key")
	w := f.do(t, "POST", "/v1/suggest", body, "Authorization", "Bearer nope")
	wantProblem(t, w, 401, "not valid")
	if w.Header().Get("WWW-Authenticate") == "" {
		t.Error("no WWW-Authenticate on 401")
	}
	wantProblem(t, f.do(t, "GET", "/cds-services", nil), 401, "API key")
	wantProblem(t, f.do(t, "GET", "/v1/codes/icd10cm/E11.9", nil), 401, "API key")
	for _, h := range [][]string{{"Authorization", "Bearer k1"}, {"Authorization", "bearer k2"}, {"X-API-Key", "k2"}} {
		if w := f.do(t, "POST", "/v1/suggest", body, h...); w.Code != 200 {
			t.Errorf("%v: status %d", h, w.Code)
		}
	}
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json"} {
		if w := f.do(t, "GET", p, nil); w.Code != 200 {
			t.Errorf("%s needs no key: status %d", p, w.Code)
		}
	}
}

func TestCodes(t *testing.T) {
	f := newFixture(t, nil)
	w := f.do(t, "GET", "/v1/codes/icd10cm/e119", nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	d := decode[codeDetails](t, w)
	if d.Code != "E11.9" || d.System != "ICD-10-CM" || !d.Billable || d.Parent == nil || d.Parent.Code != "E11" ||
		d.Parent.Display != "Type 2 diabetes mellitus" || len(d.Names) != 2 || d.Names[1].Kind != "index" ||
		len(d.Notes.Excludes1) != 1 || d.SystemURI != "http://hl7.org/fhir/sid/icd-10-cm" {
		t.Errorf("details = %+v", d)
	}
	d = decode[codeDetails](t, f.do(t, "GET", "/v1/codes/ICD-10-CM/E11", nil))
	if len(d.Children) != 1 || d.Children[0].Code != "E11.9" || !d.Children[0].Billable || d.Billable {
		t.Errorf("E11 = %+v", d)
	}
	d = decode[codeDetails](t, f.do(t, "GET", "/v1/codes/icd10cm/S52.5", nil))
	if len(d.SevenChr) != 1 || d.SevenChr[0].Char != "A" {
		t.Errorf("S52.5 sevenChr = %+v", d.SevenChr)
	}
	d = decode[codeDetails](t, f.do(t, "GET", "/v1/codes/hcpcs/j1100", nil))
	if d.Code != "J1100" || d.Added != "2000-01-01" || d.Children == nil {
		t.Errorf("J1100 = %+v", d)
	}

	w = f.do(t, "GET", "/v1/codes/search?q=diabetes&system=icd10cm&limit=1", nil)
	if w.Code != 200 {
		t.Fatalf("search status %d: %s", w.Code, w.Body)
	}
	ms := decode[[]suggest.CodeMatch](t, w)
	if len(ms) != 1 || ms[0].Code != "E11" {
		t.Errorf("search = %+v", ms)
	}
	if w := f.do(t, "GET", "/v1/codes/search?q=zzzz", nil); strings.TrimSpace(w.Body.String()) != "[]" {
		t.Errorf("empty search = %s, want []", w.Body)
	}
}

func TestNotReady(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Engine = notReady{}; o.Set = nil })
	f.srv.SetReady(false)
	wantProblem(t, f.do(t, "GET", "/readyz", nil), 503, "loading")
	wantProblem(t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": "a"}), 503, "still loading")
	wantProblem(t, f.do(t, "GET", "/v1/codes/icd10cm/E11.9", nil), 503, "still loading")
	wantProblem(t, f.do(t, "GET", "/v1/codes/search?q=a", nil), 503, "still loading")
	if w := f.do(t, "GET", "/healthz", nil); w.Code != 200 {
		t.Errorf("healthz = %d", w.Code)
	}
	f.srv.SetReady(true)
	if w := f.do(t, "GET", "/readyz", nil); w.Code != 200 {
		t.Errorf("readyz after SetReady(true) = %d", w.Code)
	}
}

type notReady struct{}

func (notReady) Suggest(context.Context, suggest.Request) (*suggest.Result, error) {
	return nil, fmt.Errorf("test: %w", ErrNotReady)
}

func TestPanicAndTimeout(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.RequestTimeout = 50 * time.Millisecond })
	wantProblem(t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": "PANIC now"}), 500, "request id")
	start := time.Now()
	wantProblem(t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": "SLOW"}), 503, "timeout")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timeout took %v", d)
	}
	// The server still works afterwards.
	if w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}); w.Code != 200 {
		t.Errorf("after panic: %d", w.Code)
	}
}

type failingEngine struct{ err error }

func (e failingEngine) Suggest(context.Context, suggest.Request) (*suggest.Result, error) {
	return nil, e.err
}

func TestEngineErrors(t *testing.T) {
	tests := []struct {
		err    error
		status int
	}{
		{fmt.Errorf("x: %w", corpus.ErrNotCovered), 400},
		{fmt.Errorf("x: %w", corpus.ErrUnknownCode), 404},
		{suggest.ErrEmptyNote, 400},
		{suggest.ErrBinaryNote, 400},
		{fmt.Errorf("x: %w", suggest.ErrNoteTooLarge), 413},
		{fmt.Errorf("%w: HCPCS", suggest.ErrUnknownSystem), 400},
		{fmt.Errorf("%w: %q", suggest.ErrBadSetting, "er"), 400},
		{errors.New("disk on fire"), 500},
	}
	for _, tt := range tests {
		f := newFixture(t, func(o *Options) { o.Engine = failingEngine{tt.err} })
		w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "a"})
		wantProblem(t, w, tt.status, "")
		if strings.Contains(w.Body.String(), "disk on fire") {
			t.Errorf("internal error text leaked: %s", w.Body)
		}
	}
}

func TestFeedback(t *testing.T) {
	f := newFixture(t, nil)
	res := decode[map[string]any](t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": note}))
	rid := res["requestId"].(string)
	for _, fb := range []map[string]any{
		{"requestId": rid, "system": "icd10cm", "code": "e119", "action": "accepted", "user": "ann"},
		{"requestId": rid, "system": "ICD-10-CM", "code": "I10", "action": "rejected", "reason": "not documented"},
		{"requestId": rid, "system": "hcpcs", "code": "J1100", "action": "added"},
	} {
		w := f.do(t, "POST", "/v1/feedback", fb)
		if w.Code != 201 {
			t.Fatalf("feedback %v: status %d %s", fb, w.Code, w.Body)
		}
		e := decode[feedback.Event](t, w)
		if e.ID == 0 || e.RequestID != rid || e.Created.IsZero() {
			t.Errorf("stored event = %+v", e)
		}
	}
	evs, err := f.store.Events(context.Background(), rid)
	if err != nil || len(evs) != 3 {
		t.Fatalf("Events = %v, %v", evs, err)
	}
	if evs[0].Code != "E11.9" || strings.Join(evs[0].Terms, ",") != "type 2 diabetes mellitus" || evs[0].User != "ann" {
		t.Errorf("accepted event = %+v (terms must be the matched names)", evs[0])
	}
	if len(evs[2].Terms) != 0 {
		t.Errorf("added code got terms %v", evs[2].Terms)
	}
	// Feedback moves ranking for future requests.
	if a := f.store.Adjust("ICD-10-CM", "I10", []string{"Hypertension"}); a >= 0 {
		t.Errorf("Adjust(I10) after rejection = %v, want < 0", a)
	}
	if a := f.store.Adjust("ICD-10-CM", "E11.9", []string{"Type 2 diabetes mellitus"}); a <= 0 {
		t.Errorf("Adjust(E11.9) after acceptance = %v, want > 0", a)
	}
	st := decode[feedback.Stats](t, f.do(t, "GET", "/v1/feedback/stats", nil))
	if st.Overall.Total != 3 || st.Overall.AcceptanceRate != 0.5 || len(st.Codes) != 3 {
		t.Errorf("stats = %+v", st)
	}
}

func TestHealthMetricsOpenAPI(t *testing.T) {
	f := newFixture(t, nil)
	f.srv.SetReady(false)
	if w := f.do(t, "GET", "/healthz", nil); w.Code != 200 {
		t.Errorf("healthz = %d", w.Code)
	}
	f.do(t, "POST", "/v1/suggest", map[string]any{"text": note})
	f.do(t, "POST", "/v1/suggest", map[string]any{"text": ""})
	w := f.do(t, "GET", "/metrics", nil)
	body := w.Body.String()
	for _, want := range []string{
		`medcode_http_requests_total{method="POST",route="/v1/suggest",status="200"} 1`,
		`medcode_http_requests_total{method="POST",route="/v1/suggest",status="400"} 1`,
		`medcode_http_request_duration_seconds_bucket{method="POST",route="/v1/suggest",status="200",le="+Inf"} 1`,
		`medcode_suggestions_per_request_bucket{le="3"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	var spec struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	w = f.do(t, "GET", "/openapi.json", nil)
	if err := json.Unmarshal(w.Body.Bytes(), &spec); err != nil || !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v %q", err, spec.OpenAPI)
	}
	// Every route is documented, with its method.
	for _, r := range f.srv.routesInfo() {
		p := r.path
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, ":") {
				p = strings.Replace(p, seg, "{"+seg[1:]+"}", 1)
			}
		}
		if _, ok := spec.Paths[p][strings.ToLower(r.method)]; !ok {
			t.Errorf("openapi.json does not document %s %s", r.method, p)
		}
	}
}

func TestWorkbenchMounted(t *testing.T) {
	f := newFixture(t, nil)
	w := f.do(t, "GET", "/", nil)
	if w.Code != 200 || strings.Contains(w.Header().Get("Content-Type"), "problem") {
		t.Errorf("GET / = %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	wantProblem(t, f.do(t, "POST", "/", "{}"), 404, "no route")
}

func TestLogsNoNoteText(t *testing.T) {
	var buf strings.Builder
	f := newFixture(t, func(o *Options) { o.Logger = newTestLogger(&buf) })
	f.do(t, "POST", "/v1/suggest", map[string]any{"text": "SECRETWORD diabetes"})
	f.do(t, "POST", "/v1/suggest", map[string]any{"text": "SECRETWORD PANIC"})
	f.do(t, "GET", "/v1/codes/search?q=SECRETWORD", nil)
	if !strings.Contains(buf.String(), "route=/v1/suggest") {
		t.Fatalf("no request log: %s", buf.String())
	}
	if strings.Contains(buf.String(), "SECRETWORD") {
		t.Errorf("log holds note text: %s", buf.String())
	}
}

// termerEngine is a fakeEngine whose names analyse to lower-case words.
type termerEngine struct{ *fakeEngine }

func (termerEngine) NameTerms(name string) []string { return strings.Fields(strings.ToLower(name)) }

func TestFeedbackTermsFromTermer(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Engine = termerEngine{&fakeEngine{set: o.Set}} })
	rid := decode[map[string]any](t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": note}))["requestId"].(string)
	w := f.do(t, "POST", "/v1/feedback", map[string]any{"requestId": rid, "system": "icd10cm", "code": "E11.9", "action": "rejected"})
	if e := decode[feedback.Event](t, w); strings.Join(e.Terms, ",") != "type,2,diabetes,mellitus" {
		t.Errorf("terms = %q, want the Termer's", e.Terms)
	}
	if a := f.store.Adjust("ICD-10-CM", "E11.9", []string{"diabetes", "mellitus"}); a >= f.store.Adjust("ICD-10-CM", "E11.9", nil) {
		t.Errorf("rejection with the same terms should lower more: %v", a)
	}
}
