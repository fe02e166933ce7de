package server

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// ErrOverloaded is returned when a note cannot get an engine slot: the
// queue in front of the engine is full, or the note waited longer than the
// queue wait. The server answers 503 with Retry-After at once, so the notes
// it does serve keep a bounded latency and the memory of a bounded number
// of requests in flight, rather than queueing without limit past capacity.
var ErrOverloaded = errors.New("server: overloaded")

// admission bounds the engine calls running at once (slots) and the notes
// waiting for one (queue). A batch note waits for a slot without the queue
// bound: the batch as a whole was admitted, and its notes run at most
// GOMAXPROCS at a time anyway.
//
// Long notes (longSize bytes or more) also hold a token of the long lane,
// which has one token fewer than there are slots: however many long notes
// arrive, one slot stays free for the ordinary ones, so a 2 KB note never
// queues behind long notes on every slot (a 100 KB note takes tens of
// milliseconds; a 2 KB note about one).
type admission struct {
	slots    chan struct{}
	long     chan struct{} // nil: one slot, or no long lane
	longSize int
	waiting  atomic.Int64
	maxQueue int64         // < 0: no bound
	wait     time.Duration // < 0: no bound
}

// Default admission bounds (Options.MaxConcurrent, MaxQueue, QueueWait,
// LongNote).
const (
	queuePerSlot     = 8
	defaultQueueWait = time.Second
	defaultLongNote  = 16 << 10
)

func newAdmission(concurrent, queue int, wait time.Duration, longNote int) *admission {
	if queue == 0 {
		queue = queuePerSlot * concurrent
	}
	if wait == 0 {
		wait = defaultQueueWait
	}
	if longNote == 0 {
		longNote = defaultLongNote
	}
	a := &admission{slots: make(chan struct{}, concurrent), maxQueue: int64(queue), wait: wait, longSize: longNote}
	if concurrent > 1 && longNote > 0 {
		a.long = make(chan struct{}, concurrent-1)
	}
	return a
}

// acquire takes an engine slot (and, for a note of size bytes at least
// longSize, a long-lane token first), or fails with ErrOverloaded (queued
// is false, or the queue is full, or the wait ran out) or ctx's error. The
// returned release gives back what was taken.
func (a *admission) acquire(ctx context.Context, queued bool, size int) (release func(), err error) {
	if a.long == nil || size < a.longSize {
		return a.take(ctx, queued, a.slots, a.wait, a.release)
	}
	relLong := func() { <-a.long }
	start := time.Now()
	if _, err := a.take(ctx, queued, a.long, a.wait, relLong); err != nil {
		return nil, err
	}
	wait := a.wait // the slot's wait is what the lane left of it
	if wait >= 0 {
		wait = max(wait-time.Since(start), 0)
	}
	if _, err := a.take(ctx, queued, a.slots, wait, a.release); err != nil {
		relLong()
		return nil, err
	}
	return func() { a.release(); relLong() }, nil
}

// take takes a token of ch, waiting at most wait (< 0: no bound) unless
// queued, as acquire says.
func (a *admission) take(ctx context.Context, queued bool, ch chan struct{}, wait time.Duration, release func()) (func(), error) {
	select {
	case ch <- struct{}{}:
		return release, nil
	default:
	}
	if queued {
		return a.waitFor(ctx, ch, -1, release)
	}
	if n := a.waiting.Add(1); a.maxQueue >= 0 && n > a.maxQueue {
		a.waiting.Add(-1)
		return nil, fmt.Errorf("%w: %d notes already wait for the engine", ErrOverloaded, a.maxQueue)
	}
	defer a.waiting.Add(-1)
	return a.waitFor(ctx, ch, wait, release)
}

func (a *admission) waitFor(ctx context.Context, ch chan struct{}, wait time.Duration, release func()) (func(), error) {
	var timeout <-chan time.Time
	if wait >= 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case ch <- struct{}{}:
		return release, nil
	case <-timeout:
		return nil, fmt.Errorf("%w: no engine slot within %v", ErrOverloaded, a.wait)
	case <-ctx.Done():
		return nil, fmt.Errorf("server: waiting for the engine: %w", ctx.Err())
	}
}

func (a *admission) release() { <-a.slots }

// queued is how many notes wait for an engine slot now.
func (a *admission) queued() int64 { return a.waiting.Load() }
