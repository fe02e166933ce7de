package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"medcode/corpus"
	"medcode/feedback"
	"medcode/suggest"
)

// fakeEngine answers every note with suggestions for the words it finds:
// "diabetes" → E11.9, "hypertension" → I10, "office visit" → 99213. Notes
// containing "PANIC" panic, "SLOW" wait for the deadline, unless plain.
// Like the real engine it refuses what suggest.CheckNote refuses.
type fakeEngine struct {
	mu    sync.Mutex
	last  suggest.Request
	set   *corpus.Set
	plain bool // no PANIC or SLOW triggers (fuzzing: JSON escapes can spell them)
}

func (f *fakeEngine) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	f.mu.Lock()
	f.last = req
	f.mu.Unlock()
	// The real engine's request checks.
	if err := suggest.CheckNote(req.Text); err != nil {
		return nil, err
	}
	switch {
	case f.plain:
	case strings.Contains(req.Text, "PANIC"):
		panic("fake engine panic")
	case strings.Contains(req.Text, "SLOW"):
		<-ctx.Done()
		return nil, ctx.Err()
	}
	res := &suggest.Result{CodeSets: map[string]suggest.CodeSet{"ICD-10-CM": {Release: "FY2026"}}}
	add := func(sys corpus.System, code, display, word, matched string) {
		i := strings.Index(req.Text, word)
		if i < 0 {
			return
		}
		res.Suggestions = append(res.Suggestions, suggest.Suggestion{
			System: string(sys), SystemURI: sys.URI(), Code: code, Display: display,
			Confidence: 0.9, Score: 3, Billable: true,
			Evidence:    []suggest.Evidence{{Start: i, End: i + len(word), Text: word, Matched: matched, MatchedKind: "title"}},
			Explanation: suggest.Explanation{Value: 3, Message: "matched " + matched},
		})
	}
	add(corpus.ICD10CM, "E11.9", "Type 2 diabetes mellitus without complications", "diabetes", "Type 2 diabetes mellitus")
	add(corpus.ICD10CM, "I10", "Essential (primary) hypertension", "hypertension", "Hypertension")
	add(corpus.CPT, "99213", "Office visit, established patient, low", "office visit", "office visit")
	if i := strings.Index(req.Text, "no fever"); i >= 0 {
		res.Rejected = append(res.Rejected, suggest.Rejection{System: "ICD-10-CM", Code: "R50.9", Display: "Fever, unspecified", Rule: "negated", Reason: "the note denies fever"})
	}
	return res, nil
}

func (f *fakeEngine) SearchCodes(ctx context.Context, q string, systems []corpus.System, limit int) ([]suggest.CodeMatch, error) {
	var out []suggest.CodeMatch
	for _, sys := range f.set.Systems() {
		if len(systems) > 0 && systems[0] != sys {
			continue
		}
		for _, c := range f.set.Codes(sys) {
			if strings.Contains(strings.ToLower(c.Display), strings.ToLower(q)) && len(out) < limit {
				out = append(out, suggest.CodeMatch{System: string(sys), Code: c.Code, Display: c.Display, Score: 1, Matched: c.Display})
			}
		}
	}
	return out, nil
}

func (f *fakeEngine) lastRequest() suggest.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

// testSet is a hand-written code set.
func testSet() *corpus.Set {
	codes := []*corpus.Code{
		{System: corpus.ICD10CM, Code: "E11", Display: "Type 2 diabetes mellitus", Children: []string{"E11.9"}, Chapter: "4"},
		{System: corpus.ICD10CM, Code: "E11.9", Display: "Type 2 diabetes mellitus without complications", Billable: true, Parent: "E11", Chapter: "4",
			Names: []corpus.Name{{Text: "Type 2 diabetes mellitus without complications", Kind: corpus.NameTitle}, {Text: "Diabetes, type 2", Kind: corpus.NameIndex}},
			Notes: corpus.Notes{Excludes1: []string{"type 1 diabetes mellitus (E10.-)"}}},
		{System: corpus.ICD10CM, Code: "I10", Display: "Essential (primary) hypertension", Billable: true},
		{System: corpus.ICD10CM, Code: "S52.5", Display: "Fracture of lower end of radius", SevenChr: []corpus.Extension{{Char: "A", Text: "initial encounter for closed fracture"}}},
		{System: corpus.CPT, Code: "99213", Display: "Office visit, established patient, low", Billable: true},
		{System: corpus.HCPCS, Code: "J1100", Display: "Injection, dexamethasone sodium phosphate, 1 mg", Billable: true, Added: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	return corpus.NewSet(codes, []corpus.Release{{System: corpus.ICD10CM, Name: "FY2026"}})
}

type fixture struct {
	srv    *Server
	h      http.Handler
	engine *fakeEngine
	store  feedback.Store
}

func newFixture(t testing.TB, mod func(*Options)) *fixture {
	t.Helper()
	store, err := feedback.Open(context.Background(), filepath.Join(t.TempDir(), "feedback.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	set := testSet()
	eng := &fakeEngine{set: set}
	opts := Options{Engine: eng, Set: set, Store: store, RequestTimeout: 2 * time.Second}
	if mod != nil {
		mod(&opts)
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.SetReady(true)
	return &fixture{srv: srv, h: srv.Handler(), engine: eng, store: store}
}

// do sends one request; body may be a string, []byte or a value to encode.
func (f *fixture) do(t testing.TB, method, path string, body any, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r *bytes.Reader
	switch b := body.(type) {
	case nil:
		r = bytes.NewReader(nil)
	case string:
		r = bytes.NewReader([]byte(b))
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, req)
	return w
}

func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %T from %q: %v", v, w.Body.String(), err)
	}
	return v
}

// wantProblem checks a problem+json answer with the status and a detail
// containing want.
func wantProblem(t testing.TB, w *httptest.ResponseRecorder, status int, want string) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d; body %s", w.Code, status, w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	p := decode[Problem](t, w)
	if p.Status != status || p.Title == "" || p.Type == "" || !strings.Contains(p.Detail, want) {
		t.Errorf("problem = %+v, want status %d and detail containing %q", p, status, want)
	}
}
