package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"medcode/feedback"
	"medcode/internal/testenv"
	"medcode/suggest"
)

// benchNote is a ~2 KB outpatient note.
func benchNote() string {
	const para = "Established patient office visit for follow-up. History of type 2 diabetes, well controlled on metformin; " +
		"A1c 6.8. Essential hypertension, BP 132/84 on lisinopril. Denies chest pain, no fever, no shortness of breath. " +
		"Assessment: type 2 diabetes mellitus without complications; hypertension. Plan: continue current medications. "
	var b strings.Builder
	for b.Len() < 2048 {
		b.WriteString(para)
	}
	return b.String()[:2048]
}

// BenchmarkSuggestHTTP measures POST /v1/suggest over loopback TCP with
// parallel clients, reporting requests/s and p99 latency, with the fake
// engine (server overhead) and the real one (when it loads).
func BenchmarkSuggestHTTP(b *testing.B) {
	b.Run("fake", func(b *testing.B) {
		f := newFixture(b, nil)
		benchHTTP(b, f.h)
	})
	b.Run("real", func(b *testing.B) {
		dir := testenv.DataDir(b)
		ctx := context.Background()
		store, err := feedback.Open(ctx, filepath.Join(b.TempDir(), "feedback.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer store.Close()
		eng, err := suggest.Open(ctx, suggest.OpenOptions{DataDir: dir, Options: suggest.Options{Adjuster: store}})
		if err != nil {
			b.Skipf("real engine unavailable: %v", err)
		}
		srv, err := New(Options{Engine: eng, Codes: eng, Set: eng.Set(), Store: store})
		if err != nil {
			b.Fatal(err)
		}
		benchHTTP(b, srv.Handler())
	})
}

func benchHTTP(b *testing.B, h http.Handler) {
	ts := httptest.NewServer(h)
	defer ts.Close()
	body, _ := json.Marshal(map[string]any{"text": benchNote()})
	tr := &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var mu sync.Mutex
	var lats []time.Duration
	b.SetParallelism(8)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			resp, err := client.Post(ts.URL+"/v1/suggest", "application/json", bytes.NewReader(body))
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lats = append(lats, mine...)
		mu.Unlock()
	})
	el := time.Since(start)
	b.StopTimer()
	if len(lats) == 0 {
		return
	}
	slices.Sort(lats)
	b.ReportMetric(float64(len(lats))/el.Seconds(), "req/s")
	b.ReportMetric(float64(lats[len(lats)*99/100].Microseconds())/1000, "p99-ms")
}
