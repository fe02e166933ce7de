package server

import (
	"encoding/binary"
	"sync"

	"medcode/suggest"
)

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
// that matched their evidence, packed into one string (length-prefixed
// system, code, name count and names per suggestion) so that remembering
// ten thousand requests costs the collector ten thousand objects, not
// hundreds of thousands of maps, slices and strings.
type requestTerms string

// packTerms remembers the matched names of each suggestion.
func packTerms(sgs []suggest.Suggestion) requestTerms {
	size := 0
	for _, sg := range sgs {
		size += len(sg.System) + len(sg.Code) + 3*binary.MaxVarintLen16
		for _, e := range sg.Evidence {
			size += len(e.Matched) + binary.MaxVarintLen16
		}
	}
	b := make([]byte, 0, size)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, sg := range sgs {
		str(sg.System)
		str(sg.Code)
		names := matchedTerms(sg.Evidence)
		b = binary.AppendUvarint(b, uint64(len(names)))
		for _, n := range names {
			str(n)
		}
	}
	return requestTerms(b)
}

// names returns the matched names remembered for system and code, nil
// when the request did not suggest it.
func (rt requestTerms) names(system, code string) []string {
	s := string(rt)
	num := func() int {
		var v uint64
		for i, shift := 0, 0; i < len(s) && shift < 64; i, shift = i+1, shift+7 {
			v |= uint64(s[i]&0x7f) << shift
			if s[i] < 0x80 {
				s = s[i+1:]
				if v > uint64(len(s)) {
					break
				}
				return int(v)
			}
		}
		s = ""
		return 0
	}
	str := func() string {
		n := num()
		if n > len(s) {
			s = ""
			return ""
		}
		v := s[:n]
		s = s[n:]
		return v
	}
	for s != "" {
		sys, c, k := str(), str(), num()
		match := sys == system && c == code
		var out []string
		for i := 0; i < k && s != ""; i++ {
			if n := str(); match {
				out = append(out, n)
			}
		}
		if match {
			return out
		}
	}
	return nil
}

// cardRef is what a CDS Hooks card suggested.
type cardRef struct {
	requestID string // the hookInstance
	system    string
	code      string
	terms     []string
}
