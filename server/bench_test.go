package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
// the fake engine (server overhead) and the real one (when it loads):
//   - closed: four clients back to back, the most the machine serves
//     (req/s) and the latency at that load;
//   - rate1500: an open-loop load generator sending 1,500 requests/s on
//     schedule (the target load), latency counted from each
//     request's scheduled time, so queueing behind a slow server counts;
//   - cds: CDS Hooks encounter-discharge calls with the note in a
//     prefetched DocumentReference, one at a time (the spec allows 500 ms).
//
// The real engine, loaded once for all of them, runs with the collector
// target `medcode serve` sets by default (--gc-percent 400).
func BenchmarkSuggestHTTP(b *testing.B) {
	suggestBody, _ := json.Marshal(map[string]any{"text": benchNote()})
	b.Run("fake", func(b *testing.B) {
		f := newFixture(b, nil)
		benchHTTP(b, f.h, "/v1/suggest", suggestBody, 0, 2)
	})
	parent := b
	var (
		once    sync.Once
		handler http.Handler
		loadErr error
	)
	real := func(b *testing.B) http.Handler {
		once.Do(func() {
			dir := testenv.DataDir(b)
			ctx := context.Background()
			store, err := feedback.Open(ctx, filepath.Join(parent.TempDir(), "feedback.db"))
			if err != nil {
				loadErr = err
				return
			}
			parent.Cleanup(func() { store.Close() })
			eng, err := suggest.Open(ctx, suggest.OpenOptions{DataDir: dir, Options: suggest.Options{Adjuster: store}})
			if err != nil {
				loadErr = fmt.Errorf("real engine unavailable: %w", err)
				return
			}
			if loadErr = eng.Warm(ctx); loadErr != nil { // as medcode serve does
				return
			}
			srv, err := New(Options{Engine: eng, Codes: eng, Set: eng.Set(), Store: store})
			if err != nil {
				loadErr = err
				return
			}
			handler = srv.Handler()
		})
		if loadErr != nil {
			b.Skip(loadErr)
		}
		old := debug.SetGCPercent(400)
		b.Cleanup(func() { debug.SetGCPercent(old) })
		return handler
	}
	b.Run("real/closed", func(b *testing.B) { benchHTTP(b, real(b), "/v1/suggest", suggestBody, 0, 2) })
	b.Run("real/rate1500", func(b *testing.B) { benchHTTP(b, real(b), "/v1/suggest", suggestBody, 1500, 0) })
	data := base64.StdEncoding.EncodeToString([]byte(benchNote()))
	cds := cdsRequestBody(`{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"text/plain","data":"`+data+`"}}]}`, "")
	b.Run("real/cds", func(b *testing.B) { benchHTTP(b, real(b), "/cds-services/medcode-coding", []byte(cds), 0, -1) })
}

// benchHTTP posts body to path b.N times: with rate 0 from clients back to
// back (parallelism × GOMAXPROCS of them; one when parallelism < 0), else
// open-loop at rate requests/s. It reports requests/s and the 50th and
// 99th percentile latency of the answered requests, and open-loop the
// share answered 503 overloaded (shed-%): past capacity the server sheds
// rather than queues.
func benchHTTP(b *testing.B, h http.Handler, path string, body []byte, rate float64, parallelism int) {
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ConnContext = connContext // as HTTPServer's
	ts.Listener = Listener(ts.Listener) // as medcode serve's
	ts.Start()
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 1024}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var shed atomic.Int64 // answered 503 overloaded (admission.go): past capacity, by design
	post := func() bool {
		resp, err := client.Post(ts.URL+path, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Error(err)
			return false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable && rate > 0 {
			shed.Add(1)
			return false
		}
		if resp.StatusCode != 200 {
			b.Errorf("status %d", resp.StatusCode)
			return false
		}
		return true
	}
	post() // warm: connection, pools
	lats := make([]time.Duration, 0, b.N)
	var mu sync.Mutex
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	switch {
	case rate == 0 && parallelism < 0:
		for range b.N {
			t0 := time.Now()
			if !post() {
				break
			}
			lats = append(lats, time.Since(t0))
		}
	case rate == 0:
		b.SetParallelism(parallelism)
		b.RunParallel(func(pb *testing.PB) {
			var mine []time.Duration
			for pb.Next() {
				t0 := time.Now()
				if !post() {
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lats = append(lats, mine...)
			mu.Unlock()
		})
	default:
		interval := time.Duration(float64(time.Second) / rate)
		var wg sync.WaitGroup
		for i := range b.N {
			due := start.Add(time.Duration(i) * interval)
			time.Sleep(time.Until(due))
			wg.Go(func() {
				if post() {
					d := time.Since(due)
					mu.Lock()
					lats = append(lats, d)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
	el := time.Since(start)
	b.StopTimer()
	if len(lats) == 0 {
		return
	}
	slices.Sort(lats)
	b.ReportMetric(float64(len(lats))/el.Seconds(), "req/s")
	b.ReportMetric(float64(lats[len(lats)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lats[len(lats)*99/100].Microseconds())/1000, "p99-ms")
	if rate > 0 {
		b.ReportMetric(100*float64(shed.Load())/float64(b.N), "shed-%")
	}
}

// BenchmarkDecodeJSON measures the strict decoder on a 2 KB suggest body:
// decoding plus the duplicate and case-folded key walk. In lines, the
// note has a line break every 120 bytes or so, as a CodiEsp note does.
func BenchmarkDecodeJSON(b *testing.B) {
	body, _ := json.Marshal(map[string]any{"text": benchNote(), "systems": []string{"icd10cm", "cpt"}, "maxResults": 20})
	lines, _ := json.Marshal(map[string]any{"text": strings.ReplaceAll(benchNote(), ". ", ".\n")})
	for _, bench := range []struct {
		name string
		body []byte
	}{{"", body}, {"lines", lines}} {
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(int64(len(bench.body)))
			b.ReportAllocs()
			for b.Loop() {
				var sb suggestBody
				if err := decodeJSON(bytes.NewReader(bench.body), &sb, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
