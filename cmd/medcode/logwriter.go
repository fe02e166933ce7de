package main

import (
	"io"
	"sync"
	"time"
)

// logWriter is the server log's output: the lines its handler writes are
// gathered and written at once, logFlushDelay after the first of them or
// when logBufferSize is reached, and on Close. The server logs a line a
// request: written one by one, each was a write system call of its own
// (0.3% of the server's CPU under make load).
//
// A line written after Close goes straight through. A crash loses the
// lines of the last logFlushDelay; a shutdown (serve returning) flushes
// them.
type logWriter struct {
	w     io.Writer
	delay time.Duration

	mu     sync.Mutex
	buf    []byte
	timer  *time.Timer // flushes buf; armed when buf turns non-empty
	armed  bool
	closed bool
	err    error // the first write error, returned by Close
}

// logBufferSize is the most a logWriter gathers before it writes: about
// 150 access lines.
const logBufferSize = 32 << 10

// logFlushDelay is the longest a gathered line waits to be written.
const logFlushDelay = 100 * time.Millisecond

// newLogWriter returns a logWriter to w, writing lines at most delay after
// they are gathered.
func newLogWriter(w io.Writer, delay time.Duration) *logWriter {
	return &logWriter{w: w, delay: delay}
}

// Write gathers p (a whole line: slog writes each record at once). It
// never fails: a write error is kept for Close.
func (l *logWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return l.w.Write(p)
	}
	if len(l.buf)+len(p) > logBufferSize {
		l.flushLocked()
	}
	if len(p) > logBufferSize {
		l.write(p)
		return len(p), nil
	}
	l.buf = append(l.buf, p...)
	if !l.armed {
		l.armed = true
		if l.timer == nil {
			l.timer = time.AfterFunc(l.delay, l.flush)
		} else {
			l.timer.Reset(l.delay)
		}
	}
	return len(p), nil
}

// flush writes what is gathered (the timer's function).
func (l *logWriter) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.armed = false
	l.flushLocked()
}

// flushLocked writes what is gathered, l.mu held.
func (l *logWriter) flushLocked() {
	if len(l.buf) > 0 {
		l.write(l.buf)
		l.buf = l.buf[:0]
	}
}

// write writes p to the output, keeping the first error.
func (l *logWriter) write(p []byte) {
	if _, err := l.w.Write(p); err != nil && l.err == nil {
		l.err = err
	}
}

// Close writes what is gathered and stops gathering: later lines go
// straight through. It returns the first write error.
func (l *logWriter) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.timer != nil {
		l.timer.Stop()
	}
	l.flushLocked()
	l.closed = true
	return l.err
}
