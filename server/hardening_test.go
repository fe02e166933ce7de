package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"medcode/feedback"
)

// TestNoteChecks: notes the engine refuses (control characters, NUL,
// nothing but blanks) are 400 problems on every endpoint that takes a
// note, never a 500 or an ERROR log line.
func TestNoteChecks(t *testing.T) {
	var logs bytes.Buffer
	f := newFixture(t, func(o *Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	nul := base64.StdEncoding.EncodeToString([]byte("chest pain \x00\x00 diabetes"))
	tests := []struct{ name, path, body, detail string }{
		{"NUL", "/v1/suggest", `{"text":"a \u0000 b"}`, "not text"},
		{"control", "/v1/suggest", `{"text":"a \u0001 b"}`, "not text"},
		{"invalid UTF-8 escape", "/v1/suggest", `{"text":"diabetes \ud800"}`, ""},
		{"batch", "/v1/suggest/batch", `{"notes":[{"text":"diabetes"},{"text":"x\u0000y"}]}`, "notes[1]"},
		{"cds extension", "/cds-services/medcode-coding", cdsRequestBody("", `,"extension":{"org.medcode.note-text":"a \u0000 b"}`), "not text"},
		{"cds attachment", "/cds-services/medcode-coding", cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"`+nul+`"}}]}`, ""), "not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := f.do(t, "POST", tt.path, tt.body)
			if tt.name == "invalid UTF-8 escape" {
				// encoding/json turns a lone surrogate into U+FFFD: text.
				if w.Code != 200 {
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
				return
			}
			wantProblem(t, w, 400, tt.detail)
		})
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("client mistakes were logged as errors:\n%s", logs.String())
	}
}

// TestFeedbackWhileLoading: until the code sets are loaded, feedback
// cannot be checked, so it is refused (503), never stored unchecked.
func TestFeedbackWhileLoading(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Set = nil }) // the fake engine has no Set()
	w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"})
	rid := decode[map[string]any](t, w)["requestId"].(string)
	for _, code := range []string{"ZZZ.99", "E11.9"} {
		w := f.do(t, "POST", "/v1/feedback", map[string]any{"requestId": rid, "system": "icd10cm", "code": code, "action": "added"})
		wantProblem(t, w, 503, "loading")
		if w.Header().Get("Retry-After") == "" {
			t.Error("503 without Retry-After")
		}
	}
	if evs, _ := f.store.Events(context.Background(), ""); len(evs) != 0 {
		t.Errorf("stored %d unchecked events", len(evs))
	}
}

// TestFeedbackBound: feedback names a request this server answered and,
// for accepted or rejected, a code that answer suggested; an
// Idempotency-Key makes a retry a no-op.
func TestFeedbackBound(t *testing.T) {
	f := newFixture(t, nil)
	rid := decode[map[string]any](t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}))["requestId"].(string)
	fb := func(req, code, action string) map[string]any {
		return map[string]any{"requestId": req, "system": "icd10cm", "code": code, "action": action}
	}
	wantProblem(t, f.do(t, "POST", "/v1/feedback", fb("never-issued", "E11.9", "accepted")), 404, "never-issued")
	wantProblem(t, f.do(t, "POST", "/v1/feedback", fb(rid, "I10", "accepted")), 422, "did not suggest")
	wantProblem(t, f.do(t, "POST", "/v1/feedback", fb(rid, "I10", "rejected")), 422, "did not suggest")
	if w := f.do(t, "POST", "/v1/feedback", fb(rid, "I10", "added")); w.Code != 201 {
		t.Errorf("adding a code the request did not suggest: %d %s", w.Code, w.Body)
	}
	first := f.do(t, "POST", "/v1/feedback", fb(rid, "E11.9", "accepted"), "Idempotency-Key", "k-1")
	retry := f.do(t, "POST", "/v1/feedback", fb(rid, "E11.9", "accepted"), "Idempotency-Key", "k-1")
	if first.Code != 201 || retry.Code != 200 {
		t.Fatalf("first %d, retry %d; want 201 then 200", first.Code, retry.Code)
	}
	if a, b := decode[feedback.Event](t, first), decode[feedback.Event](t, retry); a.ID != b.ID || !b.Replayed {
		t.Errorf("retry answered %+v, want the first event %d replayed", b, a.ID)
	}
	wantProblem(t, f.do(t, "POST", "/v1/feedback", fb(rid, "E11.9", "rejected"), "Idempotency-Key", "k-1"), 409, "k-1")
	wantProblem(t, f.do(t, "POST", "/v1/feedback", fb(rid, "E11.9", "rejected"), "Idempotency-Key", "cds:x"), 400, "cds:")
	evs, _ := f.store.Events(context.Background(), rid)
	if len(evs) != 2 {
		t.Errorf("stored %d events, want 2 (added I10, accepted E11.9 once)", len(evs))
	}
}

// TestCDSFeedbackAtomic: a batch with a bad item stores nothing; a card
// accepted several times in one call, or by a retried call, counts once.
func TestCDSFeedbackAtomic(t *testing.T) {
	f := newFixture(t, nil)
	body := cdsRequestBody("", `,"extension":{"org.medcode.note-text":`+jsonString(note)+`}`)
	res := decode[struct{ Cards []cdsCardJSON }](t, f.do(t, "POST", "/cds-services/medcode-coding", body))
	if len(res.Cards) != 2 {
		t.Fatalf("cards = %+v", res.Cards)
	}
	c0, c1 := res.Cards[0].UUID, res.Cards[1].UUID
	item := func(card, outcome string) string { return `{"card":"` + card + `","outcome":"` + outcome + `"}` }
	batch := func(items ...string) string { return `{"feedback":[` + strings.Join(items, ",") + `]}` }
	const path = "/cds-services/medcode-coding/feedback"
	wantProblem(t, f.do(t, "POST", path, batch(item(c0, "accepted"), item("nope", "accepted"))), 404, "feedback[1]")
	wantProblem(t, f.do(t, "POST", path, batch(item(c0, "accepted"), item(c1, "maybe"))), 400, "feedback[1]")
	if evs, _ := f.store.Events(context.Background(), ""); len(evs) != 0 {
		t.Fatalf("a refused batch stored %d events", len(evs))
	}
	many := make([]string, 0, 101)
	for range 50 {
		many = append(many, item(c0, "accepted"))
	}
	many = append(many, item(c1, "overridden"))
	for round := range 2 { // the second round is a client's retry
		if w := f.do(t, "POST", path, batch(many...)); w.Code != 200 {
			t.Fatalf("round %d: %d %s", round, w.Code, w.Body)
		}
	}
	st, _ := f.store.Stats(context.Background())
	if st.Overall.Accepted != 1 || st.Overall.Rejected != 1 || st.Overall.Total != 2 {
		t.Errorf("stats %+v, want one acceptance and one rejection", st.Overall)
	}
}

// TestSlowBody: a client dripping its body is cut off after the body
// timeout with 408, not held for as long as it likes.
func TestSlowBody(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.BodyTimeout = 300 * time.Millisecond; o.RequestTimeout = 800 * time.Millisecond })
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = f.srv.HTTPServer()
	ts.Start()
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"text":"type 2 diabetes mellitus, essential hypertension, office visit"}`
	fmt.Fprintf(conn, "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	stop := make(chan struct{})
	defer close(stop)
	go func() { // one byte every 100 ms: 7 s for the whole body
		for i := range len(body) {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				return
			}
		}
	}()
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer within 3 s: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(b), "body timeout") {
		t.Errorf("status %d %s, want 408", resp.StatusCode, b)
	}
	if d := time.Since(start); d > 900*time.Millisecond { // the body timeout, not ReadTimeout (1.1 s)
		t.Errorf("slow body held %v", d)
	}
	// A body that arrives in time is served.
	resp, err = http.Post(ts.URL+"/v1/suggest", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("prompt body: status %d", resp.StatusCode)
	}
	// The deadline is lifted once the body is read: a handler outlasting
	// the body timeout runs to its own deadline (503), not cancelled (499).
	resp, err = http.Post(ts.URL+"/v1/suggest", "application/json", strings.NewReader(`{"text":"SLOW"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("slow handler: status %d, want 503 at the request timeout", resp.StatusCode)
	}
	srv := f.srv.HTTPServer()
	if srv.ReadTimeout <= 0 || srv.ReadHeaderTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("HTTPServer leaves a timeout unset: %+v", srv)
	}
}

// TestMetricsBounded: junk methods share one label value and routes are
// the route templates, so a client cannot grow /metrics.
func TestMetricsBounded(t *testing.T) {
	f := newFixture(t, nil)
	for i := range 60 {
		f.do(t, fmt.Sprintf("JUNK%d", i), "/v1/suggest", nil)
		f.do(t, "GET", fmt.Sprintf("/v1/codes/icd10cm/E11.%d", i), nil)
		f.do(t, "GET", fmt.Sprintf("/nothing/%d", i), nil)
	}
	m := f.do(t, "GET", "/metrics", nil).Body.String()
	labels := func(name string) map[string]bool {
		out := map[string]bool{}
		for _, mm := range regexp.MustCompile(name+`="([^"]*)"`).FindAllStringSubmatch(m, -1) {
			out[mm[1]] = true
		}
		return out
	}
	methods := labels("method")
	if len(methods) > 3 || !methods["other"] || methods["JUNK1"] {
		t.Errorf("method labels %v, want GET, other", methods)
	}
	for r := range labels("route") {
		if r != "unmatched" && !strings.HasPrefix(r, "/") || strings.Contains(r, "E11") || strings.Contains(r, "nothing") {
			t.Errorf("route label %q is not a route template", r)
		}
	}
}

// TestCrossSite: JSON bodies only, no cross-origin calls unless allowed,
// loopback-only servers check Host.
func TestCrossSite(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.AllowedOrigins = []string{"https://ehr.example.org"} })
	rid := decode[map[string]any](t, f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}))["requestId"].(string)
	fb := `{"requestId":"` + rid + `","system":"icd10cm","code":"E11.9","action":"accepted"}`
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
		req := httptest.NewRequest("POST", "/v1/feedback", strings.NewReader(fb))
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		w := httptest.NewRecorder()
		f.h.ServeHTTP(w, req)
		wantProblem(t, w, 415, "application/json")
	}
	wantProblem(t, f.do(t, "POST", "/v1/feedback", fb, "Origin", "https://evil.example"), 403, "origin")
	if evs, _ := f.store.Events(context.Background(), ""); len(evs) != 0 {
		t.Fatalf("cross-site feedback stored: %v", evs)
	}
	// Preflights: refused for strangers, answered for the allowed origin
	// with that origin (never *).
	wantProblem(t, f.do(t, "OPTIONS", "/v1/feedback", nil, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), 403, "origin")
	w := f.do(t, "OPTIONS", "/v1/feedback", nil, "Origin", "https://ehr.example.org", "Access-Control-Request-Method", "POST")
	if w.Code != 204 || w.Header().Get("Access-Control-Allow-Origin") != "https://ehr.example.org" {
		t.Errorf("allowed preflight: %d %v", w.Code, w.Header())
	}
	w = f.do(t, "POST", "/v1/feedback", fb, "Origin", "https://ehr.example.org")
	if w.Code != 201 || w.Header().Get("Access-Control-Allow-Origin") != "https://ehr.example.org" {
		t.Errorf("allowed origin: %d %v", w.Code, w.Header())
	}
	// The workbench page posts from the server's own origin.
	if w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}, "Origin", "http://example.com"); w.Code != 200 {
		t.Errorf("same-origin POST: %d %s", w.Code, w.Body)
	}
	if w := f.do(t, "GET", "/healthz", nil, "Origin", "https://evil.example"); w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS header for a stranger: %v", w.Header())
	}

	lo := newFixture(t, func(o *Options) { o.LoopbackHosts = true })
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "evil.example:8080": 421, "example.com": 421} {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Host = host
		w := httptest.NewRecorder()
		lo.h.ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
}

// TestCDSHostNotReflected: the card source link is the configured public
// URL or nothing, never what the Host header says.
func TestCDSHostNotReflected(t *testing.T) {
	f := newFixture(t, nil)
	body := cdsRequestBody("", `,"extension":{"org.medcode.note-text":`+jsonString(note)+`}`)
	w := f.do(t, "POST", "/cds-services/medcode-coding", body, "Host", "evil.example.org")
	if w.Code != 200 || strings.Contains(w.Body.String(), "evil") {
		t.Errorf("status %d, Host reflected: %s", w.Code, w.Body)
	}
}

// TestSecurityHeaders: every API answer, success or problem, forbids
// sniffing and caching (answers quote note text).
func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t, nil)
	for _, w := range []*httptest.ResponseRecorder{
		f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}),
		f.do(t, "POST", "/v1/suggest", `{"text":""}`),
		f.do(t, "GET", "/v1/nothing", nil),
		f.do(t, "GET", "/v1/codes/icd10cm/E11.9", nil),
		f.do(t, "GET", "/healthz", nil),
	} {
		if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("status %d headers %v", w.Code, w.Header())
		}
	}
}

// TestSecureHeadersShared: the header values every response shares
// (newSecureHeaders) reach each response whole, Referrer-Policy too, and
// a header added to one response's shared key changes no other's.
func TestSecureHeadersShared(t *testing.T) {
	f := newFixture(t, nil)
	first := f.do(t, "GET", "/healthz", nil)
	first.Header().Add("Cache-Control", "private") // a later writer adding to the key
	for _, w := range []*httptest.ResponseRecorder{f.do(t, "GET", "/healthz", nil), f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"})} {
		for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"} {
			if got := w.Header().Values(k); len(got) != 1 || got[0] != want {
				t.Errorf("%s: %q, want [%s]", k, got, want)
			}
		}
	}
	for _, fh := range f.srv.secureHeaders {
		if len(fh.values) != 1 || cap(fh.values) != 1 {
			t.Errorf("%s: shared values %q of capacity %d", fh.key, fh.values, cap(fh.values))
		}
	}
}

// TestRequestHeaderAgrees holds requestHeader to Header.Get for the keys
// the server reads with it, over requests whose header names arrive in
// any case, once or twice, or not at all.
func TestRequestHeaderAgrees(t *testing.T) {
	keys := []string{"X-Request-Id", "Origin", "Content-Type"}
	for _, k := range keys {
		if http.CanonicalHeaderKey(k) != k {
			t.Fatalf("%q is not canonical", k)
		}
	}
	for _, raw := range []string{
		"x-request-id: a1\r\norigin: http://x\r\ncontent-type: application/json\r\n",
		"X-REQUEST-ID: b2\r\nX-Request-Id: b3\r\nORIGIN: http://y\r\n",
		"Content-Type: text/plain\r\ncontent-type: application/json\r\n",
		"",
	} {
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader("POST /v1/suggest HTTP/1.1\r\nHost: h\r\n" + raw + "\r\n")))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if got, want := requestHeader(r, k), r.Header.Get(k); got != want {
				t.Errorf("%q: requestHeader(%s) = %q, Get %q", raw, k, got, want)
			}
		}
	}
}

// TestStrictDecoder: field names are case-sensitive and keys unique, also
// where encoding/json would take them; a CDS request needs its context.
func TestStrictDecoder(t *testing.T) {
	f := newFixture(t, nil)
	ctx := `"context":{"userId":"u","patientId":"p","encounterId":"e","extension":{"org.medcode.note-text":"diabetes"}}`
	tests := []struct{ name, path, body, detail string }{
		{"case", "/v1/suggest", `{"TEXT":"diabetes"}`, "case-sensitive"},
		{"case mixed", "/v1/suggest", `{"text":"diabetes","MaxResults":2}`, "case-sensitive"},
		{"duplicate", "/v1/suggest", `{"text":"PANIC","text":"diabetes"}`, "duplicate key"},
		{"batch case", "/v1/suggest/batch", `{"notes":[{"Text":"diabetes"}]}`, "notes[0].Text"},
		{"batch duplicate", "/v1/suggest/batch", `{"notes":[{"text":"a","id":"1","id":"2"}]}`, "notes[0].id"},
		{"feedback case", "/v1/feedback", `{"requestId":"r","system":"icd10cm","Code":"E11.9","action":"added"}`, "case-sensitive"},
		{"cds case", "/cds-services/medcode-coding", `{"hook":"encounter-discharge","HookInstance":"x","hookInstance":"y",` + ctx + `}`, "case-sensitive"},
		{"cds duplicate", "/cds-services/medcode-coding", `{"hook":"encounter-discharge","hookInstance":"y","hookInstance":"z",` + ctx + `}`, "duplicate"},
		{"cds duplicate in prefetch", "/cds-services/medcode-coding", cdsRequestBody(`{"resourceType":"Patient","resourceType":"DocumentReference"}`, ""), "duplicate"},
		{"cds no context", "/cds-services/medcode-coding", `{"hook":"encounter-discharge","hookInstance":"y","extension":{"org.medcode.note-text":"diabetes"}}`, "context"},
		{"cds null context", "/cds-services/medcode-coding", `{"hook":"encounter-discharge","hookInstance":"y","context":null,"extension":{"org.medcode.note-text":"diabetes"}}`, "context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, f.do(t, "POST", tt.path, tt.body), 400, tt.detail)
		})
	}
	// Unknown fields stay allowed where CDS Hooks allows them.
	if w := f.do(t, "POST", "/cds-services/medcode-coding", `{"hook":"encounter-discharge","hookInstance":"y","fhirAuthorization":null,`+ctx+`}`); w.Code != 200 {
		t.Errorf("CDS request with an extra field: %d %s", w.Code, w.Body)
	}
}

// TestRequireJSONAgrees holds requireJSON, which accepts the plain
// "application/json" without parsing it, to the rule on the parsed media
// type: JSON or an application/*+json type, of any case and parameters.
func TestRequireJSONAgrees(t *testing.T) {
	for _, ct := range []string{"", "application/json", "Application/JSON", "application/json ", " application/json",
		"application/json;charset=utf-8", "application/json; charset=utf-8", "application/jsonx", "application/json;",
		"application/json; charset", "application/problem+json", "application/+json", "text/json", "text/plain",
		"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application", "application/json\x00"} {
		mt, _, err := mime.ParseMediaType(ct)
		want := err == nil && (mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("POST", "/v1/suggest", strings.NewReader("{}"))
		c.Request.Header["Content-Type"] = []string{ct}
		requireJSON(c)
		if got := !c.IsAborted(); got != want {
			t.Errorf("Content-Type %q: accepted %v, want %v", ct, got, want)
		}
	}
}
