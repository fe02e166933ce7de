package index

import (
	"strings"
	"sync"
	"sync/atomic"
)

// stemMemo remembers the stems of short texts for Stems. Lookups read an
// immutable map through one atomic load, without a lock; new entries wait
// in a locked dirty map until enough of them, or enough lookups that had
// to take the lock, make it worth publishing a fresh read map holding
// both. The suggest rules ask for the same few thousand code names on
// every note, so after the first notes every lookup is a plain map read.
type stemMemo struct {
	read atomic.Pointer[map[string][]string]

	mu     sync.Mutex
	dirty  map[string][]string // entries not in read
	misses int                 // lookups served by dirty since the last publish
	size   int                 // entries in read and dirty
}

// get returns the remembered stems of text (shared: not to be modified).
func (m *stemMemo) get(text string) ([]string, bool) {
	if r := m.read.Load(); r != nil {
		if v, ok := (*r)[text]; ok {
			return v, true
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.dirty[text]
	if ok {
		if m.misses++; m.misses >= len(m.dirty) {
			m.publish()
		}
	}
	return v, ok
}

// put remembers v as the stems of text, unless limit entries are already
// remembered; m owns v from then on. The key is a copy: a text cut from a
// note does not keep the note alive.
func (m *stemMemo) put(text string, v []string, limit int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.size >= limit {
		return
	}
	if r := m.read.Load(); r != nil {
		if _, ok := (*r)[text]; ok {
			return
		}
	}
	if _, ok := m.dirty[text]; ok {
		return
	}
	if m.dirty == nil {
		m.dirty = map[string][]string{}
	}
	m.dirty[strings.Clone(text)] = v
	m.size++
	if r := m.read.Load(); r == nil || len(m.dirty) >= max(64, len(*r)/4) {
		m.publish()
	}
}

// publish makes a read map of read and dirty; m.mu is held.
func (m *stemMemo) publish() {
	next := map[string][]string{}
	if r := m.read.Load(); r != nil {
		next = make(map[string][]string, len(*r)+len(m.dirty))
		for k, v := range *r {
			next[k] = v
		}
	}
	for k, v := range m.dirty {
		next[k] = v
	}
	m.read.Store(&next)
	m.dirty, m.misses = nil, 0
}
