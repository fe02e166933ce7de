package suggest

import (
	"strings"
	"testing"

	"medcode/nlp"
)

// TestPutWorkDropsLongNotes: a work that coded a note past pooledNoteBytes
// is not pooled (its scratch would stay live); one that coded a note of
// that size is.
func TestPutWorkDropsLongNotes(t *testing.T) {
	for _, tc := range []struct {
		n      int
		pooled bool
	}{
		{pooledNoteBytes + 1, false},
		{MaxNoteBytes, false},
		{pooledNoteBytes, true},
		{2 << 10, true},
	} {
		var e Engine
		w := &work{doc: nlp.Document{Text: strings.Repeat("x", tc.n)}}
		e.putWork(w)
		got, _ := e.work.Get().(*work)
		if !tc.pooled && got == w {
			t.Errorf("note of %d bytes: its work was pooled", tc.n)
		}
		// sync.Pool may drop any Put (the race detector drops some on
		// purpose), so a pooled work is checked only when the pool kept it.
		if tc.pooled && got != nil && got != w {
			t.Errorf("note of %d bytes: the pool returned another work", tc.n)
		}
	}
}
