package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestHeapProfile: a path gets a non-empty profile; no path writes nothing
// and leaves the sampling rate alone; an unwritable path is an error.
func TestHeapProfile(t *testing.T) {
	rate := runtime.MemProfileRate
	t.Cleanup(func() { runtime.MemProfileRate = rate })
	var none heapProfile
	none.sample()
	if runtime.MemProfileRate != rate {
		t.Errorf("no path: sampling rate %d, want %d", runtime.MemProfileRate, rate)
	}
	if err := none.write(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "heap.prof")
	p := heapProfile{path: path}
	p.sample()
	if runtime.MemProfileRate != heapProfileRate {
		t.Errorf("sampling rate %d, want %d", runtime.MemProfileRate, heapProfileRate)
	}
	if err := p.write(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("profile %v, %v: want a non-empty file", fi, err)
	}
	bad := heapProfile{path: filepath.Join(t.TempDir(), "missing", "heap.prof")}
	if err := bad.write(); err == nil {
		t.Error("unwritable path: want an error")
	}
}
