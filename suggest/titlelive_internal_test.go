package suggest

import "testing"

// TestPutWorkForgetsLiveTitles: a pooled work keeps no note's live title
// facts, so the next note's candidates never read a previous note's.
func TestPutWorkForgetsLiveTitles(t *testing.T) {
	e := &Engine{}
	w := e.getWork(0)
	w.liveTitle.codes = append(w.liveTitle.codes, 7)
	w.liveTitle.facts = append(w.liveTitle.facts, &titleFact{other: true})
	w.liveTitle.bits = append(w.liveTitle.bits, titleICD|titleOther)
	w.liveTitle.cats = append(w.liveTitle.cats, 3)
	e.putWork(w)
	if len(w.liveTitle.codes) != 0 || len(w.liveTitle.facts) != 0 || len(w.liveTitle.bits) != 0 || len(w.liveTitle.cats) != 0 {
		t.Errorf("pooled work keeps live titles: %+v", w.liveTitle)
	}
	if f := w.liveTitle.facts[:1]; f[0] != nil {
		t.Errorf("pooled work keeps a title fact: %+v", f[0])
	}
}
