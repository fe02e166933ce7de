package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"medcode/server/web"
	"medcode/suggest"
)

// fakeNote is a realistic note with non-ASCII characters (—, °, é, ö)
// before most evidence spans, so byte and character offsets differ.
const fakeNote = "CHIEF COMPLAINT: Chest pain — 2 days.\n\n" +
	"HISTORY OF PRESENT ILLNESS: 67-year-old man (Mr. Müller) with type 2 diabetes mellitus and essential " +
	"hypertension presents with substernal chest pain. Denies shortness of breath. Temp 37.8 °C. " +
	"Café-au-lait spot on the left arm.\n\n" +
	"PAST MEDICAL HISTORY: History of pneumonia (2019).\n" +
	"FAMILY HISTORY: Mother had breast cancer.\n\n" +
	"ASSESSMENT AND PLAN:\n" +
	"1. Type 2 diabetes mellitus without complications — continue metformin.\n" +
	"2. Essential hypertension.\n" +
	"3. Chest pain, unspecified — ECG today.\n"

// span returns the evidence for the n-th (0-based) occurrence of s in note.
func span(t *testing.T, note, s string, n int, matched, kind string, assertions ...string) suggest.Evidence {
	t.Helper()
	at := 0
	for i := 0; ; i++ {
		j := strings.Index(note[at:], s)
		if j < 0 {
			t.Fatalf("fixture: %q occurrence %d not in note", s, n)
		}
		if i == n {
			start := at + j
			ev := suggest.Evidence{Start: start, End: start + len(s), Text: s, Matched: matched, MatchedKind: kind, Assertions: assertions, Assertion: "present"}
			if len(assertions) > 0 {
				ev.Assertion = assertions[0]
			}
			return ev
		}
		at += j + len(s)
	}
}

// withTrigger sets the words that put an evidence span under its assertion.
func withTrigger(e suggest.Evidence, trigger string) suggest.Evidence {
	e.Trigger = trigger
	return e
}

// fakeEngine is a suggest.Suggester returning a fixed, realistic result for
// fakeNote: overlapping evidence, a rejection nested inside a suggestion's
// evidence, edits, explanations and alternatives.
type fakeEngine struct{ res *suggest.Result }

func (f fakeEngine) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	if req.Text != fakeNote {
		return nil, fmt.Errorf("fake: unexpected note of %d bytes", len(req.Text))
	}
	return f.res, nil
}

func newFakeEngine(t *testing.T) fakeEngine {
	n := fakeNote
	why := func(v float64, msg string) suggest.Explanation {
		return suggest.Explanation{Value: v, Message: msg, Children: []suggest.Explanation{
			{Value: v * 0.7, Message: "tf-idf match of the matched name"},
			{Value: v * 0.3, Message: "section weight (assessment)"},
		}}
	}
	return fakeEngine{res: &suggest.Result{
		Suggestions: []suggest.Suggestion{
			{System: "ICD-10-CM", SystemURI: "http://hl7.org/fhir/sid/icd-10-cm", Code: "E11.9", Display: "Type 2 diabetes mellitus without complications",
				Confidence: 0.93, Score: 11.2, Billable: true,
				Evidence: []suggest.Evidence{
					span(t, n, "type 2 diabetes mellitus", 0, "Diabetes, type 2", "index"),
					span(t, n, "Type 2 diabetes mellitus without complications", 0, "Type 2 diabetes mellitus without complications", "title"),
				},
				Explanation:  why(11.2, "matched title “Type 2 diabetes mellitus without complications”"),
				Alternatives: []suggest.Alternative{{Code: "E11.8", Display: "Type 2 diabetes mellitus with unspecified complications", Score: 6.1}}},
			{System: "ICD-10-CM", SystemURI: "http://hl7.org/fhir/sid/icd-10-cm", Code: "I10", Display: "Essential (primary) hypertension",
				Confidence: 0.88, Score: 9.4, Billable: true,
				Evidence: []suggest.Evidence{
					span(t, n, "essential hypertension", 0, "Hypertension, essential", "index"),
					span(t, n, "Essential hypertension", 0, "Essential (primary) hypertension", "title"),
				},
				Explanation: why(9.4, "matched index term “Hypertension, essential”")},
			{System: "ICD-10-CM", SystemURI: "http://hl7.org/fhir/sid/icd-10-cm", Code: "R07.9", Display: "Chest pain, unspecified",
				Confidence: 0.61, Score: 7.0, Billable: true,
				Evidence: []suggest.Evidence{
					span(t, n, "Chest pain", 0, "Chest pain", "title"),
					span(t, n, "chest pain", 0, "Pain, chest", "index"),
					span(t, n, "Chest pain, unspecified", 0, "Chest pain, unspecified", "title"),
				},
				Edits:       []suggest.Edit{{Kind: "specificity", Message: "more specific codes exist: substernal chest pain may be R07.89"}},
				Explanation: why(7.0, "matched title “Chest pain, unspecified”"),
				Alternatives: []suggest.Alternative{
					{Code: "R07.89", Display: "Other chest pain", Score: 6.4},
					{Code: "R07.2", Display: "Precordial pain", Score: 3.1},
				}},
			{System: "ICD-10-CM", SystemURI: "http://hl7.org/fhir/sid/icd-10-cm", Code: "Z87.01", Display: "Personal history of pneumonia (recurrent)",
				Confidence: 0.57, Score: 5.2, Billable: true,
				Evidence:    []suggest.Evidence{span(t, n, "History of pneumonia", 0, "History, personal, pneumonia", "index", "historical")},
				Assertions:  []string{"historical"},
				Explanation: why(5.2, "historical mention: personal history code")},
			{System: "ICD-10-CM", SystemURI: "http://hl7.org/fhir/sid/icd-10-cm", Code: "Z80.3", Display: "Family history of malignant neoplasm of breast",
				Confidence: 0.52, Score: 4.8, Billable: true,
				Evidence:    []suggest.Evidence{span(t, n, "Mother had breast cancer", 0, "History, family, malignant neoplasm, breast", "index", "family")},
				Assertions:  []string{"family"},
				Explanation: why(4.8, "family mention: family history code")},
			{System: "CPT", SystemURI: "http://www.ama-assn.org/go/cpt", Code: "93000", Display: "Electrocardiogram, routine ECG with at least 12 leads; with interpretation and report",
				Confidence: 0.44, Score: 3.9, Billable: true,
				Evidence:    []suggest.Evidence{span(t, n, "ECG", 0, "ECG", "synonym")},
				Edits:       []suggest.Edit{{Kind: "documentation", Message: "interpretation and report not documented"}},
				Explanation: why(3.9, "matched synonym “ECG”")},
		},
		Rejected: []suggest.Rejection{
			{System: "ICD-10-CM", Code: "R06.02", Display: "Shortness of breath", Rule: "negated",
				Reason:   "the note denies it (“Denies”)",
				Evidence: []suggest.Evidence{withTrigger(span(t, n, "shortness of breath", 0, "Shortness of breath", "title", "negated"), "Denies")}},
			{System: "ICD-10-CM", Code: "C50.919", Display: "Malignant neoplasm of unspecified site of unspecified female breast", Rule: "family",
				Reason:   "a family member's condition, not the patient's",
				Evidence: []suggest.Evidence{span(t, n, "breast cancer", 0, "Cancer, breast", "index", "family")}},
		},
		CodeSets: map[string]suggest.CodeSet{"ICD-10-CM": {Release: "FY2026"}, "CPT": {Release: "starter"}},
	}}
}

// fakeAPI serves the page and the three endpoints it uses, with the
// server's JSON shapes, recording feedback.
type fakeAPI struct {
	engine fakeEngine
	mu     sync.Mutex
	events []map[string]string
}

func (f *fakeAPI) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", web.Handler())
	mux.HandleFunc("POST /v1/suggest", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Text    string   `json:"text"`
			Systems []string `json:"systems"`
			Setting string   `json:"setting"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		res, err := f.engine.Suggest(r.Context(), suggest.Request{Text: req.Text, Setting: suggest.Setting(req.Setting)})
		if err != nil {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": "Bad request", "status": 400, "detail": err.Error()})
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-fake-1")
		json.NewEncoder(w).Encode(struct {
			RequestID string `json:"requestId"`
			*suggest.Result
		}{"req-fake-1", res})
	})
	mux.HandleFunc("GET /v1/codes/search", func(w http.ResponseWriter, r *http.Request) {
		q := strings.ToLower(r.URL.Query().Get("q"))
		all := []suggest.CodeMatch{
			{System: "ICD-10-CM", Code: "R07.89", Display: "Other chest pain", Score: 3.2, Matched: "Pain, chest, substernal"},
			{System: "ICD-10-CM", Code: "R07.9", Display: "Chest pain, unspecified", Score: 3.0},
			{System: "ICD-10-CM", Code: "E78.5", Display: "Hyperlipidemia, unspecified", Score: 2.5},
		}
		out := []suggest.CodeMatch{}
		for _, m := range all {
			if strings.Contains(strings.ToLower(m.Display+" "+m.Matched), q) {
				out = append(out, m)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	})
	mux.HandleFunc("POST /v1/feedback", func(w http.ResponseWriter, r *http.Request) {
		var ev map[string]string
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		f.mu.Lock()
		f.events = append(f.events, ev)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(ev)
	})
	return mux
}

// TestPageWithFakeEngine is a unit test of the page alone, against a fake
// API returning a fixed result: non-ASCII offsets, overlapping and nested
// spans, the highlight popover, keyboard shortcuts, replace by alternative,
// add by search, the final list and copy. The end-to-end test with the real
// server and engine is TestEndToEnd.
func TestPageWithFakeEngine(t *testing.T) {
	api := &fakeAPI{engine: newFakeEngine(t)}
	ts := httptest.NewServer(api.handler())
	defer ts.Close()
	b := newBrowser(t)

	b.do(t, "load page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=note]`)))
	b.do(t, "paste note and press Ctrl+Enter",
		chromedp.SetValue(chromedp.CSS(`[data-testid=note]`), fakeNote),
		chromedp.Focus(chromedp.CSS(`[data-testid=note]`)),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	)
	b.waitFor(t, "suggestions", `document.querySelectorAll('[data-testid=suggestion]').length === 6`)

	res := api.engine.res
	hs := checkHighlights(t, b, fakeNote, res)
	var rejectedOnly int
	for _, h := range hs {
		if h.Kind == "rejected" {
			rejectedOnly++
			if !containsField(h.Codes, "ICD-10-CM|R06.02") {
				t.Errorf("rejected-only highlight %q has codes %q", h.Text, h.Codes)
			}
		}
		if h.Text == "breast cancer" && (!containsField(h.Codes, "ICD-10-CM|Z80.3") || !containsField(h.Codes, "ICD-10-CM|C50.919")) {
			t.Errorf("nested highlight %q has codes %q, want Z80.3 and C50.919", h.Text, h.Codes)
		}
	}
	if rejectedOnly != 1 {
		t.Errorf("%d rejected-only highlights, want 1 (shortness of breath)", rejectedOnly)
	}
	var reqID, status string
	b.eval(t, `document.querySelector('[data-testid=request-id]').dataset.requestId`, &reqID)
	b.eval(t, `document.querySelector('[data-testid=status]').textContent`, &status)
	if reqID != "req-fake-1" {
		t.Errorf("request id %q", reqID)
	}
	if !strings.Contains(status, "6 suggestions (5 ICD-10-CM, 1 CPT)") || !strings.Contains(status, "2 rejected") {
		t.Errorf("status %q", status)
	}
	if strings.Contains(status, "did not match") {
		t.Errorf("page reports mismatched evidence: %q", status)
	}

	// Clicking a highlight lists its codes, rejected ones included.
	b.do(t, "click nested highlight", chromedp.Click(chromedp.CSS(`mark[data-codes~="ICD-10-CM|C50.919"]`)))
	b.waitFor(t, "popover", `!document.querySelector('[data-testid=popover]').hidden`)
	var pop string
	b.eval(t, `document.querySelector('[data-testid=popover]').textContent`, &pop)
	if !strings.Contains(pop, "Z80.3") || !strings.Contains(pop, "C50.919") || !strings.Contains(pop, "family member") {
		t.Errorf("popover %q lacks Z80.3, C50.919 and the reason", pop)
	}
	// Choosing a code in the popover selects its card and marks its evidence.
	b.do(t, "pick Z80.3 in popover", chromedp.Click(chromedp.CSS(`[data-testid=popover-code]`)))
	b.waitFor(t, "Z80.3 selected", `document.querySelector('.card.current').dataset.code === 'Z80.3' && document.querySelectorAll('mark.sel').length > 0`)

	// Keyboard: back to the first card, a accepts (focus moves to the next
	// pending), r rejects it.
	b.do(t, "focus first card", chromedp.Focus(chromedp.CSS(cardSel(0))))
	b.do(t, "press a", chromedp.KeyEvent("a"))
	b.waitFor(t, "first accepted", stateIs(0, "accepted"))
	b.waitFor(t, "second current", `document.activeElement === document.querySelector('`+cardSel(1)+`')`)
	b.do(t, "press r", chromedp.KeyEvent("r"))
	b.waitFor(t, "second rejected", stateIs(1, "rejected"))
	// Rejecting moved focus to the third card; n moves on, k moves back.
	b.do(t, "press n k", chromedp.KeyEvent("nk"))
	b.waitFor(t, "third current", `document.querySelector('.card.current') === document.querySelector('`+cardSel(2)+`')`)

	// Replace R07.9 by its alternative R07.89.
	b.do(t, "click alternative", chromedp.Click(chromedp.CSS(cardSel(2)+` [data-testid=alternative]`)))
	b.waitFor(t, "third replaced", stateIs(2, "replaced"))

	// Add a missing code through the autocomplete.
	b.do(t, "search a code", chromedp.Focus(chromedp.CSS(`[data-testid=add-input]`)), chromedp.KeyEvent("hyperlip"))
	b.waitFor(t, "options", `document.querySelectorAll('#add-list [data-testid=option]').length === 1`)
	b.do(t, "pick option", chromedp.KeyEvent("\r"))
	b.waitFor(t, "final list", `document.querySelectorAll('[data-testid=final-code]').length === 3`)

	var final []string
	b.eval(t, `Array.from(document.querySelectorAll('[data-testid=final-code]')).map(function(x){return x.dataset.code})`, &final)
	if got, want := strings.Join(final, ","), "E11.9,R07.89,E78.5"; got != want {
		t.Errorf("final codes %s, want %s", got, want)
	}
	b.do(t, "copy", chromedp.Click(chromedp.CSS(`[data-testid=copy]`)))
	b.waitFor(t, "copied", `document.querySelector('[data-testid=status]').textContent.indexOf('Copied 3 codes') === 0`)

	api.mu.Lock()
	var got []string
	for _, e := range api.events {
		if e["requestId"] != "req-fake-1" {
			t.Errorf("feedback for request %q", e["requestId"])
		}
		got = append(got, e["action"]+" "+e["system"]+" "+e["code"])
	}
	api.mu.Unlock()
	want := []string{
		"accepted ICD-10-CM E11.9",
		"rejected ICD-10-CM I10",
		"rejected ICD-10-CM R07.9",
		"added ICD-10-CM R07.89",
		"added ICD-10-CM E78.5",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("feedback events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	b.do(t, "select first", chromedp.Click(chromedp.CSS(cardSel(0)+` .display`)))
	b.screenshot(t, "workbench-fake")
	b.checkContrast(t)
	b.checkLayout(t)

	// Loading a file puts its text in the editor, ready for a new Suggest.
	file := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(file, []byte("Loaded note: fièvre.\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(t, "load file", chromedp.SetUploadFiles(chromedp.CSS(`[data-testid=file]`), []string{file}))
	b.waitFor(t, "file in editor", `!document.querySelector('[data-testid=note]').hidden && document.querySelector('[data-testid=note]').value.indexOf('Loaded note: fièvre.') === 0`)

	// The contrast check itself must catch low contrast.
	var bad []string
	b.eval(t, `(function(){var p=document.createElement('p');p.id='probe';p.textContent='low contrast probe';p.style.color='#bbbbbb';document.querySelector('.final').appendChild(p);return true})()`, new(bool))
	b.eval(t, contrastJS, &bad)
	if len(bad) != 1 || !strings.Contains(bad[0], "low contrast probe") {
		t.Errorf("contrast check on a #bbb probe found %q, want the probe only", bad)
	}
	b.checkConsole(t)
}
