// Package testenv locates the data a test needs: the repository root and the
// data directory prepared by `make data`. Tests fail, never skip, when the
// data is missing, so CI cannot pass without it.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root (the directory holding go.mod).
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("testenv: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatalf("testenv: no go.mod above the test directory")
		}
		dir = parent
	}
}

// DataDir returns the data directory ($MEDCODE_DATA or <root>/data) and
// fails the test with a clear message when its code sets are missing.
func DataDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("MEDCODE_DATA")
	if dir == "" {
		dir = filepath.Join(Root(tb), "data")
	}
	if _, err := os.Stat(filepath.Join(dir, "codesets", "icd10cm")); err != nil {
		tb.Fatalf("testenv: code sets missing under %s (run `make data`, which needs ../shared/codesets or the network): %v", dir, err)
	}
	return dir
}

// SharedDir returns ../shared beside the repository ($MEDCODE_SHARED
// overrides) and fails when it is absent.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("MEDCODE_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(tb), "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("testenv: shared data folder missing: %v", err)
	}
	return dir
}
