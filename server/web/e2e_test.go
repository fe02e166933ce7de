package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"medcode/feedback"
	"medcode/internal/testenv"
	"medcode/server"
	"medcode/suggest"
)

// e2eNote is an outpatient note with conditions, a negated finding, a
// family history and a procedure.
const e2eNote = `CHIEF COMPLAINT: Chest pain and cough for 3 days.

HISTORY OF PRESENT ILLNESS: 58-year-old woman with type 2 diabetes mellitus and essential hypertension presents with substernal chest pain and a productive cough. She denies fever. No shortness of breath. Her mother had breast cancer.

PAST MEDICAL HISTORY: Hyperlipidemia. History of pneumonia.

MEDICATIONS: Metformin 500 mg twice daily, lisinopril 10 mg daily.

ASSESSMENT AND PLAN:
1. Acute bronchitis — start supportive care.
2. Chest pain, unspecified — ECG performed in clinic.
3. Type 2 diabetes mellitus without complications — continue metformin.
4. Essential hypertension — continue lisinopril.
`

// TestEndToEnd drives the workbench in headless Chromium against the real
// server, the real engine and a SQLite feedback store: paste a note,
// Suggest, check every highlight against the API's byte offsets, accept one
// code, reject another, and find both in the store.
func TestEndToEnd(t *testing.T) {
	b := newBrowser(t) // first: fails or skips before the slow engine load
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	engine, err := suggest.Open(ctx, suggest.OpenOptions{DataDir: testenv.DataDir(t)})
	if err != nil {
		t.Fatalf("open engine: %v", err)
	}
	store, err := feedback.Open(ctx, filepath.Join(t.TempDir(), "feedback.db"))
	if err != nil {
		t.Fatalf("open feedback store: %v", err)
	}
	defer store.Close()
	srv, err := server.New(server.Options{Engine: engine, Codes: engine, Set: engine.Set(), Store: store})
	if err != nil {
		t.Fatalf("server: %v", err)
	}
	srv.SetReady(true)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	// What the API answers for the page's request (the engine is
	// deterministic), to check the page against.
	systems := []string{"ICD-10-CM", "CPT", "HCPCS"}
	body, _ := json.Marshal(map[string]any{"text": e2eNote, "systems": systems, "setting": "outpatient"})
	resp, err := http.Post(ts.URL+"/v1/suggest", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var res suggest.Result
	err = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /v1/suggest: %s: %v", resp.Status, err)
	}
	if len(res.Suggestions) < 2 {
		t.Fatalf("the engine suggested %d codes for the note, need at least 2", len(res.Suggestions))
	}

	b.do(t, "load page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=note]`)))
	b.do(t, "paste note and click Suggest",
		chromedp.SetValue(chromedp.CSS(`[data-testid=note]`), e2eNote),
		chromedp.Click(chromedp.CSS(`[data-testid=suggest]`)),
	)
	b.waitFor(t, "suggestions", `document.querySelectorAll('[data-testid=suggestion]').length > 0 && !!document.querySelector('[data-testid=request-id]').dataset.requestId`)

	var codes []string
	b.eval(t, `Array.from(document.querySelectorAll('[data-testid=suggestion]')).map(function(c){return c.dataset.system+'|'+c.dataset.code})`, &codes)
	var want []string
	for _, s := range res.Suggestions {
		want = append(want, s.System+"|"+s.Code)
	}
	if strings.Join(codes, " ") != strings.Join(want, " ") {
		t.Errorf("page lists %v, API returned %v", codes, want)
	}
	hs := checkHighlights(t, b, e2eNote, &res)
	rules := map[string]int{}
	for _, r := range res.Rejected {
		rules[r.Rule]++
	}
	t.Logf("%d suggestions, %d highlights, rejected by rule: %v", len(res.Suggestions), len(hs), rules)
	var status string
	b.eval(t, `document.querySelector('[data-testid=status]').textContent`, &status)
	if strings.Contains(status, "did not match") {
		t.Errorf("page reports mismatched evidence: %q", status)
	}
	var reqID string
	b.eval(t, `document.querySelector('[data-testid=request-id]').dataset.requestId`, &reqID)

	b.do(t, "accept first", chromedp.Click(chromedp.CSS(cardSel(0)+` [data-testid=accept]`)))
	b.waitFor(t, "first accepted", stateIs(0, "accepted"))
	b.do(t, "reject second", chromedp.Click(chromedp.CSS(cardSel(1)+` [data-testid=reject]`)))
	b.waitFor(t, "second rejected", stateIs(1, "rejected"))
	b.do(t, "select first", chromedp.Click(chromedp.CSS(cardSel(0)+` .display`)))

	events, err := store.Events(ctx, reqID)
	if err != nil {
		t.Fatalf("feedback events: %v", err)
	}
	var got []string
	for _, e := range events {
		got = append(got, e.Action+" "+e.System+"|"+e.Code)
	}
	wantEv := []string{"accepted " + want[0], "rejected " + want[1]}
	if strings.Join(got, "\n") != strings.Join(wantEv, "\n") {
		t.Errorf("feedback store for request %s:\n%s\nwant:\n%s", reqID, strings.Join(got, "\n"), strings.Join(wantEv, "\n"))
	}
	b.screenshot(t, "workbench-e2e")
	b.checkContrast(t)
	b.checkLayout(t)
	b.checkConsole(t)
}
