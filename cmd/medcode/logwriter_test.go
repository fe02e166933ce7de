package main

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the timer's concurrent writes,
// counting them.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.writes++
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestLogWriterGathers: lines are written together, in order, after the
// delay, when the buffer fills, and on Close; lines after Close go
// straight through; a line larger than the buffer is written whole.
func TestLogWriterGathers(t *testing.T) {
	var out lockedBuffer
	l := newLogWriter(&out, 20*time.Millisecond)
	var want strings.Builder
	line := func(s string) {
		t.Helper()
		if n, err := l.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
		want.WriteString(s)
	}
	line("a=1\n")
	line("b=2\n")
	if out.String() != "" {
		t.Fatalf("written before the delay: %q", out.String())
	}
	for deadline := time.Now().Add(5 * time.Second); out.String() != want.String(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after the delay: %q, want %q", out.String(), want.String())
		}
	}
	if out.writes != 1 {
		t.Errorf("two lines took %d writes", out.writes)
	}
	// A full buffer is written before the line that does not fit:
	long := strings.Repeat("x", logBufferSize/3) + "\n"
	for range 4 {
		line(long)
	}
	// the third finds two in it and writes them, the fourth waits with it.
	if got := out.String(); got != want.String()[:len(want.String())-2*len(long)] {
		t.Errorf("full buffer not written: %d of %d bytes", len(got), len(want.String()))
	}
	line(strings.Repeat("y", logBufferSize+1) + "\n")
	line("c=3\n")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != want.String() {
		t.Fatalf("after Close: %d bytes, want %d", len(out.String()), len(want.String()))
	}
	line("d=4\n")
	if out.String() != want.String() {
		t.Errorf("a line after Close is not written at once")
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestLogWriterError: a write error is kept for Close.
func TestLogWriterError(t *testing.T) {
	l := newLogWriter(failWriter{}, time.Hour)
	if _, err := l.Write([]byte("a\n")); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close = %v, want the write error", err)
	}
}
