package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestQuantile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 1000; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, tc := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 500 * time.Millisecond}, {0.99, 990 * time.Millisecond}, {0.999, 999 * time.Millisecond}, {1, time.Second}, {0, time.Millisecond}} {
		if got := quantile(d, tc.q); got != tc.want {
			t.Errorf("quantile(%v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	if got := quantile(nil, 0.5); got != 0 {
		t.Errorf("quantile of nothing = %v", got)
	}
	if got := quantile([]time.Duration{7}, 0.999); got != 7 {
		t.Errorf("quantile of one = %v", got)
	}
}

func TestSummarizeCountsEveryOutcome(t *testing.T) {
	r := newRecorder()
	for _, ms := range []int{3, 1, 2} {
		r.ok(time.Duration(ms) * time.Millisecond)
	}
	r.fail("503")
	r.fail("503")
	r.fail("conn")
	r.dropped = 4
	s := r.summarize("open loop", "10 req/s", time.Second)
	if s.Requests != 10 || s.OK != 3 || s.Throughput != 3 || s.Max != 3*time.Millisecond || s.P50 != 2*time.Millisecond {
		t.Errorf("summary %+v", s)
	}
	if got := s.errorText(); got != "503×2 conn×1 dropped×4" {
		t.Errorf("errors %q", got)
	}
	if !strings.Contains(table([]summary{s}), "| open loop | 10 req/s | 10 | 3 req/s | 2.0 ms |") {
		t.Errorf("table:\n%s", table([]summary{s}))
	}
}

func TestDecodeNotes(t *testing.T) {
	src := "{\"id\":\"a\",\"text\":\"one\",\"codes\":[]}\n\n{\"text\":\"two\"}"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(src))
	zw.Close()
	for name, in := range map[string][]byte{"plain": []byte(src), "gzip": gz.Bytes()} {
		got, err := decodeNotes(bytes.NewReader(in), name)
		if err != nil || len(got) != 2 || got[0] != "one" || got[1] != "two" {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	for _, bad := range []string{"{\"text\":\"\"}", "nope", "{\"id\":\"x\"}"} {
		if _, err := decodeNotes(strings.NewReader("{\"text\":\"ok\"}\n"+bad), "f.jsonl"); err == nil || !strings.Contains(err.Error(), "f.jsonl:2") {
			t.Errorf("%q: error %v, want one naming f.jsonl:2", bad, err)
		}
	}
}

func TestLongNoteFitsTheBody(t *testing.T) {
	var notes []string
	for i := range 300 {
		notes = append(notes, strings.Repeat("Pain in the \"left\" knee.\n", 20+i%40))
	}
	for _, kb := range []int{8, 32, 100} {
		n := longNote(notes, kb<<10, rand.New(rand.NewPCG(1, 2)))
		body, _ := json.Marshal(struct {
			Text string `json:"text"`
		}{n})
		if len(body) > kb<<10 || len(body) < kb<<10-2048 {
			t.Errorf("%d KB: body %d bytes, want within 2 KB under %d", kb, len(body), kb<<10)
		}
	}
}

func TestProcStatusKB(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "42"), 0o755)
	os.WriteFile(filepath.Join(root, "42", "status"), []byte("Name:\tmedcode\nVmHWM:\t  300000 kB\nVmRSS:\t  123456 kB\n"), 0o644)
	if got, err := procStatusKB(root, 42, "VmRSS"); err != nil || got != 123456 {
		t.Errorf("VmRSS = %d, %v", got, err)
	}
	if _, err := procStatusKB(root, 42, "VmSwap"); err == nil {
		t.Error("missing key: want an error")
	}
	if _, err := procStatusKB(root, 43, "VmRSS"); err == nil {
		t.Error("missing process: want an error")
	}
}

// TestPidOfPortFindsThisProcess listens on a port and expects /proc to
// name this test process as its holder.
func TestPidOfPortFindsThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	pid, err := pidOfPort("/proc", ln.Addr().(*net.TCPAddr).Port)
	if err != nil || pid != os.Getpid() {
		t.Fatalf("pidOfPort = %d, %v; want %d", pid, err, os.Getpid())
	}
	if kb, err := procStatusKB("/proc", pid, "VmRSS"); err != nil || kb <= 0 {
		t.Errorf("own VmRSS = %d, %v", kb, err)
	}
}

// TestOpenLoopChargesStalls: a server that answers one request at a time,
// each in 20 ms, under 200 req/s falls behind; latencies measured from
// the schedule grow with the queue, far past the 20 ms service time.
func TestOpenLoopChargesStalls(t *testing.T) {
	var busy atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for !busy.CompareAndSwap(0, 1) {
			time.Sleep(100 * time.Microsecond)
		}
		time.Sleep(20 * time.Millisecond)
		busy.Store(0)
		if strings.Contains(r.URL.Path, "suggest") {
			w.Write([]byte(`{}`))
		}
	}))
	defer srv.Close()
	tg, err := newTarget(srv.URL, "", []string{"a note"}, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := openLoop(context.Background(), tg, 200, 300*time.Millisecond, 1000)
	s := rec.summarize("open", "", time.Second)
	if s.OK != 60 || s.Max < 500*time.Millisecond {
		t.Errorf("ok %d, max %v: want 60 answered, the last after queueing ≥ 500 ms", s.OK, s.Max)
	}
	crec, _ := closedLoop(context.Background(), tg, 1, 200*time.Millisecond)
	c := crec.summarize("closed", "", time.Second)
	if c.OK == 0 || c.Max > 200*time.Millisecond {
		t.Errorf("closed loop: ok %d, max %v: want service times near 20 ms", c.OK, c.Max)
	}
}

func TestTargetCountsStatuses(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer k" {
			w.WriteHeader(401)
			return
		}
		if n.Add(1)%2 == 0 {
			w.WriteHeader(503)
		}
	}))
	defer srv.Close()
	tg, _ := newTarget(srv.URL, "k", []string{"x"}, time.Second)
	var got []string
	for range 4 {
		got = append(got, tg.send(context.Background()))
	}
	if strings.Join(got, ",") != ",503,,503" {
		t.Errorf("outcomes %q", got)
	}
	srv.Close()
	if k := tg.send(context.Background()); k != "conn" {
		t.Errorf("closed server: %q, want conn", k)
	}
}

func TestParseFlags(t *testing.T) {
	c, err := parseFlags([]string{"-long", "8, 100", "-mode", "open"}, &bytes.Buffer{})
	if err != nil || len(c.long) != 2 || c.long[1] != 100 || c.cases[0] != "data/evaldata/codiesp/dev.jsonl.gz" {
		t.Errorf("%+v, %v", c, err)
	}
	for _, bad := range [][]string{{"-long", "101"}, {"-mode", "half"}, {"-rate", "0"}, {"extra"}} {
		if _, err := parseFlags(bad, &bytes.Buffer{}); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestProcCPU(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "42"), 0o755)
	// comm with a space and a parenthesis; utime 250, stime 50 ticks.
	stat := "42 (med (load) x) S 1 42 42 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 8 0 100 0 0\n"
	os.WriteFile(filepath.Join(root, "42", "stat"), []byte(stat), 0o644)
	if got, err := procCPU(root, 42); err != nil || got != 3*time.Second {
		t.Errorf("procCPU = %v, %v; want 3s", got, err)
	}
	os.MkdirAll(filepath.Join(root, "43"), 0o755)
	os.WriteFile(filepath.Join(root, "43", "stat"), []byte("43 (x) S 1 2\n"), 0o644)
	if _, err := procCPU(root, 43); err == nil {
		t.Error("short stat: want an error")
	}
	if _, err := procCPU(root, 44); err == nil {
		t.Error("missing process: want an error")
	}
	if d, err := procCPU("/proc", os.Getpid()); err == nil && d < 0 {
		t.Errorf("own CPU %v", d)
	}
}

func TestCPUTextUnknownServer(t *testing.T) {
	s := summary{LoadCPU: 120 * time.Microsecond}
	if got := s.cpuText(); got != "— / 0.12 ms" {
		t.Errorf("cpuText %q", got)
	}
	s.ServerCPU = 2900 * time.Microsecond
	if got := s.cpuText(); got != "2.90 ms / 0.12 ms" {
		t.Errorf("cpuText %q", got)
	}
}

// TestTargetResendsOnClosedKeepAlive: a server that closes each connection
// after one answer (without saying so) leaves a dead idle connection; the
// next send notices before any answer and sends again on a new one. A
// chunked answer is read to its end.
func TestTargetResendsOnClosedKeepAlive(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var served atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				req, err := http.ReadRequest(bufio.NewReader(c))
				if err != nil || req.URL.Path != "/v1/suggest" || req.Header.Get("Content-Type") != "application/json" {
					return
				}
				body, _ := io.ReadAll(req.Body)
				if !json.Valid(body) {
					return
				}
				served.Add(1)
				io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{}\n\r\n0\r\n\r\n")
			}()
		}
	}()
	tg, err := newTarget("http://"+ln.Addr().String(), "", []string{"a", "b"}, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer tg.close()
	for i := range 3 {
		if k := tg.send(context.Background()); k != "" {
			t.Fatalf("send %d: %q", i, k)
		}
		time.Sleep(20 * time.Millisecond) // the server has closed the connection
	}
	if served.Load() != 3 {
		t.Errorf("served %d, want 3", served.Load())
	}
}
