package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// userHZ is the unit of the CPU times in /proc/<pid>/stat (USER_HZ, 100
// on every Linux ABI).
const userHZ = 100

// procCPU reads a process's CPU time so far (user + system) from
// /proc/<pid>/stat.
func procCPU(procRoot string, pid int) (time.Duration, error) {
	b, err := os.ReadFile(filepath.Join(procRoot, strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, fmt.Errorf("medload: %w", err)
	}
	// pid (comm) state ppid ...: comm may hold spaces and parentheses, so
	// the fields start after the last ')'. utime and stime are fields 14
	// and 15, the 12th and 13th after comm.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, fmt.Errorf("medload: /proc/%d/stat: no command field", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("medload: /proc/%d/stat: %d fields", pid, len(f))
	}
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("medload: /proc/%d/stat: %w", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / userHZ, nil
}

// selfCPU is this process's CPU time so far (user + system).
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuMeter measures the CPU time the server (when its pid is known) and
// this load generator spend over a run.
type cpuMeter struct {
	procRoot     string
	pid          int
	server, self time.Duration
	serverOK     bool
}

func startCPU(procRoot string, pid int) *cpuMeter {
	m := &cpuMeter{procRoot: procRoot, pid: pid, self: selfCPU()}
	if pid != 0 {
		if d, err := procCPU(procRoot, pid); err == nil {
			m.server, m.serverOK = d, true
		}
	}
	return m
}

// perRequest returns the CPU time each of n requests cost the server (0
// when unknown) and this process.
func (m *cpuMeter) perRequest(n int) (server, self time.Duration) {
	if n <= 0 {
		return 0, 0
	}
	self = (selfCPU() - m.self) / time.Duration(n)
	if m.serverOK {
		if d, err := procCPU(m.procRoot, m.pid); err == nil {
			server = (d - m.server) / time.Duration(n)
		}
	}
	return server, self
}
