package suggest

import (
	"math/rand"
	"testing"
)

// TestRefineMemoOf holds the readings' memories, made on first need, to
// one memory per reading: a reading finds what was written to its own,
// never another's, a new one is zero, and done forgets them all (the
// scratch is reused across notes).
func TestRefineMemoOf(t *testing.T) {
	r := rand.New(rand.NewSource(37))
	sc := &refineScratch{}
	for note := range 20 {
		rs := make([]refineReading, 1+r.Intn(40))
		sc.rs = rs
		sc.judge = refineJudge{sc: sc}
		j := &sc.judge
		wrote := make([]int8, len(rs)) // per reading: the mark written to its memory, 0 none
		for range 200 {
			k := r.Intn(len(rs))
			mm := j.memoOf(&rs[k])
			if mm.other != wrote[k] {
				t.Fatalf("note %d: reading %d's memory holds %d, want %d", note, k, mm.other, wrote[k])
			}
			if wrote[k] == 0 && (mm.stems != nil || mm.tailOf != nil || mm.tailBad || mm.unread != nil || mm.unreadOK) {
				t.Fatalf("note %d: reading %d's new memory is not zero: %+v", note, k, *mm)
			}
			wrote[k] = int8(1 + r.Intn(100))
			mm.other = wrote[k]
		}
		made := 0
		for k := range rs {
			if wrote[k] != 0 {
				made++
			}
		}
		if len(sc.memo) != made {
			t.Fatalf("note %d: %d memories for %d readings judged", note, len(sc.memo), made)
		}
		sc.done()
		if len(sc.memo) != 0 || sc.judge.sc != nil {
			t.Fatalf("note %d: done left %d memories, judge %+v", note, len(sc.memo), sc.judge)
		}
		for k := range rs {
			if rs[k].memo != 0 {
				t.Fatalf("note %d: done left reading %d's memo %d", note, k, rs[k].memo)
			}
		}
	}
}
