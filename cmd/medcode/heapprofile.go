package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// heapProfileRate is the sampling rate (bytes) of `serve --heap-profile`:
// fine enough to see the engine's small per-code tables, where the
// runtime's default (512 KiB) sees only the large arrays.
const heapProfileRate = 4096

// heapProfile is `serve --heap-profile`: the live heap at shutdown, after
// a collection, for `go tool pprof -sample_index=inuse_space`. It shows
// what serving holds beyond the engine (scratch, caches, the feedback
// store) as well as the engine. The zero path profiles nothing.
type heapProfile struct {
	path string
}

// sample turns sampling up to heapProfileRate; call it before loading, so
// the engine's tables are sampled too.
func (p heapProfile) sample() {
	if p.path != "" {
		runtime.MemProfileRate = heapProfileRate
	}
}

// write collects and writes the profile.
func (p heapProfile) write() error {
	if p.path == "" {
		return nil
	}
	runtime.GC()
	fh, err := os.Create(p.path)
	if err != nil {
		return fmt.Errorf("serve: heap profile: %w", err)
	}
	if err := pprof.Lookup("heap").WriteTo(fh, 0); err != nil {
		fh.Close()
		return fmt.Errorf("serve: heap profile: %w", err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("serve: heap profile: %w", err)
	}
	return nil
}
