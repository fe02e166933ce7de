package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
)

// TestCPUProfile: a path gets a profile written at stop; no path writes
// nothing; stop without start, or twice, is harmless.
func TestCPUProfile(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var none cpuProfile
	if err := none.start(); err != nil {
		t.Fatal(err)
	}
	none.stop(log)
	path := filepath.Join(t.TempDir(), "cpu.prof")
	p := &cpuProfile{path: path}
	if err := p.start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1e6; i++ {
		_ = filepath.Join("a", "b")
	}
	p.stop(log)
	p.stop(log)
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("profile %v, %v: want a non-empty file", fi, err)
	}
	bad := &cpuProfile{path: filepath.Join(t.TempDir(), "missing", "cpu.prof")}
	if err := bad.start(); err == nil {
		t.Error("unwritable path: want an error")
	}
}
