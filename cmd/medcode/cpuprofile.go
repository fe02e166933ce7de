package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/pprof"
	"sync"
)

// cpuProfile is `serve --cpu-profile`: a CPU profile of serving, started
// once the engine is warm (so loading does not drown the requests) and
// written at shutdown. The zero path profiles nothing.
type cpuProfile struct {
	path string
	mu   sync.Mutex
	fh   *os.File
}

func (p *cpuProfile) start() error {
	if p.path == "" {
		return nil
	}
	fh, err := os.Create(p.path)
	if err != nil {
		return fmt.Errorf("serve: cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(fh); err != nil {
		fh.Close()
		return fmt.Errorf("serve: cpu profile: %w", err)
	}
	p.mu.Lock()
	p.fh = fh
	p.mu.Unlock()
	return nil
}

// stop ends the profile, if one runs, and closes its file.
func (p *cpuProfile) stop(log *slog.Logger) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fh == nil {
		return
	}
	pprof.StopCPUProfile()
	if err := p.fh.Close(); err != nil {
		log.Error("cpu profile", "err", err)
	}
	p.fh = nil
}
