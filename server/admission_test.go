package server

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"medcode/suggest"
)

// gateEngine blocks every note until its gate is closed, counting the
// calls running at once.
type gateEngine struct {
	*fakeEngine
	gate    chan struct{}
	mu      sync.Mutex
	running int
	peak    int
	started chan struct{}
}

func (g *gateEngine) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	g.mu.Lock()
	g.running++
	g.peak = max(g.peak, g.running)
	g.mu.Unlock()
	g.started <- struct{}{}
	<-g.gate
	g.mu.Lock()
	g.running--
	g.mu.Unlock()
	return g.fakeEngine.Suggest(ctx, req)
}

func TestAdmissionSheds(t *testing.T) {
	tests := []struct {
		name       string
		concurrent int
		queue      int
		wait       time.Duration
		sent       int
		want503    int
	}{
		{"queue full answers at once", 1, 2, time.Minute, 5, 2},
		{"no queue", 2, -1, time.Minute, 4, 0}, // unbounded queue: everyone waits
		{"one slot one queued", 1, 1, time.Minute, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &gateEngine{gate: make(chan struct{}), started: make(chan struct{}, 64)}
			f := newFixture(t, func(o *Options) {
				g.fakeEngine = o.Engine.(*fakeEngine)
				o.Engine = g
				o.MaxConcurrent, o.MaxQueue, o.QueueWait = tt.concurrent, tt.queue, tt.wait
				o.RequestTimeout = time.Minute
			})
			codes := make(chan int, tt.sent)
			var wg sync.WaitGroup
			for range tt.concurrent {
				wg.Add(1)
				go func() {
					defer wg.Done()
					codes <- f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}).Code
				}()
				<-g.started
			}
			// The slots are taken; the rest queue or are shed.
			for range tt.sent - tt.concurrent {
				wg.Add(1)
				go func() {
					defer wg.Done()
					codes <- f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}).Code
				}()
			}
			shed := 0
			deadline := time.After(5 * time.Second)
			for shed < tt.want503 {
				select {
				case c := <-codes:
					if c != http.StatusServiceUnavailable {
						t.Fatalf("status %d while the engine is blocked, want 503", c)
					}
					shed++
				case <-deadline:
					t.Fatalf("%d of %d notes shed in 5 s", shed, tt.want503)
				}
			}
			// Wait until the admitted notes are all queued, then open the gate.
			for f.srv.admit.queued() < int64(tt.sent-tt.concurrent-tt.want503) {
				time.Sleep(time.Millisecond)
			}
			close(g.gate)
			wg.Wait()
			close(codes)
			for c := range codes {
				if c != http.StatusOK {
					t.Errorf("admitted note answered %d", c)
				}
			}
			if g.peak > tt.concurrent {
				t.Errorf("%d engine calls at once, want at most %d", g.peak, tt.concurrent)
			}
		})
	}
}

func TestAdmissionWaitAndProblem(t *testing.T) {
	g := &gateEngine{gate: make(chan struct{}), started: make(chan struct{}, 8)}
	f := newFixture(t, func(o *Options) {
		g.fakeEngine = o.Engine.(*fakeEngine)
		o.Engine = g
		o.MaxConcurrent, o.QueueWait = 1, 30*time.Millisecond
	})
	done := make(chan struct{})
	go func() { defer close(done); f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"}) }()
	<-g.started
	start := time.Now()
	w := f.do(t, "POST", "/v1/suggest", map[string]any{"text": "diabetes"})
	wantProblem(t, w, http.StatusServiceUnavailable, "busy")
	if w.Header().Get("Retry-After") != "1" {
		t.Errorf("Retry-After %q, want 1", w.Header().Get("Retry-After"))
	}
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("shed after %v, before the queue wait", d)
	}
	// A batch waits for the slot instead of being shed.
	batch := make(chan int)
	go func() {
		batch <- f.do(t, "POST", "/v1/suggest/batch", map[string]any{"notes": []map[string]any{{"text": "diabetes"}}}).Code
	}()
	time.Sleep(60 * time.Millisecond) // longer than the queue wait
	close(g.gate)
	<-done
	if c := <-batch; c != http.StatusOK {
		t.Errorf("batch answered %d, want 200 once the slot freed", c)
	}
	m := f.do(t, "GET", "/metrics", nil).Body.String()
	if !strings.Contains(m, "medcode_overloaded_total 1") || !strings.Contains(m, "medcode_engine_queued 0") || !strings.Contains(m, "go_memstats_heap_inuse_bytes") {
		t.Errorf("metrics lack the shed note, the queue or the runtime:\n%s", grepLines(m, "medcode_"))
	}
}

func TestAdmissionCanceled(t *testing.T) {
	a := newAdmission(1, 4, time.Minute)
	rel, err := a.acquire(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.acquire(ctx, false); !errors.Is(err, context.Canceled) {
		t.Errorf("acquire with a canceled context: %v", err)
	}
	if a.queued() != 0 {
		t.Errorf("%d still queued", a.queued())
	}
	rel()
	if rel, err = a.acquire(ctx, false); err != nil {
		t.Errorf("free slot refused: %v", err)
	} else {
		rel()
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
