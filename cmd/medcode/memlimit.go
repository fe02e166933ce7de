package main

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// parseMemoryLimit reads a size in GOMEMLIMIT's syntax: a non-negative
// integer with an optional unit B, KiB, MiB, GiB or TiB ("250MiB"), or
// "off" for no limit (math.MaxInt64).
func parseMemoryLimit(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "off" {
		return math.MaxInt64, nil
	}
	num, shift := s, uint(0)
	units := []struct { // the suffixes GOMEMLIMIT accepts, longest first
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			num, shift = strings.TrimSuffix(s, u.suffix), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("memory limit %q: want a size such as 300MiB (units B, KiB, MiB, GiB, TiB) or off", s)
	}
	if n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("memory limit %q: too large", s)
	}
	return n << shift, nil
}

// autoLimit is --memory-limit's default: the limit is set once the engine
// has loaded and warmed, to the heap it holds then plus autoHeadroom. The
// headroom is for the garbage of the notes in flight, the scratch of the
// long note being coded, and the per-code tables that keep filling after
// the warm-up, so it is a fixed amount rather than a multiple of the heap.
// 128 MiB (~227 MiB with the ~99 MiB warmed heap) keeps RSS under 300 MB
// on make load's mix: measured on 2 cores against 256 MiB (~353 MiB),
// closed loop 8 clients 1,181-1,278 req/s against 1,236-1,329, open loop
// 450 req/s p99 7.6-9.6 ms against 6.7-7.9 ms, RSS 262-276 MB against
// 366-408 MB. It held once the server kept one long note's scratch
// instead of a pool of them (suggest/work.go): with ~15 MB more live heap
// under load, 223 MiB cost the open loop p99 24-30 ms and shed answers.
// Past 450 req/s the tail still pays: 600 req/s p99 14-20 ms with 2-15
// answers shed, against 7.4 ms at 256 MiB; a larger --memory-limit buys
// it back with memory. A limit close to the live heap makes the collector
// run almost back to back.
const (
	autoLimit    = "auto"
	autoHeadroom = 128 << 20
)

// loadGCPercent is the collector's target while the engine loads and
// warms; the serving target (--gc-percent, 400 by default) is set once it
// is ready. Loading allocates the code sets, index and tables beside the
// garbage of parsing them; at 400% that garbage stayed resident until the
// first collection past ~5 times the live heap: serve peaked at ~510 MB
// RSS while loading an engine of ~125 MB, ~270 MB at 100%.
const loadGCPercent = 100

// gcPercent is the collector's target of serve: the loading target
// until the engine is ready, then the serving one.
type gcPercent struct {
	serve int
	set   bool // false: GOGC is set, or --gc-percent 0; the runtime's is left alone
}

// applyGCPercent sets the loading target for a serving target of flag
// (--gc-percent): loadGCPercent, or flag when lower. GOGC, when set,
// wins, as does 0.
func applyGCPercent(flag int) gcPercent {
	if _, set := os.LookupEnv("GOGC"); set || flag == 0 {
		return gcPercent{}
	}
	debug.SetGCPercent(min(flag, loadGCPercent))
	return gcPercent{serve: flag, set: true}
}

// serving sets the serving target.
func (g gcPercent) serving() {
	if g.set {
		debug.SetGCPercent(g.serve)
	}
}

// autoMemoryLimit is the "auto" limit for a heap of heapInUse bytes after
// loading and warming.
func autoMemoryLimit(heapInUse uint64) int64 {
	return int64(heapInUse) + autoHeadroom
}

// applyMemoryLimit sets the runtime's soft memory limit from a flag value
// unless GOMEMLIMIT is set ("" leaves the runtime's default; "auto" is set
// later, by the caller, from the loaded heap: auto reports true). It
// reports the limit in force.
func applyMemoryLimit(flag string) (limit int64, auto bool, err error) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set || flag == "" {
		return debug.SetMemoryLimit(-1), false, nil
	}
	if flag == autoLimit {
		return debug.SetMemoryLimit(-1), true, nil
	}
	n, err := parseMemoryLimit(flag)
	if err != nil {
		return 0, false, usageError(fmt.Errorf("serve: --memory-limit: %w", err))
	}
	debug.SetMemoryLimit(n)
	return n, false, nil
}
