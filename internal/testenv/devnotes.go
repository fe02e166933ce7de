package testenv

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// DevNotes returns the texts of the CodiEsp dev notes, in file order, for
// benchmarks that need realistic notes; it fails when they are missing.
func DevNotes(tb testing.TB) []string {
	tb.Helper()
	fh, err := os.Open(filepath.Join(DataDir(tb), "evaldata", "codiesp", "dev.jsonl.gz"))
	if err != nil {
		tb.Fatalf("testenv: %v (run make data)", err)
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		tb.Fatalf("testenv: dev notes: %v", err)
	}
	var notes []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var c struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatalf("testenv: dev notes line %d: %v", len(notes)+1, err)
		}
		notes = append(notes, c.Text)
	}
	if err := sc.Err(); err != nil || len(notes) == 0 {
		tb.Fatalf("testenv: dev notes: %d read, %v", len(notes), err)
	}
	return notes
}
