package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// target is the server under load: its address and the requests it is
// sent, in order, cycling. Each request is built once, head and body in
// one buffer, and written to a kept-alive connection in one write; the
// answer is read with http.ReadResponse on the sender's own goroutine.
// Unlike an http.Client, a request costs no goroutine hand-offs (the
// Transport's read and write loops) and no per-request header maps, so
// the load generator takes less of the CPU it shares with the server.
type target struct {
	addr     string   // host:port
	requests [][]byte // a whole HTTP/1.1 request per note
	timeout  time.Duration
	idle     chan *clientConn // kept-alive connections
	next     atomic.Uint64
}

// clientConn is one connection to the server and its read buffer.
type clientConn struct {
	net.Conn
	br *bufio.Reader
}

// maxIdle bounds the kept-alive connections (the open loop's in-flight
// bound is 2000 by default; beyond this a finished one is closed).
const maxIdle = 4096

func newTarget(base, key string, notes []string, timeout time.Duration) (*target, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return nil, fmt.Errorf("medload: %q: want http://host:port", base)
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "80")
	}
	t := &target{addr: addr, timeout: timeout, idle: make(chan *clientConn, maxIdle)}
	head := "POST " + strings.TrimSuffix(u.Path, "/") + "/v1/suggest HTTP/1.1\r\nHost: " + u.Host +
		"\r\nContent-Type: application/json\r\nUser-Agent: medload\r\n"
	if key != "" {
		head += "Authorization: Bearer " + key + "\r\n"
	}
	for _, n := range notes {
		b, err := json.Marshal(struct {
			Text string `json:"text"`
		}{n})
		if err != nil {
			return nil, fmt.Errorf("medload: %w", err)
		}
		req := append([]byte(head+"Content-Length: "+strconv.Itoa(len(b))+"\r\n\r\n"), b...)
		t.requests = append(t.requests, req)
	}
	if len(t.requests) == 0 {
		return nil, errors.New("medload: no notes to send")
	}
	return t, nil
}

// send posts the next note and reports the outcome: "" for a 200 (the
// body read to its end), else the error kind ("503", "timeout", "conn").
func (t *target) send(ctx context.Context) string {
	req := t.requests[(t.next.Add(1)-1)%uint64(len(t.requests))]
	for attempt := 0; ; attempt++ {
		c, reused, err := t.conn(ctx)
		if err != nil {
			return errKind(err)
		}
		status, keep, started, err := t.roundTrip(ctx, c, req)
		if err != nil {
			c.Close()
			// A kept-alive connection the server closed while idle fails
			// before any answer: send again on a new one, as
			// http.Transport does.
			if reused && !started && attempt == 0 && ctx.Err() == nil {
				continue
			}
			if status != 0 {
				return "body"
			}
			return errKind(err)
		}
		t.release(c, keep)
		if status != http.StatusOK {
			return strconv.Itoa(status)
		}
		return ""
	}
}

// close closes the kept-alive connections.
func (t *target) close() {
	for {
		select {
		case c := <-t.idle:
			c.Close()
		default:
			return
		}
	}
}

// conn returns an idle connection, or dials one.
func (t *target) conn(ctx context.Context) (*clientConn, bool, error) {
	select {
	case c := <-t.idle:
		return c, true, nil
	default:
	}
	d := net.Dialer{Timeout: t.timeout}
	nc, err := d.DialContext(ctx, "tcp", t.addr)
	if err != nil {
		return nil, false, err
	}
	return &clientConn{Conn: nc, br: bufio.NewReaderSize(nc, 16<<10)}, false, nil
}

func (t *target) release(c *clientConn, keep bool) {
	if keep {
		select {
		case t.idle <- c:
			return
		default:
		}
	}
	c.Close()
}

// roundTrip writes req and reads the answer to its end. started reports
// whether any of the answer arrived; keep whether c may carry another
// request.
func (t *target) roundTrip(ctx context.Context, c *clientConn, req []byte) (status int, keep, started bool, err error) {
	if t.timeout > 0 {
		c.SetDeadline(time.Now().Add(t.timeout))
	}
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { c.SetDeadline(time.Unix(1, 0)) })
		defer stop()
	}
	if _, err := c.Write(req); err != nil {
		return 0, false, false, err
	}
	if _, err := c.br.Peek(1); err != nil {
		return 0, false, false, err
	}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		return 0, false, true, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return resp.StatusCode, false, true, err
	}
	return resp.StatusCode, !resp.Close, true, nil
}

// errKind names a failed send: "timeout" or "conn".
func errKind(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	return "conn"
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
	timer := time.NewTimer(0)
	defer timer.Stop()
	for i := range n {
		at := start.Add(time.Duration(i) * interval)
		if w := time.Until(at); w > 0 {
			timer.Reset(w)
			select {
			case <-timer.C:
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
			last := context.WithoutCancel(ctx) // let the last request finish
			for ctx.Err() == nil {
				sent := time.Now()
				kind := t.send(last)
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
