package suggest

import (
	"strings"
	"testing"

	"medcode/nlp"
)

// TestWorkPoolsPartLongNotes: a work that coded a note past
// pooledNoteBytes is kept in longWork, one that coded a note of that
// size or less is pooled in work; getWork hands a long note's scratch
// only to a long note, and longWork keeps one work, not more.
func TestWorkPoolsPartLongNotes(t *testing.T) {
	// sync.Pool may drop any Put (the race detector drops some on
	// purpose), so the pool is checked for w only where it kept something.
	for _, tc := range []struct {
		n    int
		long bool
	}{
		{pooledNoteBytes + 1, true},
		{MaxNoteBytes, true},
		{pooledNoteBytes, false},
		{2 << 10, false},
	} {
		var e Engine
		w := &work{doc: nlp.Document{Text: strings.Repeat("x", tc.n)}}
		e.putWork(w)
		short, _ := e.work.Get().(*work)
		long := e.longWork.Load()
		if tc.long && long != w {
			t.Errorf("note of %d bytes: its work was not kept in longWork", tc.n)
		}
		if !tc.long && long != nil {
			t.Errorf("note of %d bytes: its work went to longWork", tc.n)
		}
		if tc.long && short != nil {
			t.Errorf("note of %d bytes: its work went to the pool of short notes", tc.n)
		}
		if !tc.long && short != nil && short != w {
			t.Errorf("note of %d bytes: its pool returned another work", tc.n)
		}
	}
	var e Engine
	w := &work{}
	e.longWork.Store(w)
	if e.getWork(2<<10) == w {
		t.Error("a short note got a long note's work")
	}
	if e.getWork(MaxNoteBytes) != w {
		t.Error("a long note did not get the long note's work")
	}
	if e.longWork.Load() != nil {
		t.Error("the long note's work is still kept while in use")
	}
	// Two long works put back: the first is kept, the second dropped.
	long := strings.Repeat("x", pooledNoteBytes+1)
	a, b := &work{doc: nlp.Document{Text: long}}, &work{doc: nlp.Document{Text: long}}
	e.putWork(a)
	e.putWork(b)
	if got := e.longWork.Load(); got != a {
		t.Errorf("longWork holds %p, want the first work put back %p", got, a)
	}
}
