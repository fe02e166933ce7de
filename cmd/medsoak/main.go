package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"medcode/feedback"
)

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/medcode", "the medcode binary")
	flag.StringVar(&o.data, "data", "data", "data directory passed to medcode")
	flag.DurationVar(&o.duration, "duration", 50*time.Second, "traffic time in all, split between the kill rounds")
	flag.IntVar(&o.kills, "kills", 5, "SIGKILL/restart rounds")
	flag.IntVar(&o.workers, "workers", 4, "concurrent clients")
	flag.DurationVar(&o.loadTimeout, "load-timeout", 90*time.Second, "longest a (re)start may take to become ready")
	flag.Parse()
	r, err := soak(o)
	if r != nil {
		r.print(os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "medsoak:", err)
		os.Exit(1)
	}
	if r.fail() {
		os.Exit(1)
	}
}

type options struct {
	bin, data   string
	duration    time.Duration
	kills       int
	workers     int
	loadTimeout time.Duration
}

// child is one `medcode serve` process.
type child struct {
	cmd  *exec.Cmd
	done chan struct{}
}

// soaker holds the state shared by the workers and the killer.
type soaker struct {
	o      options
	base   string
	key    string
	dir    string
	client *http.Client

	ready    atomic.Bool   // the current child answers /readyz
	inflight atomic.Int64  // feedback requests on the wire
	stop     atomic.Bool   // traffic is over
	gen      atomic.Int64  // children started so far
	gate     chan struct{} // closed while ready; replaced on restart
	gateMu   sync.Mutex

	mu     sync.Mutex
	rep    report
	acked  map[string]bool // idempotency keys the server acknowledged
	nextID atomic.Int64
}

// report is what medsoak prints.
type report struct {
	requests   int
	byClass    map[string]int // good/hostile → answers
	status5xx  int
	transport  int // connection errors (the child was killed)
	unexpected map[string]int
	byCase     map[string]map[string]int // case → status (or "conn") → answers
	examples   []string
	ackedRows  int
	lost       int
	unchecked  int // stored events with codes no code set has
	kills      int
	maxRSSKB   int64
	loads      []time.Duration
	metricsKB  int
	wall       time.Duration
}

func (r *report) fail() bool {
	return r.status5xx > 0 || r.lost > 0 || len(r.unexpected) > 0 || r.unchecked > 0
}

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "medsoak: %s wall, %d SIGKILL/restart rounds, engine (re)loads %v\n", r.wall.Round(time.Second), r.kills, roundAll(r.loads))
	fmt.Fprintf(w, "requests            %d (good %d, hostile %d)\n", r.requests, r.byClass["good"], r.byClass["hostile"])
	names := make([]string, 0, len(r.byCase))
	for k := range r.byCase {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		var parts []string
		for st, n := range r.byCase[k] {
			parts = append(parts, fmt.Sprintf("%s×%d", st, n))
		}
		sort.Strings(parts)
		fmt.Fprintf(w, "  %-46s %s\n", k, strings.Join(parts, " "))
	}
	fmt.Fprintf(w, "5xx                 %d\n", r.status5xx)
	fmt.Fprintf(w, "unexpected answers  %d\n", sum(r.unexpected))
	keys := make([]string, 0, len(r.unexpected))
	for k := range r.unexpected {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-40s %d\n", k, r.unexpected[k])
	}
	for _, e := range r.examples {
		fmt.Fprintf(w, "  e.g. %s\n", e)
	}
	fmt.Fprintf(w, "connection errors   %d (requests in flight at a SIGKILL or during a restart)\n", r.transport)
	fmt.Fprintf(w, "feedback acked      %d rows\n", r.ackedRows)
	fmt.Fprintf(w, "feedback lost       %d\n", r.lost)
	fmt.Fprintf(w, "unchecked codes     %d stored\n", r.unchecked)
	fmt.Fprintf(w, "/metrics size       %d KB at the end\n", r.metricsKB)
	fmt.Fprintf(w, "max RSS             %.1f MB (VmHWM)\n", float64(r.maxRSSKB)/1024)
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(100 * time.Millisecond)
	}
	return out
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func soak(o options) (*report, error) {
	start := time.Now()
	dir, err := os.MkdirTemp("", "medsoak-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var kb [16]byte
	_, _ = rand.Read(kb[:])
	s := &soaker{
		o: o, dir: dir, key: hex.EncodeToString(kb[:]),
		client: &http.Client{Timeout: 20 * time.Second},
		acked:  map[string]bool{},
		gate:   make(chan struct{}),
		rep:    report{byClass: map[string]int{}, unexpected: map[string]int{}, byCase: map[string]map[string]int{}},
	}
	if err := os.WriteFile(filepath.Join(dir, "keys"), []byte(s.key+"\n"), 0o600); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s.base = "http://127.0.0.1:" + strconv.Itoa(port)

	c, err := s.start(port)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	for w := range o.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.work(uint64(w) + 1)
		}()
	}
	round := o.duration / time.Duration(o.kills+1)
	var runErr error
	for k := 0; k <= o.kills; k++ {
		s.sampleRSS(c)
		time.Sleep(round)
		s.sampleRSS(c)
		if k == o.kills {
			break
		}
		// SIGKILL while feedback is being written.
		deadline := time.Now().Add(5 * time.Second)
		for s.inflight.Load() == 0 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		s.setReady(false)
		_ = c.cmd.Process.Signal(syscall.SIGKILL)
		<-c.done
		s.rep.kills++
		if c, err = s.start(port); err != nil {
			runErr = err
			break
		}
	}
	s.stop.Store(true)
	s.setReady(true) // release waiting workers
	wg.Wait()
	if runErr != nil {
		return &s.rep, runErr
	}
	if b, err := s.get("/metrics"); err == nil {
		s.rep.metricsKB = len(b) / 1024
	}
	s.sampleRSS(c)
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(20 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
	if err := s.check(); err != nil {
		return &s.rep, err
	}
	s.rep.wall = time.Since(start)
	return &s.rep, nil
}

// freePort finds a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// start runs medcode serve and waits until it is ready.
func (s *soaker) start(port int) (*child, error) {
	logf, err := os.OpenFile(filepath.Join(s.dir, "serve.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(s.o.bin, "--data", s.o.data, "serve",
		"--addr", "127.0.0.1:"+strconv.Itoa(port),
		"--db", filepath.Join(s.dir, "feedback.db"),
		"--api-key-file", filepath.Join(s.dir, "keys"),
		"--body-timeout", "2s")
	cmd.Stdout, cmd.Stderr = logf, logf
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", s.o.bin, err)
	}
	c := &child{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); logf.Close(); close(c.done) }()
	for time.Since(t0) < s.o.loadTimeout {
		select {
		case <-c.done:
			return nil, fmt.Errorf("medcode serve exited while loading (see its log)")
		case <-time.After(100 * time.Millisecond):
		}
		resp, err := s.client.Get(s.base + "/readyz")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			s.rep.loads = append(s.rep.loads, time.Since(t0))
			s.gen.Add(1)
			s.setReady(true)
			return c, nil
		}
	}
	_ = cmd.Process.Kill()
	<-c.done
	return nil, fmt.Errorf("medcode serve not ready within %v", s.o.loadTimeout)
}

func (s *soaker) setReady(v bool) {
	s.gateMu.Lock()
	defer s.gateMu.Unlock()
	if v == s.ready.Load() {
		return
	}
	s.ready.Store(v)
	if v {
		close(s.gate)
	} else {
		s.gate = make(chan struct{})
	}
}

func (s *soaker) waitReady() {
	s.gateMu.Lock()
	g := s.gate
	s.gateMu.Unlock()
	<-g
}

// sampleRSS records the child's peak resident set (VmHWM).
func (s *soaker) sampleRSS(c *child) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			s.mu.Lock()
			s.rep.maxRSSKB = max(s.rep.maxRSSKB, kb)
			s.mu.Unlock()
		}
	}
}

// check reopens the store and looks for every acknowledged row.
func (s *soaker) check() error {
	st, err := feedback.Open(context.Background(), "sqlite:"+filepath.Join(s.dir, "feedback.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := st.Events(context.Background(), "")
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, e := range evs {
		have[e.Key] = true
		if strings.HasPrefix(e.Code, "ZZZ") {
			s.rep.unchecked++
		}
	}
	s.rep.ackedRows = len(s.acked)
	for k := range s.acked {
		if !have[k] {
			s.rep.lost++
		}
	}
	return nil
}

// record tallies one answer against what the case expects.
func (s *soaker) record(class, name string, status int, err error, want ...int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rep.requests++
	s.rep.byClass[class]++
	if s.rep.byCase[class+" "+name] == nil {
		s.rep.byCase[class+" "+name] = map[string]int{}
	}
	if err != nil {
		s.rep.byCase[class+" "+name]["conn"]++
	} else {
		s.rep.byCase[class+" "+name][strconv.Itoa(status)]++
	}
	if err != nil {
		if s.ready.Load() && !s.stop.Load() && !isConnErr(err) {
			s.rep.unexpected[name+": "+errKind(err)]++
			if len(s.rep.examples) < 5 {
				s.rep.examples = append(s.rep.examples, name+": "+err.Error())
			}
		} else {
			s.rep.transport++
		}
		return false
	}
	if status >= 500 {
		s.rep.status5xx++
	}
	for _, w := range want {
		if status == w {
			return true
		}
	}
	s.rep.unexpected[fmt.Sprintf("%s: %d", name, status)]++
	return false
}

// recordClosed tallies a request the server cut off by closing the
// connection, as it should.
func (s *soaker) recordClosed(class, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rep.requests++
	s.rep.byClass[class]++
	if s.rep.byCase[class+" "+name] == nil {
		s.rep.byCase[class+" "+name] = map[string]int{}
	}
	s.rep.byCase[class+" "+name]["closed"]++
}

func isConnErr(err error) bool {
	var ne net.Error
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.EPIPE) || errors.As(err, &ne) && !ne.Timeout()
}

func errKind(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	return "error"
}

// req is one HTTP request of the corpus.
type req struct {
	method, path string
	body         io.Reader
	hdr          []string // name, value pairs
	noKey        bool
}

func (s *soaker) do(r req) (int, []byte, error) {
	hr, err := http.NewRequest(r.method, s.base+r.path, r.body)
	if err != nil {
		return 0, nil, err
	}
	if r.body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if !r.noKey {
		hr.Header.Set("Authorization", "Bearer "+s.key)
	}
	for i := 0; i+1 < len(r.hdr); i += 2 {
		if r.hdr[i] == "Host" {
			hr.Host = r.hdr[i+1]
			continue
		}
		hr.Header.Set(r.hdr[i], r.hdr[i+1])
	}
	resp, err := s.client.Do(hr)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func (s *soaker) get(path string) ([]byte, error) {
	_, b, err := s.do(req{method: "GET", path: path})
	return b, err
}
