package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// target is the server under load: its suggest URL and the request bodies
// it is sent, in order, cycling.
type target struct {
	client *http.Client
	url    string
	key    string   // API key; "" = none
	bodies [][]byte // {"text": ...} per note
	next   atomic.Uint64
}

func newTarget(base, key string, notes []string, timeout time.Duration) (*target, error) {
	t := &target{url: base + "/v1/suggest", key: key}
	for _, n := range notes {
		b, err := json.Marshal(struct {
			Text string `json:"text"`
		}{n})
		if err != nil {
			return nil, fmt.Errorf("medload: %w", err)
		}
		t.bodies = append(t.bodies, b)
	}
	if len(t.bodies) == 0 {
		return nil, errors.New("medload: no notes to send")
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 4096, 4096
	t.client = &http.Client{Transport: tr, Timeout: timeout}
	return t, nil
}

// send posts the next note and reports the outcome: "" for a 200 (the
// body read to its end), else the error kind ("503", "timeout", "conn").
func (t *target) send(ctx context.Context) string {
	body := t.bodies[(t.next.Add(1)-1)%uint64(len(t.bodies))]
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return "request"
	}
	req.Header.Set("Content-Type", "application/json")
	if t.key != "" {
		req.Header.Set("Authorization", "Bearer "+t.key)
	}
	resp, err := t.client.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return "timeout"
		}
		return "conn"
	}
	_, cerr := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	switch {
	case resp.StatusCode != http.StatusOK:
		return strconv.Itoa(resp.StatusCode)
	case cerr != nil:
		return "body"
	}
	return ""
}

// openLoop sends rate requests a second on a fixed schedule for d. Each
// latency runs from the request's scheduled time, so a server that stalls
// is charged for the requests queued behind the stall (no coordinated
// omission). At most maxInFlight requests are outstanding; a send due
// beyond that is counted as dropped.
func openLoop(ctx context.Context, t *target, rate float64, d time.Duration, maxInFlight int) (*recorder, time.Duration) {
	rec := newRecorder()
	interval := time.Duration(float64(time.Second) / rate)
	n := int(d / interval)
	var wg sync.WaitGroup
	var inFlight atomic.Int64
	start := time.Now()
	for i := range n {
		at := start.Add(time.Duration(i) * interval)
		if w := time.Until(at); w > 0 {
			select {
			case <-time.After(w):
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			break
		}
		if inFlight.Load() >= int64(maxInFlight) {
			rec.mu.Lock()
			rec.dropped++
			rec.mu.Unlock()
			continue
		}
		inFlight.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer inFlight.Add(-1)
			if kind := t.send(ctx); kind != "" {
				rec.fail(kind)
				return
			}
			rec.ok(time.Since(at))
		}()
	}
	wg.Wait()
	return rec, time.Since(start)
}

// closedLoop runs clients that each send a request as soon as the last
// one is answered, for d.
func closedLoop(ctx context.Context, t *target, clients int, d time.Duration) (*recorder, time.Duration) {
	rec := newRecorder()
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				sent := time.Now()
				kind := t.send(context.WithoutCancel(ctx)) // let the last request finish
				switch {
				case kind == "":
					rec.ok(time.Since(sent))
				default:
					rec.fail(kind)
				}
			}
		}()
	}
	wg.Wait()
	return rec, time.Since(start)
}
