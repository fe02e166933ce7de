package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"medcode/suggest"
)

// Viewport is the laptop screen the workbench must be usable on.
const (
	viewportW = 1366
	viewportH = 768
)

// chromiumPath returns the browser to drive: $MEDCODE_CHROMIUM, else
// /usr/bin/chromium. Without one the test fails when $CI is set (CI
// installs chromium) and skips otherwise.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("MEDCODE_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		msg := fmt.Sprintf("web: no chromium at %s (set MEDCODE_CHROMIUM or apt-get install -y chromium): %v", p, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// browser is one headless Chromium tab with its console collected.
type browser struct {
	ctx context.Context

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// newBrowser starts headless Chromium with a fresh profile; it is closed
// when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(viewportW, viewportH),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); acancel() })
	// Start the browser with no deadline (a deadline on the first Run
	// would close the browser), then bound the test's steps.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewportW, viewportH)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	b := &browser{ctx: ctx}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m)
			b.mu.Unlock()
		}
	}()
	tctx, tcancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(tcancel)
	b.ctx = tctx
	return b
}

// do runs steps, failing the test with what it was doing.
func (b *browser) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatalf("%s: %v%s", what, err, b.consoleDump())
	}
}

// eval evaluates a JavaScript expression and decodes its JSON value into v.
func (b *browser) eval(t *testing.T, expr string, v any) {
	t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v%s", expr, err, b.consoleDump())
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("evaluate %s: decode %s: %v", expr, raw, err)
	}
}

// waitFor polls the expression until it is true.
func (b *browser) waitFor(t *testing.T, what, expr string) {
	t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("wait for %s (%s): %v%s", what, expr, err, b.consoleDump())
	}
}

func (b *browser) consoleDump() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.console) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("\nbrowser console:")
	for _, m := range b.console {
		sb.WriteString("\n  " + m.String())
	}
	return sb.String()
}

// checkConsole fails on any page error: an exception, a console.error or a
// browser-log error (a CSP violation, a failed asset).
func (b *browser) checkConsole(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		if m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleError {
			t.Errorf("browser console: %s (%s:%d)", m, m.URL, m.Line)
		}
	}
}

// screenshot saves the viewport as name.png in a temporary folder and in
// $MEDCODE_SCREENSHOT_DIR when set.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("MEDCODE_SCREENSHOT_DIR"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatalf("screenshot dir: %v", err)
		}
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name+".png")
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		t.Logf("screenshot: %s", p)
	}
}

// highlight is one <mark> of the note view as the page rendered it.
type highlight struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Codes string `json:"codes"`
	Kind  string `json:"kind"`
}

const highlightsJS = `Array.from(document.querySelectorAll('[data-testid=highlight]')).map(function (m) {
  return {start: +m.dataset.start, end: +m.dataset.end, text: m.textContent, codes: m.dataset.codes, kind: m.dataset.kind};
})`

// checkHighlights verifies the note view against the API result: the view
// shows the note unchanged; each highlight's text is the note's bytes at
// its offsets; every evidence span of every suggestion, and of every
// rejection by an assertion rule, is covered contiguously and exactly by
// highlights carrying its code.
func checkHighlights(t *testing.T, b *browser, note string, res *suggest.Result) []highlight {
	t.Helper()
	var view string
	b.eval(t, `document.querySelector('[data-testid=note-view]').textContent`, &view)
	if view != note {
		t.Errorf("note view text differs from the note:\n got %q\nwant %q", view, note)
	}
	var hs []highlight
	b.eval(t, highlightsJS, &hs)
	if len(hs) == 0 {
		t.Fatal("no highlights rendered")
	}
	for _, h := range hs {
		if h.Start < 0 || h.End > len(note) || h.Start >= h.End {
			t.Errorf("highlight [%d,%d) out of the note (%d bytes)", h.Start, h.End, len(note))
			continue
		}
		if got := note[h.Start:h.End]; got != h.Text {
			t.Errorf("highlight [%d,%d) shows %q, note has %q", h.Start, h.End, h.Text, got)
		}
	}
	covered := func(kind, system, code string, e suggest.Evidence) {
		k := system + "|" + code
		at := e.Start
		for _, h := range hs {
			if h.Start == at && h.End <= e.End && containsField(h.Codes, k) {
				at = h.End
			}
		}
		if at != e.End {
			t.Errorf("%s %s evidence [%d,%d) %q: highlighted only up to %d", kind, k, e.Start, e.End, e.Text, at)
		}
		if note[e.Start:e.End] != e.Text {
			t.Errorf("%s %s evidence [%d,%d): API text %q, note has %q", kind, k, e.Start, e.End, e.Text, note[e.Start:e.End])
		}
	}
	for _, s := range res.Suggestions {
		for _, e := range s.Evidence {
			covered("suggestion", s.System, s.Code, e)
		}
	}
	for _, r := range res.Rejected {
		if !noteRules[r.Rule] {
			continue
		}
		for _, e := range r.Evidence {
			covered("rejected", r.System, r.Code, e)
		}
	}
	checkAssertions(t, b, res)
	return hs
}

// noteRules are the rejection rules whose evidence the page draws in the
// note (the note itself rules the mention out); the page's NOTE_RULES.
var noteRules = map[string]bool{"negated": true, "family": true, "historical": true, "hypothetical": true, "uncertain": true, "uncertain_outpatient": true,
	"other_person": true, "past_procedure": true, "vaccination": true, "instrument": true, "not_pregnant": true}

// checkAssertions verifies that every suggestion card shows, per evidence
// span in order, the span's assertion status and trigger from the API.
func checkAssertions(t *testing.T, b *browser, res *suggest.Result) {
	t.Helper()
	var got [][]string
	b.eval(t, `Array.from(document.querySelectorAll('#suggestions > li[data-testid=suggestion]')).map(function (c) {
  return Array.from(c.querySelectorAll('.evid [data-testid=assertion]')).map(function (x) { return x.dataset.assertion + '|' + x.title; });
})`, &got)
	if len(got) != len(res.Suggestions) {
		t.Fatalf("%d cards, %d suggestions", len(got), len(res.Suggestions))
	}
	for i, s := range res.Suggestions {
		var want []string
		for _, e := range s.Evidence {
			st := e.Assertion
			if st == "" {
				st = "present"
			}
			title := st
			if e.Trigger != "" {
				title = st + " by “" + e.Trigger + "”"
			}
			want = append(want, st+"|"+title)
		}
		if strings.Join(got[i], "\n") != strings.Join(want, "\n") {
			t.Errorf("%s evidence assertions shown %q, API %q", s.Code, got[i], want)
		}
	}
}

func containsField(s, f string) bool {
	for _, x := range strings.Fields(s) {
		if x == f {
			return true
		}
	}
	return false
}

// cardSel is the CSS selector of the i-th suggestion card (0-based).
func cardSel(i int) string {
	return fmt.Sprintf(`#suggestions > li[data-testid=suggestion]:nth-child(%d)`, i+1)
}

// stateIs is a JS expression: the i-th card has data-state st.
func stateIs(i int, st string) string {
	return fmt.Sprintf(`(function(){var c=document.querySelector(%q);return !!c && c.getAttribute('data-state')===%q;})()`, cardSel(i), st)
}

// contrastJS lists visible text whose contrast against its effective
// background is below WCAG AA (4.5:1, or 3:1 for large text). Disabled
// controls are exempt, as WCAG allows.
const contrastJS = `(function () {
  function rgba(s) { var m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null; var p = m[1].split(',').map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; }
  function lum(c) { function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); } return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
  function blend(top, bottom) { var a = top.a; return {r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1}; }
  function bg(el) {
    var layers = [];
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      var c = rgba(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    var out = {r: 255, g: 255, b: 255, a: 1};
    for (var i = layers.length - 1; i >= 0; i--) out = blend(layers[i], out);
    return out;
  }
  var bad = [];
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.textContent.trim()) continue;
    var el = t.parentElement;
    if (!el || el.closest('[hidden], .visually-hidden, textarea.clip, :disabled, details:not([open]) > :not(summary)')) continue;
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    var st = getComputedStyle(el);
    if (st.visibility === 'hidden' || parseFloat(st.opacity) === 0) continue;
    var fg = rgba(st.color), b = bg(el);
    if (fg.a < 1) fg = blend(fg, b);
    var l1 = lum(fg), l2 = lum(b);
    var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    var size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
    var need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) bad.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + t.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
  }
  return bad;
})()`

// checkContrast fails on visible text below WCAG AA contrast.
func (b *browser) checkContrast(t *testing.T) {
	t.Helper()
	var bad []string
	b.eval(t, contrastJS, &bad)
	for _, x := range bad {
		t.Errorf("contrast below WCAG AA: %s", x)
	}
}

// checkLayout fails unless the page fits the viewport without page
// scrolling and shows the note and the suggestions side by side.
func (b *browser) checkLayout(t *testing.T) {
	t.Helper()
	var l struct {
		ScrollW, ScrollH, W, H int
		NoteRight, ResultsLeft float64
		NoteBottom, ResultsTop float64
		HeaderBottom, HelpTop  float64
	}
	b.eval(t, `(function(){
  var d = document.scrollingElement, n = document.querySelector('.note-pane').getBoundingClientRect(),
      r = document.querySelector('.results-pane').getBoundingClientRect();
  return {ScrollW: d.scrollWidth, ScrollH: d.scrollHeight, W: innerWidth, H: innerHeight,
    NoteRight: n.right, ResultsLeft: r.left, NoteBottom: n.bottom, ResultsTop: r.top,
    HeaderBottom: document.querySelector('header').getBoundingClientRect().bottom,
    HelpTop: document.querySelector('footer').getBoundingClientRect().top};
})()`, &l)
	if l.ScrollW > l.W || l.ScrollH > l.H {
		t.Errorf("page scrolls: content %dx%d in a %dx%d viewport", l.ScrollW, l.ScrollH, l.W, l.H)
	}
	if l.NoteRight > l.ResultsLeft || l.ResultsTop >= l.NoteBottom {
		t.Errorf("note and suggestions are not side by side: %+v", l)
	}
	if l.HeaderBottom > 80 || l.HelpTop > float64(l.H) || l.HelpTop < float64(l.H)-60 {
		t.Errorf("header or help line misplaced: %+v", l)
	}
}
