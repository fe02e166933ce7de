package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// recorder gathers the latencies and failures of one run.
type recorder struct {
	mu      sync.Mutex
	lat     []time.Duration // successful requests only
	errs    map[string]int  // "503", "conn", ...
	dropped int             // open loop: sends skipped because too many were in flight
}

func newRecorder() *recorder { return &recorder{errs: map[string]int{}} }

func (r *recorder) ok(d time.Duration) {
	r.mu.Lock()
	r.lat = append(r.lat, d)
	r.mu.Unlock()
}

func (r *recorder) fail(kind string) {
	r.mu.Lock()
	r.errs[kind]++
	r.mu.Unlock()
}

// summary is one run's result.
type summary struct {
	Mode       string         `json:"mode"`
	Target     string         `json:"target"` // "1500 req/s" or "8 clients"
	Requests   int            `json:"requests"`
	OK         int            `json:"ok"`
	Elapsed    time.Duration  `json:"elapsedNs"`
	Throughput float64        `json:"throughput"` // successful requests per second
	P50        time.Duration  `json:"p50Ns"`
	P99        time.Duration  `json:"p99Ns"`
	P999       time.Duration  `json:"p999Ns"`
	Max        time.Duration  `json:"maxNs"`
	Errors     map[string]int `json:"errors"`
	Dropped    int            `json:"dropped"`
	RSS        rssSummary     `json:"rss"`
	// CPU time per request sent (answered or not) of the server (0 when
	// its pid is unknown) and of medload itself: unlike throughput, these
	// hold on a machine shared with other work.
	ServerCPU time.Duration `json:"serverCpuPerRequestNs"`
	LoadCPU   time.Duration `json:"medloadCpuPerRequestNs"`
}

// summarize sorts the latencies and reads the percentiles (nearest rank).
func (r *recorder) summarize(mode, target string, elapsed time.Duration) summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	slices.Sort(r.lat)
	n := len(r.lat)
	s := summary{Mode: mode, Target: target, OK: n, Elapsed: elapsed, Errors: maps.Clone(r.errs), Dropped: r.dropped}
	s.Requests = n + r.dropped
	for _, c := range r.errs {
		s.Requests += c
	}
	if elapsed > 0 {
		s.Throughput = float64(n) / elapsed.Seconds()
	}
	s.P50, s.P99, s.P999 = quantile(r.lat, 0.50), quantile(r.lat, 0.99), quantile(r.lat, 0.999)
	if n > 0 {
		s.Max = r.lat[n-1]
	}
	return s
}

// quantile is the nearest-rank q-quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(k, 0), len(sorted)-1)]
}

// errorText renders errors by kind in a fixed order.
func (s summary) errorText() string {
	if len(s.Errors) == 0 && s.Dropped == 0 {
		return "0"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(s.Errors)) {
		parts = append(parts, fmt.Sprintf("%s×%d", k, s.Errors[k]))
	}
	if s.Dropped > 0 {
		parts = append(parts, fmt.Sprintf("dropped×%d", s.Dropped))
	}
	return strings.Join(parts, " ")
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// table renders summaries as a Markdown table.
func table(ss []summary) string {
	var b strings.Builder
	b.WriteString("| mode | load | requests | throughput | p50 | p99 | p99.9 | max | errors | server RSS start / max / end | CPU a request, server / medload |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range ss {
		fmt.Fprintf(&b, "| %s | %s | %d | %.0f req/s | %s | %s | %s | %s | %s | %s | %s |\n",
			s.Mode, s.Target, s.Requests, s.Throughput, ms(s.P50), ms(s.P99), ms(s.P999), ms(s.Max), s.errorText(), s.RSS, s.cpuText())
	}
	return b.String()
}

// cpuText renders the CPU time a request cost the server and medload.
func (s summary) cpuText() string {
	server := "—"
	if s.ServerCPU > 0 {
		server = fmt.Sprintf("%.2f ms", float64(s.ServerCPU)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%s / %.2f ms", server, float64(s.LoadCPU)/float64(time.Millisecond))
}
