package server

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func newTestLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// TestAccessLogAgrees holds accessLog to the LogAttrs call it replaces:
// the same line through a text and a JSON handler (their times dropped:
// LogAttrs reads its own), and nothing below the handler's level.
func TestAccessLogAgrees(t *testing.T) {
	noTime := &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	var got, want strings.Builder
	for _, h := range []func(io.Writer) slog.Handler{
		func(w io.Writer) slog.Handler { return slog.NewTextHandler(w, noTime) },
		func(w io.Writer) slog.Handler { return slog.NewJSONHandler(w, noTime) },
		func(w io.Writer) slog.Handler {
			return slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn, ReplaceAttr: noTime.ReplaceAttr})
		},
	} {
		got.Reset()
		want.Reset()
		ctx := context.Background()
		s := &Server{log: slog.New(h(&got))}
		s.accessLog(ctx, time.Now(), "POST", "/v1/suggest", 200, 1234567*time.Nanosecond, "req-1")
		slog.New(h(&want)).LogAttrs(ctx, slog.LevelInfo, "http request",
			slog.String("method", "POST"), slog.String("route", "/v1/suggest"), slog.Int("status", 200),
			slog.Duration("latency", 1234567*time.Nanosecond), slog.String("requestId", "req-1"))
		if got.String() != want.String() {
			t.Errorf("accessLog wrote %q, LogAttrs %q", got.String(), want.String())
		}
	}
}
