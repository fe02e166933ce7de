package server

import (
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// corsHeaders are the request headers a cross-origin caller may send.
const corsHeaders = "Authorization, Content-Type, X-API-Key, X-Request-Id, Idempotency-Key"

// secure runs first on every request: response headers that keep API
// answers (which quote note text in evidence) out of caches and content
// sniffing, the loopback Host check, and the origin policy.
func (s *Server) secure(c *gin.Context) {
	h := c.Writer.Header()
	for _, f := range s.secureHeaders {
		h[f.key] = f.values
	}
	if s.loopbackHosts && !loopbackHost(c.Request.Host) {
		problem(c, http.StatusMisdirectedRequest, "host-not-allowed", "Host not allowed",
			"this server runs with --insecure-loopback and answers only Host localhost, 127.0.0.1 or [::1]")
		return
	}
	origin := requestHeader(c.Request, "Origin")
	if origin == "" {
		return // not a browser's cross-origin request
	}
	allowed := s.originAllowed(origin, c.Request)
	if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
		if !allowed {
			problem(c, http.StatusForbidden, "origin-not-allowed", "Origin not allowed", "cross-origin requests from this origin are not allowed")
			return
		}
		h.Set("Access-Control-Allow-Origin", origin)
		h.Add("Vary", "Origin")
		h.Set("Access-Control-Allow-Methods", "GET, POST")
		h.Set("Access-Control-Allow-Headers", corsHeaders)
		h.Set("Access-Control-Max-Age", "600")
		c.AbortWithStatus(http.StatusNoContent)
		return
	}
	if !allowed {
		if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
			problem(c, http.StatusForbidden, "origin-not-allowed", "Origin not allowed",
				"cross-origin requests from this origin are not allowed (see serve --allowed-origin)")
		}
		return // a GET from elsewhere gets no CORS headers: the browser hides the answer
	}
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	h.Set("Access-Control-Expose-Headers", "X-Request-Id")
}

// fixedHeader is a response header secure sets on every response, its
// values made once (newSecureHeaders).
type fixedHeader struct {
	key    string // canonical
	values []string
}

// newSecureHeaders returns the headers secure sets on every response. A
// response's header map takes the values slice itself, shared by every
// response: net/http and gin only read it or replace it, and its capacity
// is its length, so an Add on the same key copies it first. Set by key
// and value, each costs a key canonicalisation and a slice a request.
func newSecureHeaders() []fixedHeader {
	return []fixedHeader{
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Cache-Control", []string{"no-store"}},
		{"Referrer-Policy", []string{"no-referrer"}},
	}
}

// requestHeader is r.Header.Get(key) for a canonical key (as every key
// here is, TestRequestHeaderAgrees): the header map is indexed directly,
// without Get's canonicalisation of the key, a scan of its bytes.
func requestHeader(r *http.Request, key string) string {
	if v := r.Header[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// originAllowed: the page's own origin (the workbench) or one listed in
// Options.AllowedOrigins.
func (s *Server) originAllowed(origin string, r *http.Request) bool {
	for _, o := range s.origins {
		if strings.EqualFold(o, origin) {
			return true
		}
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

// loopbackHost reports whether a Host header names this machine's loopback
// interface (a DNS-rebinding page has its own name in Host).
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// requireJSON refuses request bodies that are not JSON: a browser sends
// text/plain, form and multipart bodies cross-site without a preflight.
func requireJSON(c *gin.Context) {
	if c.Request.Method != http.MethodPost && c.Request.Method != http.MethodPut && c.Request.Method != http.MethodPatch {
		return
	}
	ct := requestHeader(c.Request, "Content-Type")
	if ct == "application/json" { // what clients send: accepted without the parse and its map
		return
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && (mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
		return
	}
	problem(c, http.StatusUnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
		"send the body as Content-Type: application/json")
}

// bodyDeadline bounds the time a client may take to send the body: a
// slow-drip body would otherwise hold a connection and a handler for as
// long as it likes. The deadline is lifted once the body is read, so it
// never cuts the handler's own work short.
func (s *Server) bodyDeadline(c *gin.Context) {
	if c.Request.Body == nil || c.Request.Body == http.NoBody {
		return
	}
	// The controller is held in the body by value: one allocation, not two.
	b := &deadlineBody{ReadCloser: c.Request.Body, rc: *http.NewResponseController(c.Writer)}
	if err := b.rc.SetReadDeadline(time.Now().Add(s.bodyTimeout)); err != nil {
		return // not a network connection (tests' recorders)
	}
	c.Request.Body = b
}

// deadlineBody clears the read deadline at the end of the body.
type deadlineBody struct {
	io.ReadCloser
	rc   http.ResponseController
	done bool
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF && !b.done {
		b.done = true
		_ = b.rc.SetReadDeadline(time.Time{})
	}
	return n, err
}

// HTTPServer returns an http.Server for the handler with every timeout
// set: headers within 10 s, the whole request within the body timeout plus
// the request timeout, the answer written within the request timeout plus
// 10 s, idle keep-alive connections closed after 2 minutes. Served on
// Listener's connections, it sends an answer in one write (gather.go).
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.bodyTimeout + s.timeout,
		WriteTimeout:      s.timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ConnContext:       connContext,
	}
}
