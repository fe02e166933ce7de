package server

import (
	"encoding/binary"
	"sync"
)

// recent remembers the last n values by key, forgetting the oldest first.
// It is safe for concurrent use. Values are packed strings (cardRef;
// requestMemory packs further): remembering ten thousand requests costs
// the collector a few tens of thousands of pointer-free objects, not
// hundreds of thousands of maps, slices and strings it would walk on every
// cycle.
type recent[V ~string] struct {
	mu    sync.Mutex
	m     map[string]V
	order []string // ring of keys, next is the oldest slot
	next  int
}

func newRecent[V ~string](n int) *recent[V] {
	return &recent[V]{m: map[string]V{}, order: make([]string, n)}
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

// appendString appends s, length first.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// unpacker reads what appendString and binary.AppendUvarint wrote; a
// malformed or truncated input reads as its end.
type unpacker struct{ s string }

func (u *unpacker) more() bool { return u.s != "" }

func (u *unpacker) num() int {
	var v uint64
	for i, shift := 0, 0; i < len(u.s) && shift < 64; i, shift = i+1, shift+7 {
		v |= uint64(u.s[i]&0x7f) << shift
		if u.s[i] < 0x80 {
			u.s = u.s[i+1:]
			if v > uint64(len(u.s)) {
				break
			}
			return int(v)
		}
	}
	u.s = ""
	return 0
}

func (u *unpacker) str() string {
	n := u.num()
	v := u.s[:n]
	u.s = u.s[n:]
	return v
}

// cardRef is what a CDS Hooks card suggested: the hookInstance, system,
// code and the matched names, packed.
type cardRef string

func packCard(requestID, system, code string, terms []string) cardRef {
	b := appendString(appendString(appendString(nil, requestID), system), code)
	for _, t := range terms {
		b = appendString(b, t)
	}
	return cardRef(b)
}

// fields unpacks what packCard packed.
func (c cardRef) fields() (requestID, system, code string, terms []string) {
	u := unpacker{string(c)}
	requestID, system, code = u.str(), u.str(), u.str()
	for u.more() {
		terms = append(terms, u.str())
	}
	return requestID, system, code, terms
}
