package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"medcode/corpus"
	"medcode/feedback"
	"medcode/server/web"
	"medcode/suggest"
)

// MaxBody is the largest request body accepted; larger ones get 413.
const MaxBody = 100 << 10

// MaxBatch is the most notes one /v1/suggest/batch request may hold.
const MaxBatch = 100

// ErrNotReady is what an engine returns (wrapped) while it is still
// loading; the server answers 503.
var ErrNotReady = errors.New("server: engine not ready")

// CodeSearcher ranks codes whose names match a query (autocomplete).
// *suggest.Engine satisfies it.
type CodeSearcher interface {
	SearchCodes(ctx context.Context, q string, systems []corpus.System, limit int) ([]suggest.CodeMatch, error)
}

// Termer turns a code name that matched the note into the terms the engine
// passes to suggest.Adjuster.Adjust (the index analyzer's stems). It is
// optional: when Options.Engine implements it, feedback is stored with
// those terms, so it moves ranking per evidence; otherwise with the
// matched names themselves.
type Termer interface {
	NameTerms(name string) []string
}

// Options configure a Server. Engine and Store are required; the zero value
// of every other field works.
type Options struct {
	Engine         suggest.Suggester // required
	Codes          CodeSearcher      // autocomplete; nil: taken from Engine when it has SearchCodes, else 503
	Set            *corpus.Set       // code details; nil: taken from Engine when it has Set() *corpus.Set, else 503
	Store          feedback.Store    // required
	APIKeys        []string          // empty: no auth (serve refuses that beyond loopback)
	RequestTimeout time.Duration     // 0: 10s
	BodyTimeout    time.Duration     // time to receive a request body; 0: 10s
	// AllowedOrigins are the browser origins ("https://ehr.example.org")
	// allowed to call the API cross-origin; nil: the server's own pages only.
	AllowedOrigins []string
	// PublicURL is the server's external base URL, linked from CDS Hooks
	// cards; "": cards carry no link (the Host header is never echoed).
	PublicURL string
	// LoopbackHosts answers only requests whose Host is a loopback name
	// (localhost, 127.0.0.1, [::1]): a DNS-rebinding defence for servers
	// run without API keys on loopback.
	LoopbackHosts bool
	Logger        *slog.Logger // nil: discard. Never logs note text.
	// MaxConcurrent bounds the engine calls running at once; 0: GOMAXPROCS.
	MaxConcurrent int
	// MaxQueue bounds the notes waiting for an engine call; past it a note
	// is answered 503 (overloaded) at once. 0: 8 per engine slot; < 0: no
	// bound. Batch notes wait without this bound.
	MaxQueue int
	// QueueWait is how long a note may wait for an engine call before it is
	// answered 503; 0: 1s; < 0: until the request's deadline.
	QueueWait time.Duration
	Registry  *prometheus.Registry // nil: a new one
}

// Server serves the HTTP API. Build it with New.
type Server struct {
	engine        suggest.Suggester
	codes         CodeSearcher
	set           *corpus.Set
	store         feedback.Store
	keys          [][]byte
	timeout       time.Duration
	bodyTimeout   time.Duration
	origins       []string
	publicURL     string
	loopbackHosts bool
	log           *slog.Logger
	registry      *prometheus.Registry
	metrics       *metrics
	ready         atomic.Bool
	admit         *admission
	requests      *requestMemory   // requestId → suggested codes and their terms
	cards         *recent[cardRef] // CDS Hooks card uuid → code
	web           http.Handler     // the workbench page at /; nil: not mounted
	handler       http.Handler
	secureHeaders []fixedHeader // set on every response (security.go)
}

// New checks opts and builds a Server, not yet ready (see SetReady).
func New(opts Options) (*Server, error) {
	if opts.Engine == nil {
		return nil, errors.New("server: Options.Engine is required")
	}
	if opts.Store == nil {
		return nil, errors.New("server: Options.Store is required")
	}
	s := &Server{
		engine:        opts.Engine,
		codes:         opts.Codes,
		set:           opts.Set,
		store:         opts.Store,
		timeout:       opts.RequestTimeout,
		bodyTimeout:   opts.BodyTimeout,
		origins:       opts.AllowedOrigins,
		publicURL:     strings.TrimRight(opts.PublicURL, "/"),
		loopbackHosts: opts.LoopbackHosts,
		log:           opts.Logger,
		registry:      opts.Registry,
		requests:      newRequestMemory(10000),
		cards:         newRecent[cardRef](10000),
		web:           web.Handler(),
		secureHeaders: newSecureHeaders(),
	}
	if s.codes == nil {
		if cs, ok := opts.Engine.(CodeSearcher); ok {
			s.codes = cs
		}
	}
	if s.timeout <= 0 {
		s.timeout = 10 * time.Second
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	s.admit = newAdmission(opts.MaxConcurrent, opts.MaxQueue, opts.QueueWait)
	if s.bodyTimeout <= 0 {
		s.bodyTimeout = 10 * time.Second
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.registry == nil {
		s.registry = prometheus.NewRegistry()
	}
	for _, k := range opts.APIKeys {
		if k = strings.TrimSpace(k); k != "" {
			s.keys = append(s.keys, []byte(k))
		}
	}
	m, err := newMetrics(s.registry)
	if err != nil {
		return nil, err
	}
	s.metrics = m
	// The notes waiting for an engine slot now (admission.go); with several
	// servers on one registry, the first one's queue.
	if _, err := register[prometheus.Collector](s.registry, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "medcode_engine_queued",
		Help: "Notes waiting for an engine slot.",
	}, func() float64 { return float64(s.admit.queued()) })); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// Handler returns the HTTP handler of every route.
func (s *Server) Handler() http.Handler { return s.handler }

// SetReady sets what /readyz reports: 200 only when true.
func (s *Server) SetReady(ready bool) { s.ready.Store(ready) }

// feedbackTerms turns the matched names remembered for a suggestion into
// the terms stored with feedback on it.
func (s *Server) feedbackTerms(names []string) []string {
	t, ok := s.engine.(Termer)
	if !ok || len(names) == 0 {
		return names
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		for _, term := range t.NameTerms(n) {
			if !seen[term] {
				seen[term] = true
				out = append(out, term)
			}
		}
	}
	return out
}

// codeSet returns the code sets for code details, nil when not available
// (yet): Options.Set, else the engine's Set() when it has one.
func (s *Server) codeSet() *corpus.Set {
	if s.set != nil {
		return s.set
	}
	if e, ok := s.engine.(interface{ Set() *corpus.Set }); ok {
		return e.Set()
	}
	return nil
}

// routes builds the gin engine. gin runs in release mode with none of its
// default middleware: logging, recovery and metrics are ours.
func (s *Server) routes() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.RedirectTrailingSlash = false
	r.RedirectFixedPath = false
	r.Use(s.observe, s.recoverPanic, s.secure)
	r.NoRoute(s.noRoute)
	r.NoMethod(func(c *gin.Context) {
		problem(c, http.StatusMethodNotAllowed, "method-not-allowed", "Method not allowed",
			"method "+c.Request.Method+" is not allowed on this route")
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", gin.WrapH(s.metricsHandler()))
	r.GET("/openapi.json", s.openAPI)

	api := r.Group("", s.authenticate, requireJSON, s.limitBody, s.bodyDeadline, s.deadline)
	api.POST("/v1/suggest", s.suggest)
	api.POST("/v1/suggest/batch", s.suggestBatch)
	api.GET("/v1/codes/search", s.searchCodes)
	api.GET("/v1/codes/:system/:code", s.codeDetails)
	api.POST("/v1/feedback", s.addFeedback)
	api.GET("/v1/feedback/stats", s.feedbackStats)
	api.GET("/cds-services", s.cdsDiscovery)
	api.POST("/cds-services/"+cdsServiceID, s.cdsService)
	api.POST("/cds-services/"+cdsServiceID+"/feedback", s.cdsFeedback)
	return r
}

// noRoute answers paths without a route: the workbench page (when mounted)
// for GET and HEAD outside the API, else a 404 problem.
func (s *Server) noRoute(c *gin.Context) {
	p := c.Request.URL.Path
	api := strings.HasPrefix(p, "/v1/") || p == "/v1" || strings.HasPrefix(p, "/cds-services")
	if !api && s.web != nil && (c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead) {
		s.web.ServeHTTP(c.Writer, c.Request)
		return
	}
	problem(c, http.StatusNotFound, "not-found", "Not found", "no route for "+c.Request.Method+" "+p)
}

func (s *Server) healthz(c *gin.Context) {
	respond(c, http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) readyz(c *gin.Context) {
	if !s.ready.Load() {
		c.Header("Retry-After", "5")
		problem(c, http.StatusServiceUnavailable, "not-ready", "Not ready", "the engine is still loading")
		return
	}
	respond(c, http.StatusOK, gin.H{"status": "ready"})
}

// authenticate checks the API key (Authorization: Bearer KEY or X-API-Key)
// when keys are configured.
func (s *Server) authenticate(c *gin.Context) {
	if len(s.keys) == 0 {
		return
	}
	key := c.GetHeader("X-API-Key")
	if key == "" {
		if a := c.GetHeader("Authorization"); len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
			key = strings.TrimSpace(a[7:])
		}
	}
	ok := 0
	for _, k := range s.keys {
		ok |= subtle.ConstantTimeCompare([]byte(key), k)
	}
	if key == "" || ok != 1 {
		c.Header("WWW-Authenticate", `Bearer realm="medcode"`)
		detail := "missing API key: send Authorization: Bearer KEY or X-API-Key"
		if key != "" {
			detail = "the API key is not valid"
		}
		problem(c, http.StatusUnauthorized, "unauthorized", "Unauthorized", detail)
		return
	}
}

// limitBody caps request bodies at MaxBody.
func (s *Server) limitBody(c *gin.Context) {
	if c.Request.ContentLength > MaxBody {
		problem(c, http.StatusRequestEntityTooLarge, "too-large", "Request body too large",
			"the body is larger than 100 KB")
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, MaxBody)
}

// routeInfo is one registered route (tests check the OpenAPI file).
type routeInfo struct{ method, path string }

func (s *Server) routesInfo() []routeInfo {
	var out []routeInfo
	if e, ok := s.handler.(*gin.Engine); ok {
		for _, r := range e.Routes() {
			out = append(out, routeInfo{r.Method, r.Path})
		}
	}
	return out
}
