package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// requestID is the request's id, which observe sets as the response's
// X-Request-Id header: read back from there, it costs no gin context key
// (whose map, boxed value and lock are three allocations a request).
// "" before observe.
func requestID(c *gin.Context) string {
	if v := c.Writer.Header()["X-Request-Id"]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}

// validRequestID accepts a client's X-Request-Id when it is short and made
// of safe characters, so it can be logged and echoed.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		ch := id[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.') {
			return false
		}
	}
	return true
}

// observe gives each request an id, then records its metrics and logs
// method, route, status, latency and request id, never bodies or queries.
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	id := requestHeader(c.Request, "X-Request-Id")
	if !validRequestID(id) {
		id = newUUID()
	}
	// The key is canonical and id never empty: gin's c.Header would
	// canonicalize the key again. Handlers read the id back (requestID).
	c.Writer.Header()["X-Request-Id"] = []string{id}
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	end := time.Now()
	lat := end.Sub(start)
	s.metrics.observe(route, c.Request.Method, status, lat)
	s.accessLog(c.Request.Context(), end, c.Request.Method, route, status, lat, id)
}

// accessLog logs a request's line as Logger.LogAttrs would, at the time
// observe read for its latency and without the caller's program counter
// (LogAttrs walks the stack for it, a handler's source field, which the
// access log's never names: its route does).
func (s *Server) accessLog(ctx context.Context, at time.Time, method, route string, status int, lat time.Duration, id string) {
	h := s.log.Handler()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	r := slog.NewRecord(at, slog.LevelInfo, "http request", 0)
	r.AddAttrs(
		slog.String("method", method),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Duration("latency", lat),
		slog.String("requestId", id))
	_ = h.Handle(ctx, r) // as LogAttrs: a handler's error is its own
}

// recoverPanic turns a panic in a handler into a 500 problem.
func (s *Server) recoverPanic(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		s.log.Error("panic", "requestId", requestID(c), "route", c.FullPath(),
			"panic", fmt.Sprintf("%T", v), "stack", string(debug.Stack()))
		if c.Writer.Written() {
			c.Abort()
			return
		}
		problem(c, http.StatusInternalServerError, "internal", "Internal error", "the server failed on this request (request id "+requestID(c)+")")
	}()
	c.Next()
}

// itoa is strconv.Itoa, for metric labels.
func itoa(n int) string { return strconv.Itoa(n) }
