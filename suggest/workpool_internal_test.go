package suggest

import (
	"strings"
	"testing"

	"medcode/nlp"
)

// TestWorkPoolsPartLongNotes: a work that coded a note past
// pooledNoteBytes is pooled in longWork, one that coded a note of that
// size or less in work; getWork hands a long note's scratch only to a
// long note.
func TestWorkPoolsPartLongNotes(t *testing.T) {
	// sync.Pool may drop any Put (the race detector drops some on
	// purpose), so a pool is checked for w only where it kept something.
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
		long, _ := e.longWork.Get().(*work)
		mine, other := short, long
		if tc.long {
			mine, other = long, short
		}
		if other != nil {
			t.Errorf("note of %d bytes: its work went to the wrong pool", tc.n)
		}
		if mine != nil && mine != w {
			t.Errorf("note of %d bytes: its pool returned another work", tc.n)
		}
	}
	var e Engine
	w := &work{}
	e.longWork.Put(w)
	if e.getWork(2<<10) == w {
		t.Error("a short note got a long note's work")
	}
	if got := e.getWork(MaxNoteBytes); got != w && e.longWork.Get() != nil {
		t.Error("a long note did not get the long note's work")
	}
}
