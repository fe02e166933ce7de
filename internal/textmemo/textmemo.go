// Package textmemo remembers what a function of short texts returned,
// for nlp.Pipeline.Terms and index.Index.Stems: lookups without a lock,
// new entries published in amortised copies, a bound past which it
// forgets everything and starts again. It knows nothing of what the texts
// mean.
package textmemo

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Memo remembers what a function of short texts returned.
// Lookups read an immutable map through one atomic load, without a lock;
// new entries wait in a locked dirty map until enough of them, or enough
// lookups that had to take the lock, make it worth publishing a fresh read
// map holding both. Publishing copies the read map, so it waits for a number of new
// entries or of locked lookups proportional to the read map's size: each
// costs a few copies amortised. The suggest rules ask for the same few
// thousand code names on every note, so after the first notes every
// lookup is a plain map read. The zero value is empty and ready; a Memo is
// safe for concurrent use.
type Memo[V any] struct {
	read   atomic.Pointer[map[string]V]
	ndirty atomic.Int32 // len(dirty): lookups skip the lock when 0

	mu     sync.Mutex
	dirty  map[string]V // entries not in read
	misses int          // lookups served by dirty since the last publish
	size   int          // entries in read and dirty
}

// due is how many new entries, or lookups served by dirty, make a
// publish worth its copy of a read map of n entries.
func due(n int) int { return max(64, n/4) }

// Get returns what is remembered for text (shared: not to be modified).
func (m *Memo[V]) Get(text string) (V, bool) {
	if r := m.read.Load(); r != nil {
		if v, ok := (*r)[text]; ok {
			return v, true
		}
	}
	if m.ndirty.Load() == 0 {
		var zero V
		return zero, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.dirty[text]
	if ok {
		if m.misses++; m.misses >= due(m.readLen()) {
			m.publish()
		}
	}
	return v, ok
}

// Put remembers v for text; m owns v from then on. When limit entries
// are remembered, m forgets them all first: the texts of an engine's
// start (every code title) then make way for those its notes ask for. The
// key is a copy: a text cut from a note does not keep the note alive.
func (m *Memo[V]) Put(text string, v V, limit int) { m.put(text, v, limit, true) }

// PutKept is Put keeping text itself as the key, not a copy: for a text
// the caller keeps alive anyway (a code set's name), which a copy would
// only duplicate.
func (m *Memo[V]) PutKept(text string, v V, limit int) { m.put(text, v, limit, false) }

// put is Put, copying the key when clone is set.
func (m *Memo[V]) put(text string, v V, limit int, clone bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r := m.read.Load(); r != nil {
		if _, ok := (*r)[text]; ok {
			return
		}
	}
	if _, ok := m.dirty[text]; ok {
		return
	}
	if m.size >= limit {
		m.read.Store(nil)
		m.dirty, m.misses, m.size = nil, 0, 0
		m.ndirty.Store(0)
	}
	if m.dirty == nil {
		m.dirty = map[string]V{}
	}
	if clone {
		text = strings.Clone(text)
	}
	m.dirty[text] = v
	m.ndirty.Store(int32(len(m.dirty)))
	m.size++
	if m.read.Load() == nil || len(m.dirty) >= due(m.readLen()) {
		m.publish()
	}
}

// readLen is the size of the read map.
func (m *Memo[V]) readLen() int {
	if r := m.read.Load(); r != nil {
		return len(*r)
	}
	return 0
}

// publish makes a read map of read and dirty; m.mu is held.
func (m *Memo[V]) publish() {
	next := map[string]V{}
	if r := m.read.Load(); r != nil {
		next = make(map[string]V, len(*r)+len(m.dirty))
		for k, v := range *r {
			next[k] = v
		}
	}
	for k, v := range m.dirty {
		next[k] = v
	}
	m.read.Store(&next)
	m.dirty, m.misses = nil, 0
	m.ndirty.Store(0)
}
