package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// procStatusKB reads a "Key:   123 kB" line of /proc/<pid>/status.
func procStatusKB(procRoot string, pid int, key string) (int64, error) {
	fh, err := os.Open(filepath.Join(procRoot, strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, fmt.Errorf("medload: %w", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != key {
			continue
		}
		f := strings.Fields(v)
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("medload: /proc/%d/status: odd %s line %q", pid, key, sc.Text())
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("medload: /proc/%d/status: %s: %w", pid, key, err)
		}
		return n, nil
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("medload: /proc/%d/status: %w", pid, err)
	}
	return 0, fmt.Errorf("medload: /proc/%d/status has no %s", pid, key)
}

// listenInodes returns the socket inodes listening on a TCP port, from
// /proc/net/tcp and tcp6.
func listenInodes(procRoot string, port int) (map[string]bool, error) {
	out := map[string]bool{}
	hexPort := fmt.Sprintf("%04X", port)
	for _, f := range []string{"net/tcp", "net/tcp6"} {
		b, err := os.ReadFile(filepath.Join(procRoot, f))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("medload: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
			fs := strings.Fields(line)
			if len(fs) < 10 || fs[3] != "0A" { // 0A: LISTEN
				continue
			}
			if _, p, ok := strings.Cut(fs[1], ":"); ok && p == hexPort {
				out[fs[9]] = true
			}
		}
	}
	return out, nil
}

// pidOfPort finds the process holding the socket listening on port.
func pidOfPort(procRoot string, port int) (int, error) {
	inodes, err := listenInodes(procRoot, port)
	if err != nil {
		return 0, err
	}
	if len(inodes) == 0 {
		return 0, fmt.Errorf("medload: nothing listens on port %d", port)
	}
	dirs, err := os.ReadDir(procRoot)
	if err != nil {
		return 0, fmt.Errorf("medload: %w", err)
	}
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		fds, err := os.ReadDir(filepath.Join(procRoot, d.Name(), "fd"))
		if err != nil {
			continue // gone, or not ours to read
		}
		for _, fd := range fds {
			link, err := os.Readlink(filepath.Join(procRoot, d.Name(), "fd", fd.Name()))
			if err == nil && strings.HasPrefix(link, "socket:[") && inodes[strings.TrimSuffix(strings.TrimPrefix(link, "socket:["), "]")] {
				return pid, nil
			}
		}
	}
	return 0, fmt.Errorf("medload: no readable process holds the socket on port %d", port)
}

// rssSummary is the server's resident memory over a run, in MB.
type rssSummary struct {
	Start, Max, End float64
	Known           bool
}

func (r rssSummary) String() string {
	if !r.Known {
		return "—"
	}
	return fmt.Sprintf("%.0f / %.0f / %.0f MB", r.Start, r.Max, r.End)
}

// rssSampler reads a process's VmRSS every interval until stopped.
type rssSampler struct {
	procRoot string
	pid      int
	mu       sync.Mutex
	sum      rssSummary
}

func (s *rssSampler) sample() {
	kb, err := procStatusKB(s.procRoot, s.pid, "VmRSS")
	if err != nil {
		return
	}
	mb := float64(kb) / 1024
	s.mu.Lock()
	if !s.sum.Known {
		s.sum = rssSummary{Start: mb, Max: mb, Known: true}
	}
	s.sum.Max = max(s.sum.Max, mb)
	s.sum.End = mb
	s.mu.Unlock()
}

// run samples until ctx ends, then returns the summary.
func (s *rssSampler) run(ctx context.Context, every time.Duration) rssSummary {
	if s == nil || s.pid == 0 {
		return rssSummary{}
	}
	s.sample()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.sample()
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.sum
		case <-t.C:
			s.sample()
		}
	}
}
