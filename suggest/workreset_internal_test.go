package suggest

import "testing"

// TestPutWorkForgetsTermIDs: a pooled work keeps no note's term ids, so a
// pass that reuses collect's ids when their count matches the note's
// terms can never read a previous note's of the same length.
func TestPutWorkForgetsTermIDs(t *testing.T) {
	e := &Engine{}
	w := e.getWork(0)
	w.tid = append(w.tid, 3, 4)
	w.ltid = append(w.ltid, 5, -1)
	w.sr.ids = append(w.sr.ids, 3, 4)
	w.termStems = append(w.termStems, "diabet", "type")
	e.putWork(w)
	if len(w.tid) != 0 || len(w.ltid) != 0 || len(w.sr.ids) != 0 || len(w.termStems) != 0 {
		t.Errorf("pooled work keeps term ids: tid %v ltid %v sr.ids %v stems %v", w.tid, w.ltid, w.sr.ids, w.termStems)
	}
	if s := w.termStems[:2]; s[0] != "" || s[1] != "" {
		t.Errorf("pooled work keeps the note's stems: %q", s)
	}
}
