package server

import (
	"context"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// deadline bounds each request by the request timeout.
//
// The bound is a requestDeadline, not context.WithTimeout: that one
// starts a timer and registers with the request's context every request
// (some 5K instructions and five allocations), while a suggest request
// only asks its context's Err, which a deadline answers from the clock. A
// timer is started only when something waits on Done (a note queued for
// an engine slot, the feedback store), and then it is WithDeadline's own.
func (s *Server) deadline(c *gin.Context) {
	parent := c.Request.Context()
	if _, ok := parent.Deadline(); ok { // an earlier bound may hold: WithTimeout's rule
		ctx, cancel := context.WithTimeout(parent, s.timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
		return
	}
	d := &requestDeadline{Context: parent, at: time.Now().Add(s.timeout)}
	defer d.finish()
	c.Request = c.Request.WithContext(d)
	c.Next()
}

// requestDeadline is its parent context (one without a deadline) bounded
// by the time at, as context.WithDeadline(parent, at) is: Deadline is at,
// Err is the parent's error or, from at on, DeadlineExceeded, and Canceled
// once finished; Done closes on any of these. Without a caller of Done it
// holds no timer: Err reads the clock. The first Done makes the
// WithDeadline context it waits on. An error, once seen, stays.
type requestDeadline struct {
	context.Context // the parent: its values
	at              time.Time
	mu              sync.Mutex
	timed           context.Context    // WithDeadline(parent, at), made by the first Done
	stop            context.CancelFunc // timed's cancel
	err             error              // the error once seen
}

// Deadline returns at.
func (d *requestDeadline) Deadline() (time.Time, bool) { return d.at, true }

// Done returns a channel closed once Err is not nil.
func (d *requestDeadline) Done() <-chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timed == nil {
		d.timed, d.stop = context.WithDeadline(d.Context, d.at)
		if d.err != nil { // seen before: closed at once
			d.stop()
		}
	}
	return d.timed.Done()
}

// Err returns nil before at while the parent lives, else why not.
func (d *requestDeadline) Err() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case d.err != nil:
	case d.timed != nil:
		d.err = d.timed.Err()
	default:
		if d.err = d.Context.Err(); d.err == nil && !time.Now().Before(d.at) {
			d.err = context.DeadlineExceeded
		}
	}
	return d.err
}

// finish ends the request's bound, as WithTimeout's cancel: Err is
// Canceled unless already set, Done closed and the timer stopped.
func (d *requestDeadline) finish() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.err = context.Canceled
	}
	if d.stop != nil {
		d.stop()
	}
}
