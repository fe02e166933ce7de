package suggest

import (
	"sync"
	"testing"

	"medcode/index"
)

// TestNameMemo: a name's value is made once per index and name, the same
// pointer to every caller, also to goroutines asking at once, and kept
// apart for the main and the learned index.
func TestNameMemo(t *testing.T) {
	e := realEngine(t)
	var m nameMemo[string]
	made := 0
	var mu sync.Mutex
	text := func(_ *index.Index, name string) *string {
		mu.Lock()
		made++
		mu.Unlock()
		return &name
	}
	ix := e.ix
	for _, n := range []int32{0, 1, 63, 64, int32(ix.Len() - 1)} {
		p := m.get(ix, false, n, text)
		if *p != ix.NameText(n) {
			t.Fatalf("name %d: %q, want %q", n, *p, ix.NameText(n))
		}
		if q := m.get(ix, false, n, text); q != p {
			t.Fatalf("name %d: made again", n)
		}
	}
	if made != 5 {
		t.Fatalf("%d values made for 5 names", made)
	}
	if e.learned != nil {
		if p := m.get(e.learned, true, 1, text); *p != e.learned.NameText(1) || made != 6 {
			t.Fatalf("learned name 1: %q (%d made), want %q made apart from main name 1", *p, made, e.learned.NameText(1))
		}
	}
	got := make([]*string, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = m.get(ix, false, 1000, text)
		}()
	}
	wg.Wait()
	for _, p := range got {
		if p != got[0] {
			t.Fatal("goroutines asking at once got different values")
		}
	}
}
