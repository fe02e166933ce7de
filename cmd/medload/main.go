// Command medload puts a running `medcode serve` under load from its own
// process, with varied notes, and reports what the server sustained.
//
//	medload [-url http://127.0.0.1:8080] [-cases FILE ...] [-long 8,32,100]
//	        [-rate 1500] [-clients 8] [-duration 20s] [-mode both]
//	        [-pid N] [-server "bin/medcode serve --addr 127.0.0.1:18080"]
//
// The notes are every line of the cases files (JSONL with a "text", gzip'd
// or not; CodiEsp dev by default) plus synthetic long notes of the given
// sizes in KB, built by joining cases (100 KB is the engine's limit). The
// open loop sends -rate requests a second on a fixed schedule and measures
// each latency from the request's scheduled send time, so a stalled server
// is charged for the queue behind the stall; the closed loop runs -clients
// back-to-back clients. Both report throughput, p50/p99/p99.9/max,
// errors by HTTP status, the server's resident memory, read from
// /proc/<pid>/status (the pid from -pid, the -server child, or the process
// listening on the URL's port), and the CPU time a request cost the server
// (/proc/<pid>/stat) and medload itself.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// config is the command line.
type config struct {
	url         string
	key         string
	cases       []string
	long        []int // KB
	mode        string
	rate        float64
	clients     int
	duration    time.Duration
	warmup      time.Duration
	maxInFlight int
	timeout     time.Duration
	pid         int
	server      string
	serverLog   string
	asJSON      bool
	seed        uint64
	cpuProfile  string
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("medload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cases listFlag
	var long string
	fs.StringVar(&c.url, "url", "http://127.0.0.1:8080", "base URL of the medcode server")
	fs.StringVar(&c.key, "api-key", "", "API key sent as a bearer token")
	fs.Var(&cases, "cases", "JSONL cases file of notes (repeatable; default data/evaldata/codiesp/dev.jsonl.gz)")
	fs.StringVar(&long, "long", "8,32,100", "sizes in KB of synthetic long notes added to the mix, as request bodies (100 = the server's body limit; \"\" for none)")
	fs.StringVar(&c.mode, "mode", "both", "open, closed or both")
	fs.Float64Var(&c.rate, "rate", 1500, "open loop: requests a second")
	fs.IntVar(&c.clients, "clients", 8, "closed loop: concurrent clients")
	fs.DurationVar(&c.duration, "duration", 20*time.Second, "length of each measured run")
	fs.DurationVar(&c.warmup, "warmup", 3*time.Second, "closed-loop warm-up before the runs, not measured")
	fs.IntVar(&c.maxInFlight, "max-in-flight", 2000, "open loop: outstanding requests beyond which a due send is dropped")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "per-request client timeout")
	fs.IntVar(&c.pid, "pid", 0, "server process id for RSS (default: the -server child, or the process on the URL's port)")
	fs.StringVar(&c.server, "server", "", "start this server command line as a child, wait for /readyz, and stop it after the runs")
	fs.StringVar(&c.serverLog, "server-log", "", "file for the child server's log (default discarded)")
	fs.BoolVar(&c.asJSON, "json", false, "print the summaries as JSON instead of a table")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the note order and the long notes")
	fs.StringVar(&c.cpuProfile, "cpu-profile", "", "write a CPU profile of this load generator's measured runs to this file")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("medload: unexpected arguments %q", fs.Args())
	}
	c.cases = cases
	if len(c.cases) == 0 {
		c.cases = []string{"data/evaldata/codiesp/dev.jsonl.gz"}
	}
	for _, s := range strings.Split(long, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		kb, err := strconv.Atoi(s)
		if err != nil || kb <= 0 || kb > 100 {
			return c, fmt.Errorf("medload: -long %q: want sizes in KB, 1..100", s)
		}
		c.long = append(c.long, kb)
	}
	switch {
	case c.mode != "open" && c.mode != "closed" && c.mode != "both":
		return c, fmt.Errorf("medload: -mode %q: want open, closed or both", c.mode)
	case c.rate <= 0 || c.clients <= 0 || c.duration <= 0 || c.maxInFlight <= 0:
		return c, errors.New("medload: -rate, -clients, -duration and -max-in-flight must be positive")
	}
	return c, nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	var notes []string
	for _, f := range c.cases {
		n, err := readNotes(f)
		if err != nil {
			return err
		}
		notes = append(notes, n...)
	}
	rng := rand.New(rand.NewPCG(c.seed, 8))
	base := len(notes)
	for _, kb := range c.long {
		notes = append(notes, longNote(notes[:base], kb<<10, rng))
	}
	notes = mix(notes, c.seed)
	fmt.Fprintf(stderr, "medload: %s\n", sizeSummary(notes))

	u, err := url.Parse(c.url)
	if err != nil || u.Port() == "" && c.pid == 0 && c.server == "" {
		return fmt.Errorf("medload: -url %q: want http://host:port", c.url)
	}
	pid := c.pid
	if c.server != "" {
		child, err := startServer(ctx, c.server, c.serverLog)
		if err != nil {
			return err
		}
		defer child.stop(stderr)
		if pid == 0 {
			pid = child.cmd.Process.Pid
		}
		// A child that exits (a taken port, missing data) ends the wait.
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		go func() {
			select {
			case <-child.exited:
				cancel()
			case <-ctx.Done():
			}
		}()
	}
	if err := waitReady(ctx, c.url, 2*time.Minute); err != nil {
		return err
	}
	if pid == 0 {
		port, _ := strconv.Atoi(u.Port())
		if pid, err = pidOfPort("/proc", port); err != nil {
			fmt.Fprintf(stderr, "%v: server RSS not reported\n", err)
		}
	}
	t, err := newTarget(strings.TrimSuffix(c.url, "/"), c.key, notes, c.timeout)
	if err != nil {
		return err
	}
	defer t.close()
	if c.warmup > 0 {
		closedLoop(ctx, t, c.clients, c.warmup)
	}
	if c.cpuProfile != "" {
		fh, err := os.Create(c.cpuProfile)
		if err != nil {
			return fmt.Errorf("medload: %w", err)
		}
		defer fh.Close()
		if err := pprof.StartCPUProfile(fh); err != nil {
			return fmt.Errorf("medload: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	var out []summary
	measure := func(mode, load string, f func() (*recorder, time.Duration)) {
		sctx, cancel := context.WithCancel(ctx)
		rss := make(chan rssSummary, 1)
		go func() { rss <- (&rssSampler{procRoot: "/proc", pid: pid}).run(sctx, 250*time.Millisecond) }()
		cpu := startCPU("/proc", pid)
		rec, elapsed := f()
		cancel()
		s := rec.summarize(mode, load, elapsed)
		s.ServerCPU, s.LoadCPU = cpu.perRequest(s.Requests - s.Dropped)
		s.RSS = <-rss
		out = append(out, s)
		fmt.Fprintf(stderr, "medload: %s %s: %.0f req/s, p99 %s\n", mode, load, s.Throughput, ms(s.P99))
	}
	if c.mode != "closed" && ctx.Err() == nil {
		measure("open loop", fmt.Sprintf("%.0f req/s", c.rate), func() (*recorder, time.Duration) {
			return openLoop(ctx, t, c.rate, c.duration, c.maxInFlight)
		})
	}
	if c.mode != "open" && ctx.Err() == nil {
		measure("closed loop", fmt.Sprintf("%d clients", c.clients), func() (*recorder, time.Duration) {
			return closedLoop(ctx, t, c.clients, c.duration)
		})
	}
	if c.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	_, err = io.WriteString(stdout, table(out))
	return err
}

// child is a server started by medload.
type child struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed when the child has exited; err is then set
	err    error
}

func startServer(ctx context.Context, cmdline, logPath string) (*child, error) {
	argv := strings.Fields(cmdline)
	if len(argv) == 0 {
		return nil, errors.New("medload: -server is empty")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	if logPath != "" {
		fh, err := os.Create(logPath)
		if err != nil {
			return nil, fmt.Errorf("medload: %w", err)
		}
		cmd.Stdout, cmd.Stderr = fh, fh
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("medload: start server: %w", err)
	}
	c := &child{cmd: cmd, exited: make(chan struct{})}
	go func() { c.err = cmd.Wait(); close(c.exited) }()
	return c, nil
}

// stop asks the child to shut down (SIGTERM), killing it after 20 s.
func (c *child) stop(stderr io.Writer) {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.exited:
		if c.err != nil {
			fmt.Fprintf(stderr, "medload: server exited: %v\n", c.err)
		}
	case <-time.After(20 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.exited
		fmt.Fprintln(stderr, "medload: server killed after 20 s")
	}
	if f, ok := c.cmd.Stderr.(*os.File); ok {
		f.Close()
	}
}

// waitReady polls /readyz until it answers 200.
func waitReady(ctx context.Context, base string, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(base, "/")+"/readyz", nil)
		if err != nil {
			return fmt.Errorf("medload: %w", err)
		}
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("medload: %s not ready: %w", base, context.Cause(ctx))
		case <-time.After(100 * time.Millisecond):
		}
	}
}
