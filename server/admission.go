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
type admission struct {
	slots    chan struct{}
	waiting  atomic.Int64
	maxQueue int64         // < 0: no bound
	wait     time.Duration // < 0: no bound
	// releaseSlot is release, made once: a method value made in acquire
	// is an allocation a request.
	releaseSlot func()
}

// Default admission bounds (Options.MaxConcurrent, MaxQueue, QueueWait).
const (
	queuePerSlot     = 8
	defaultQueueWait = time.Second
)

func newAdmission(concurrent, queue int, wait time.Duration) *admission {
	if queue == 0 {
		queue = queuePerSlot * concurrent
	}
	if wait == 0 {
		wait = defaultQueueWait
	}
	a := &admission{slots: make(chan struct{}, concurrent), maxQueue: int64(queue), wait: wait}
	a.releaseSlot = a.release
	return a
}

// acquire takes an engine slot, or fails with ErrOverloaded (queued is
// false, or the queue is full, or the wait ran out) or ctx's error. The
// returned release gives the slot back.
func (a *admission) acquire(ctx context.Context, queued bool) (release func(), err error) {
	select {
	case a.slots <- struct{}{}:
		return a.releaseSlot, nil
	default:
	}
	if queued {
		return a.waitFor(ctx, -1)
	}
	if n := a.waiting.Add(1); a.maxQueue >= 0 && n > a.maxQueue {
		a.waiting.Add(-1)
		return nil, fmt.Errorf("%w: %d notes already wait for the engine", ErrOverloaded, a.maxQueue)
	}
	defer a.waiting.Add(-1)
	return a.waitFor(ctx, a.wait)
}

func (a *admission) waitFor(ctx context.Context, wait time.Duration) (func(), error) {
	var timeout <-chan time.Time
	if wait >= 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case a.slots <- struct{}{}:
		return a.releaseSlot, nil
	case <-timeout:
		return nil, fmt.Errorf("%w: no engine slot within %v", ErrOverloaded, wait)
	case <-ctx.Done():
		return nil, fmt.Errorf("server: waiting for the engine: %w", ctx.Err())
	}
}

func (a *admission) release() { <-a.slots }

// queued is how many notes wait for an engine slot now.
func (a *admission) queued() int64 { return a.waiting.Load() }
