package server

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestRequestDeadlineAgrees holds requestDeadline to
// context.WithDeadline over the same parent and deadline: its deadline,
// the parent's values, Err and Done before and after the deadline, with
// Done asked before it passes or only after, a parent cancelled first,
// and finish as the cancel function.
func TestRequestDeadlineAgrees(t *testing.T) {
	type key struct{}
	const wait = 30 * time.Millisecond
	for _, tc := range []struct {
		name        string
		doneFirst   bool // ask Done before the deadline
		cancelFirst bool // cancel the parent before the deadline
		finishFirst bool // finish (cancel) before the deadline
	}{
		{name: "expires"},
		{name: "expires-waited", doneFirst: true},
		{name: "parent-cancelled", cancelFirst: true},
		{name: "parent-cancelled-waited", cancelFirst: true, doneFirst: true},
		{name: "finished", finishFirst: true},
		{name: "finished-waited", finishFirst: true, doneFirst: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent, cancelParent := context.WithCancel(context.WithValue(context.Background(), key{}, "v"))
			defer cancelParent()
			at := time.Now().Add(wait)
			want, cancelWant := context.WithDeadline(parent, at)
			defer cancelWant()
			d := &requestDeadline{Context: parent, at: at}
			defer d.finish()
			check := func(when string) {
				t.Helper()
				if got, ok := d.Deadline(); !ok || !got.Equal(at) {
					t.Errorf("%s: Deadline %v %v", when, got, ok)
				}
				if d.Value(key{}) != "v" {
					t.Errorf("%s: the parent's value is lost", when)
				}
				if got, w := d.Err(), want.Err(); !errors.Is(got, w) || (got == nil) != (w == nil) {
					t.Errorf("%s: Err %v, want %v", when, got, w)
				}
				closed := func(ch <-chan struct{}) bool {
					select {
					case <-ch:
						return true
					default:
						return false
					}
				}
				if got, w := closed(d.Done()), closed(want.Done()); got != w {
					t.Errorf("%s: Done closed %v, want %v", when, got, w)
				}
			}
			if tc.doneFirst {
				_ = d.Done()
			}
			if d.Err() != nil {
				t.Fatalf("Err %v at once", d.Err())
			}
			switch {
			case tc.cancelFirst:
				cancelParent()
				<-want.Done()
			case tc.finishFirst:
				d.finish()
				cancelWant()
			}
			if tc.cancelFirst || tc.finishFirst {
				check("before the deadline")
			}
			if tc.doneFirst {
				select {
				case <-d.Done():
				case <-time.After(10 * time.Second):
					t.Fatal("Done never closed")
				}
			} else {
				time.Sleep(time.Until(at) + time.Millisecond)
			}
			<-want.Done()
			check("after the deadline")
			d.finish()
			cancelWant()
			check("finished")
		})
	}
}
