package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var static embed.FS

// securityHeaders are set on every response: the page runs only its own
// script and style, talks only to its own origin and cannot be framed.
var securityHeaders = [...][2]string{
	{"Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"X-Frame-Options", "DENY"},
}

// Handler serves the workbench page at "/" (index.html) and its assets
// (app.js, app.css). Mount it at the root of the server's mux.
func Handler() http.Handler {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		// fs.Sub fails only for an invalid path literal, which is fixed at
		// compile time; keep serving 404s rather than panicking.
		return http.NotFoundHandler()
	}
	return &handler{files: http.FileServerFS(sub), fsys: sub}
}

type handler struct {
	files http.Handler
	fsys  fs.FS
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, kv := range securityHeaders {
		w.Header().Set(kv[0], kv[1])
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || name == "index.html" {
		name = "index.html"
	}
	if st, err := fs.Stat(h.fsys, name); err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	// The assets change with the binary: revalidate each time (cheap: the
	// file server answers If-Modified-Since / Range itself).
	w.Header().Set("Cache-Control", "no-cache")
	if name == "index.html" {
		// http.FileServer redirects /index.html to /; serve it directly.
		http.ServeFileFS(w, r, h.fsys, name)
		return
	}
	h.files.ServeHTTP(w, r)
}
