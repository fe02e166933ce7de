package suggest

import (
	"testing"
	"unsafe"
)

// TestPutWorkKeepsOnlyItsArena holds putWork's clearing of the mention
// arena, done only when a search grew the position arena, to what
// clearing it always guarded: after putWork no mention in its room, spare
// room included, points at positions outside w.pos's array, whether the
// note kept that array or grew a new one.
func TestPutWorkKeepsOnlyItsArena(t *testing.T) {
	t.Parallel()
	e := ownEngine(t)
	notes := firstDevNotes(t, 40)
	w := e.getWork(0)
	grown, kept, mentions := 0, 0, 0
	for i, text := range notes {
		doc := e.pipe.Analyze(text)
		if i%7 == 3 {
			w.pos = make([]int32, 0, 16) // the note's searches outgrow it
		}
		before := cap(w.pos)
		for _, c := range e.collect(w, doc, Request{}) {
			mentions += len(c.mentions)
		}
		if cap(w.pos) != before {
			grown++
		} else {
			kept++
		}
		e.putWork(w)
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(w.pos[:cap(w.pos)])))
		hi := lo + uintptr(cap(w.pos))*unsafe.Sizeof(int32(0))
		inArena := func(ps []int32) bool {
			if cap(ps) == 0 {
				return true
			}
			p := uintptr(unsafe.Pointer(unsafe.SliceData(ps)))
			return p >= lo && p < hi
		}
		for j, m := range w.mentions[:cap(w.mentions)] {
			if !inArena(m.hit.Positions) {
				t.Fatalf("note %d: mention %d points at positions outside the arena", i, j)
			}
		}
		if got := e.getWork(0); got != w {
			t.Skip("the pool handed out another work") // a collection emptied it
		}
	}
	if grown == 0 || kept == 0 || mentions == 0 {
		t.Fatalf("grown %d, kept %d notes, %d mentions: the test cannot fail both ways", grown, kept, mentions)
	}
}
