package server

import "sync"

// recent remembers the last n values by key, forgetting the oldest first.
// It is safe for concurrent use.
type recent[V any] struct {
	mu    sync.Mutex
	m     map[string]V
	order []string // ring of keys, next is the oldest slot
	next  int
}

func newRecent[V any](n int) *recent[V] {
	return &recent[V]{m: make(map[string]V, n), order: make([]string, n)}
}

func (r *recent[V]) put(key string, v V) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.m[key]; ok {
		r.m[key] = v
		return
	}
	if old := r.order[r.next]; old != "" {
		delete(r.m, old)
	}
	r.order[r.next] = key
	r.next = (r.next + 1) % len(r.order)
	r.m[key] = v
}

func (r *recent[V]) get(key string) (V, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.m[key]
	return v, ok
}

// requestTerms are the codes suggested for one request with the code names
// that matched their evidence, keyed "system|code".
type requestTerms map[string][]string

// cardRef is what a CDS Hooks card suggested.
type cardRef struct {
	requestID string // the hookInstance
	system    string
	code      string
	terms     []string
}
