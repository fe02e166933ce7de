package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"medcode/corpus"
	"medcode/feedback"
	"medcode/server"
	"medcode/suggest"
)

// serveFlags configure `medcode serve`.
type serveFlags struct {
	addr             string
	db               string
	apiKeyFile       string
	insecureLoopback bool
	publicURL        string
	allowedOrigins   []string
	timeout          time.Duration
	bodyTimeout      time.Duration
	gcPercent        int
	memLimit         string
	maxConcurrent    int
	maxQueue         int
	queueWait        time.Duration
	cpuProfile       string
	heapProfile      string
}

func newServeCmd(data *dataFlags) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP API, CDS Hooks and the coder workbench",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// The log's lines are gathered and written together
			// (logwriter.go), all of them by the time serve returns.
			lw := newLogWriter(cmd.ErrOrStderr(), logFlushDelay)
			err := serve(cmd.Context(), data, f, slog.New(slog.NewTextHandler(lw, nil)))
			_ = lw.Close() // a log write error goes unreported, as slog's own
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen address (\":8080\" listens on every interface and needs --api-key-file)")
	fl.StringVar(&f.db, "db", "var/feedback.db", "feedback store: a SQLite path (sqlite:PATH) or postgres://...")
	fl.StringVar(&f.apiKeyFile, "api-key-file", "", "file of API keys, one per line; required unless --insecure-loopback")
	fl.BoolVar(&f.insecureLoopback, "insecure-loopback", false, "serve without API keys; only on a loopback --addr, answering only Host localhost/127.0.0.1/[::1]")
	fl.StringVar(&f.publicURL, "public-url", "", "external base URL of this server, linked from CDS Hooks cards (default: no link)")
	fl.StringSliceVar(&f.allowedOrigins, "allowed-origin", nil, "browser origin allowed to call the API cross-origin, e.g. https://ehr.example.org (repeatable; default: none)")
	fl.DurationVar(&f.timeout, "timeout", 10*time.Second, "per-request timeout")
	fl.DurationVar(&f.bodyTimeout, "body-timeout", 10*time.Second, "time a client may take to send a request body")
	fl.IntVar(&f.gcPercent, "gc-percent", 400, "garbage collection target percentage while serving (as GOGC, which wins when set; loading runs at 100, or this when lower): the code sets and index stay live, so collecting less often costs memory, not correctness")
	fl.StringVar(&f.memLimit, "memory-limit", autoLimit, "soft memory limit for the Go runtime, e.g. 250MiB, or off (as GOMEMLIMIT, which wins when set); auto: the heap after loading and warming plus 128 MiB")
	fl.IntVar(&f.maxConcurrent, "max-concurrent", 0, "engine calls run at once (default GOMAXPROCS)")
	fl.IntVar(&f.maxQueue, "max-queue", 0, "notes that may wait for the engine; past it a note is answered 503 at once (default 8 per engine call; -1: no bound)")
	fl.DurationVar(&f.queueWait, "queue-wait", 0, "longest a note waits for the engine before a 503 (default 1s; -1ns: until --timeout)")
	fl.StringVar(&f.cpuProfile, "cpu-profile", "", "write a CPU profile of serving (from engine ready to shutdown) to this file, for `go tool pprof` (default: none)")
	fl.StringVar(&f.heapProfile, "heap-profile", "", "write a profile of the live heap at shutdown to this file, for `go tool pprof -sample_index=inuse_space` (default: none)")
	return cmd
}

// lazyEngine stands in for the engine while it loads: until set, every call
// fails with server.ErrNotReady (503).
type lazyEngine struct {
	e atomic.Pointer[suggest.Engine]
}

func (l *lazyEngine) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	e := l.e.Load()
	if e == nil {
		return nil, fmt.Errorf("serve: %w", server.ErrNotReady)
	}
	return e.Suggest(ctx, req)
}

// Release hands a result back to the loaded engine (suggest.Engine.Release).
func (l *lazyEngine) Release(res *suggest.Result) {
	if e := l.e.Load(); e != nil {
		e.Release(res)
	}
}

func (l *lazyEngine) SearchCodes(ctx context.Context, q string, systems []corpus.System, limit int) ([]suggest.CodeMatch, error) {
	e := l.e.Load()
	if e == nil {
		return nil, fmt.Errorf("serve: %w", server.ErrNotReady)
	}
	return e.SearchCodes(ctx, q, systems, limit)
}

// Set is nil until the engine is loaded.
func (l *lazyEngine) Set() *corpus.Set {
	if e := l.e.Load(); e != nil {
		return e.Set()
	}
	return nil
}

// NameTerms returns the distinct stems the engine's index analyzer gives a
// code name: the terms the engine passes to the feedback Adjuster.
func (l *lazyEngine) NameTerms(name string) []string {
	e := l.e.Load()
	if e == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range e.Index().Analyzer().Terms(name) {
		if t.Stem != "" && !seen[t.Stem] {
			seen[t.Stem] = true
			out = append(out, t.Stem)
		}
	}
	return out
}

// readAPIKeys reads one key per line, skipping blanks and # comments.
func readAPIKeys(path string) ([]string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, usageError(fmt.Errorf("serve: api key file: %w", err))
	}
	defer fh.Close()
	var keys []string
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if k := strings.TrimSpace(sc.Text()); k != "" && !strings.HasPrefix(k, "#") {
			keys = append(keys, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("serve: api key file %s: %w", path, err)
	}
	if len(keys) == 0 {
		return nil, usageError(fmt.Errorf("serve: api key file %s holds no keys", path))
	}
	return keys, nil
}

// checkAuth enforces the auth policy: API keys on every bind; without
// keys only with --insecure-loopback on a loopback address, which no other
// machine can reach.
func checkAuth(addr string, haveKeys, insecureLoopback bool) error {
	switch {
	case haveKeys && insecureLoopback:
		return usageError(errors.New("serve: give --api-key-file or --insecure-loopback, not both"))
	case haveKeys:
		return nil
	case !insecureLoopback:
		return usageError(errors.New("serve: API keys are required: give --api-key-file FILE (one key per line), or --insecure-loopback to serve without keys on a loopback --addr"))
	case !loopbackAddr(addr):
		return usageError(fmt.Errorf("serve: --insecure-loopback needs a loopback --addr (127.0.0.1:8080, [::1]:8080, localhost:8080), not %q", addr))
	}
	return nil
}

// loopbackAddr reports whether a listen address binds loopback only (":8080"
// binds every interface).
func loopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serve runs the server until ctx is cancelled (SIGINT/SIGTERM), then shuts
// down gracefully. The engine loads in the background; /readyz turns 200
// when it is ready.
func serve(ctx context.Context, data *dataFlags, f serveFlags, log *slog.Logger) error {
	var keys []string
	if f.apiKeyFile != "" {
		var err error
		if keys, err = readAPIKeys(f.apiKeyFile); err != nil {
			return err
		}
	}
	if err := checkAuth(f.addr, len(keys) > 0, f.insecureLoopback); err != nil {
		return err
	}
	if f.publicURL != "" {
		if u, err := url.Parse(f.publicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usageError(fmt.Errorf("serve: --public-url %q is not an http(s) URL", f.publicURL))
		}
	}
	gc := applyGCPercent(f.gcPercent) // the loading target until the engine is ready
	memLimit, autoMem, err := applyMemoryLimit(f.memLimit)
	if err != nil {
		return err
	}
	dsn := f.db
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		if err := os.MkdirAll(filepath.Dir(strings.TrimPrefix(dsn, "sqlite:")), 0o755); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	store, err := feedback.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer store.Close()

	eng := &lazyEngine{}
	srv, err := server.New(server.Options{
		Engine: eng, Codes: eng, Store: store, APIKeys: keys,
		RequestTimeout: f.timeout, BodyTimeout: f.bodyTimeout, Logger: log,
		AllowedOrigins: f.allowedOrigins, PublicURL: f.publicURL, LoopbackHosts: f.insecureLoopback,
		MaxConcurrent: f.maxConcurrent, MaxQueue: f.maxQueue, QueueWait: f.queueWait,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := srv.HTTPServer()
	if autoMem {
		log.Info("listening", "addr", ln.Addr().String(), "auth", len(keys) > 0, "memoryLimit", "auto")
	} else {
		log.Info("listening", "addr", ln.Addr().String(), "auth", len(keys) > 0, "memoryLimitMiB", memLimit>>20)
	}

	prof := &cpuProfile{path: f.cpuProfile}
	defer prof.stop(log)
	heap := heapProfile{path: f.heapProfile}
	heap.sample()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func() {
		start := time.Now()
		e, err := suggest.Open(ctx, suggest.OpenOptions{
			DataDir: data.dir, IndexPath: data.index, ModelPath: data.model, CPTFile: data.cpt, Synonyms: data.synonyms,
			Options: suggest.Options{Adjuster: store},
		})
		if err != nil {
			cancel(fmt.Errorf("serve: load engine: %w", err))
			return
		}
		// The passes build per-code tables on first use; build them now
		// rather than inside the first requests.
		if err := e.Warm(ctx); err != nil {
			cancel(fmt.Errorf("serve: warm engine: %w", err))
			return
		}
		// Loading parsed the code sets and index into garbage several times
		// the engine's size, which a collector target of 400% would keep
		// resident: collect it and hand the pages back before serving.
		debug.FreeOSMemory()
		gc.serving()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		limit := debug.SetMemoryLimit(-1)
		if autoMem {
			limit = autoMemoryLimit(ms.HeapInuse)
			debug.SetMemoryLimit(limit)
		}
		eng.e.Store(e)
		if err := prof.start(); err != nil {
			cancel(err)
			return
		}
		srv.SetReady(true)
		log.Info("engine ready", "took", time.Since(start).Round(time.Millisecond), "heapMiB", ms.HeapInuse>>20, "memoryLimitMiB", limit>>20)
	}()

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(server.Listener(ln)) }() // an answer's writes gathered into one
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	srv.SetReady(false)
	log.Info("shutting down")
	sctx, scancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer scancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return heap.write()
}
