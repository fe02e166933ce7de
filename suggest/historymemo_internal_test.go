package suggest

import (
	"runtime"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
)

// TestHistoryMemoOwnsPositions: the history memo keeps its hits'
// positions in arrays of their own, not the search's buffer (4 KB and
// up per remembered name).
func TestHistoryMemoOwnsPositions(t *testing.T) {
	testenv.SkipUnderRace(t)
	base := realEngine(t)
	e, err := New(base.union, base.ix, Options{}) // an empty memo
	if err != nil {
		t.Fatal(err)
	}
	var names []int32
	for _, cond := range []string{"pneumonia", "urinary tract infection", "nicotine dependence", "peptic ulcer", "urinary calculi", "sudden cardiac arrest", "falling"} {
		var q index.Query
		for _, s := range e.ix.Stems(cond) {
			if id, ok := e.ix.TermID(s); ok {
				q.Terms, q.Pos = append(q.Terms, id), append(q.Pos, int32(len(q.Pos)))
			}
		}
		for _, h := range e.ix.Search(q, index.SearchOptions{MinCoverage: 1, Systems: []corpus.System{corpus.ICD10CM}, Limit: 20}) {
			names = append(names, h.Name)
		}
	}
	found := 0
	for _, n := range names {
		if _, ok := e.historyOf(n, false, []string{"personal", "history"}, []string{"Z85", "Z86", "Z87", "Z92", "I25.2"}); ok {
			found++
		}
	}
	if found < 5 {
		t.Fatalf("%d of %d names found a history code", found, len(names))
	}
	// What the memo alone keeps alive: the heap with it, then without it,
	// read right after each other (heap growth over the searches would
	// count whatever else the test binary allocates meanwhile).
	// Two collections each: the first only moves sync.Pool contents (the
	// search's scratch) aside, the second frees them.
	var with, without runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&with)
	e.historyMemo = nil
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&without)
	if per := (int64(with.HeapAlloc) - int64(without.HeapAlloc)) / int64(found); per > 1024 {
		t.Errorf("the memo keeps %d bytes per history hit", per)
	}
	runtime.KeepAlive(e)
}
