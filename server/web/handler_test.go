package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		status       int
		ctype        string // prefix
		contains     string
	}{
		{"GET", "/", 200, "text/html", `data-testid="suggest"`},
		{"HEAD", "/", 200, "text/html", ""},
		{"GET", "/app.js", 200, "text/javascript", "/v1/suggest"},
		{"GET", "/app.css", 200, "text/css", ".panes"},
		{"GET", "/index.html", 301, "", ""}, // the file server's canonical redirect to /
		{"GET", "/nope.js", 404, "", ""},
		{"GET", "/static/app.js", 404, "", ""},
		{"GET", "/../handler.go", 404, "", ""},
		{"GET", "/%2e%2e/handler.go", 404, "", ""},
		{"POST", "/", 405, "", ""},
		{"DELETE", "/app.js", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "http://x"+tt.path, nil)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d", w.Code, tt.status)
			}
			if got := w.Header().Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") {
				t.Errorf("Content-Security-Policy = %q", got)
			}
			if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			if tt.ctype != "" && !strings.HasPrefix(w.Header().Get("Content-Type"), tt.ctype) {
				t.Errorf("Content-Type = %q, want %s…", w.Header().Get("Content-Type"), tt.ctype)
			}
			if tt.contains != "" && !strings.Contains(w.Body.String(), tt.contains) {
				t.Errorf("body lacks %q", tt.contains)
			}
			if tt.status == 405 && w.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", w.Header().Get("Allow"))
			}
		})
	}
}

// TestSelfContained checks the page loads nothing from the internet: no
// absolute URL in any asset, and every local reference in index.html exists.
func TestSelfContained(t *testing.T) {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		t.Fatal(err)
	}
	abs := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		for _, m := range abs.FindAllString(string(b), -1) {
			t.Errorf("%s references %q", p, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"#]+)"`).FindAllStringSubmatch(string(index), -1)
	if len(refs) < 2 {
		t.Fatalf("index.html references %d assets, want app.js and app.css", len(refs))
	}
	for _, m := range refs {
		if strings.HasPrefix(m[1], "data:") {
			continue
		}
		if _, err := fs.Stat(sub, m[1]); err != nil {
			t.Errorf("index.html references %s: %v", m[1], err)
		}
	}
}

// TestAccessibleMarkup checks the static markup's accessibility basics:
// every form control has a label, results are announced, and the language
// is set.
func TestAccessibleMarkup(t *testing.T) {
	b, err := static.ReadFile("static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{`<html lang="en">`, `aria-live="polite"`, `role="alert"`, `<label for="note"`, `<label for="add-q"`, `<label for="apikey"`} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	ids := regexp.MustCompile(`<(?:input|textarea|select)[^>]*\bid="([^"]+)"`).FindAllStringSubmatch(html, -1)
	for _, m := range ids {
		id := m[1]
		labelled := strings.Contains(html, `for="`+id+`"`) ||
			regexp.MustCompile(`<label[^>]*>[^<]*<(?:input|select)[^>]*id="`+regexp.QuoteMeta(id)+`"`).MatchString(html) ||
			regexp.MustCompile(`id="`+regexp.QuoteMeta(id)+`"[^>]*aria-label=`).MatchString(html) ||
			regexp.MustCompile(`aria-label="[^"]*"[^>]*id="`+regexp.QuoteMeta(id)+`"`).MatchString(html)
		if !labelled {
			t.Errorf("control #%s has no label", id)
		}
	}
}

// FuzzServePath: no path makes the handler panic or answer a 5xx, and no
// path escapes the embedded folder.
func FuzzServePath(f *testing.F) {
	for _, p := range []string{"/", "/app.js", "/app.css", "/index.html", "/../doc.go", "/static/app.js", "//x", "/%00", "/a/../app.js"} {
		f.Add(p)
	}
	h := Handler()
	f.Fuzz(func(t *testing.T, p string) {
		r := httptest.NewRequest("GET", "http://x/", nil)
		r.URL.Path = "/" + strings.TrimLeft(p, "/")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%q: status %d", p, w.Code)
		}
		body, _ := io.ReadAll(w.Result().Body)
		if strings.Contains(string(body), "package web") {
			t.Fatalf("%q served Go source", p)
		}
		if w.Code == http.StatusOK && w.Header().Get("Content-Security-Policy") == "" {
			t.Fatalf("%q: no CSP", p)
		}
	})
}
