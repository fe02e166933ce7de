package textmemo

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestMemo(t *testing.T) {
	tests := []struct {
		name  string
		puts  int // distinct texts put
		limit int
		want  int // texts remembered
	}{
		{"empty", 0, 10, 0},
		{"one", 1, 10, 1},
		{"below the first publish", 50, 1000, 50},
		{"several publishes", 700, 1000, 700},
		{"full: forgets and starts again", 300, 100, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Memo[[]string]
			for i := range tt.puts {
				k := fmt.Sprint("text ", i)
				m.Put(k, []string{k}, tt.limit)
				m.Put(k, []string{"again"}, tt.limit) // the first value stays
			}
			got := 0
			for i := range tt.puts {
				k := fmt.Sprint("text ", i)
				// Twice: the second lookup may be served by a fresh read map.
				for range 2 {
					if v, ok := m.Get(k); ok {
						if !slices.Equal(v, []string{k}) {
							t.Fatalf("get(%q) = %q", k, v)
						}
					}
				}
				if _, ok := m.Get(k); ok {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("%d texts remembered, want %d", got, tt.want)
			}
			if _, ok := m.Get("never put"); ok {
				t.Error("a text never put is remembered")
			}
		})
	}
}

// TestStemMemoDirtyPublished: entries left in the locked map after the
// last put reach the read map once lookups keep finding them there (64
// lookups for a read map this small).
func TestMemoDirtyPublished(t *testing.T) {
	var m Memo[[]string]
	for i := range 100 { // publishes after 1 and 65 puts; 35 wait in dirty
		m.Put(fmt.Sprint(i), []string{"x"}, 1000)
	}
	if r := m.read.Load(); r == nil || len(*r) != 65 || len(m.dirty) != 35 {
		t.Fatalf("before lookups: read map %v, %d dirty; want 65 and 35", r, len(m.dirty))
	}
	for range 3 {
		for i := range 100 {
			if _, ok := m.Get(fmt.Sprint(i)); !ok {
				t.Fatalf("%d not remembered", i)
			}
		}
	}
	if r := m.read.Load(); len(*r) != 100 || len(m.dirty) != 0 {
		t.Errorf("read map %d entries, dirty %d; want 100 and 0", len(*r), len(m.dirty))
	}
}

// TestStemMemoAmortised: a new entry of a large memo is not published (a
// copy of the whole read map) on its first lookups, only once the lookups
// it cost under the lock pay for the copy.
func TestMemoAmortised(t *testing.T) {
	var m Memo[[]string]
	for i := range 1000 {
		m.Put(fmt.Sprint(i), []string{"x"}, 2000)
	}
	for i := range 1000 { // publish what waits
		for range due(1000) {
			m.Get(fmt.Sprint(i))
		}
	}
	before := m.readLen()
	if before != 1000 {
		t.Fatalf("read map %d entries, want 1000", before)
	}
	m.Put("new", []string{"y"}, 2000)
	for range due(before) - 1 {
		if v, ok := m.Get("new"); !ok || v[0] != "y" {
			t.Fatal("new entry not found")
		}
	}
	if m.readLen() != before {
		t.Fatalf("published after %d lookups, before %d", due(before)-1, due(before))
	}
	m.Get("new")
	if m.readLen() != before+1 || m.ndirty.Load() != 0 {
		t.Errorf("read map %d entries, %d dirty; want %d and 0", m.readLen(), m.ndirty.Load(), before+1)
	}
}

func TestMemoConcurrent(t *testing.T) {
	var m Memo[[]string]
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 2000 {
				k := fmt.Sprint((i*7 + g) % 500)
				if v, ok := m.Get(k); ok && v[0] != k {
					t.Errorf("get(%q) = %q", k, v)
					return
				}
				m.Put(k, []string{k}, 400)
			}
		})
	}
	wg.Wait()
	n := 0
	for i := range 500 {
		if _, ok := m.Get(fmt.Sprint(i)); ok {
			n++
		}
	}
	if n == 0 || n > 400 {
		t.Errorf("%d remembered, want 1 to the limit 400", n)
	}
}

// TestMemoForgets: a full memo forgets what it holds and takes the new
// text, so the texts asked for later are remembered.
func TestMemoForgets(t *testing.T) {
	var m Memo[int]
	for i := range 100 {
		m.Put(fmt.Sprint(i), i, 100)
	}
	if v, ok := m.Get("99"); !ok || v != 99 {
		t.Fatalf("get(99) = %d, %v", v, ok)
	}
	m.Put("new", -1, 100)
	if v, ok := m.Get("new"); !ok || v != -1 {
		t.Errorf("get(new) = %d, %v after the memo was full", v, ok)
	}
	if _, ok := m.Get("0"); ok {
		t.Error("a full memo kept its old entries")
	}
	if m.size != 1 {
		t.Errorf("size %d, want 1", m.size)
	}
}

// TestMemoPutKept: PutKept remembers as Put does; the memo holds the
// text itself, so a lookup by an equal text finds it.
func TestMemoPutKept(t *testing.T) {
	var m Memo[int]
	for i := range 200 {
		m.PutKept(fmt.Sprint("kept ", i), i, 1000)
		m.Put(fmt.Sprint("copied ", i), -i, 1000)
		m.PutKept(fmt.Sprint("copied ", i), 1, 1000) // the first value stays
	}
	for i := range 200 {
		if v, ok := m.Get(fmt.Sprint("kept ", i)); !ok || v != i {
			t.Fatalf("get(kept %d) = %d, %v", i, v, ok)
		}
		if v, ok := m.Get(fmt.Sprint("copied ", i)); !ok || v != -i {
			t.Fatalf("get(copied %d) = %d, %v", i, v, ok)
		}
	}
}
