package server

import (
	"encoding/binary"
	"sync"

	"medcode/suggest"
)

// recent remembers the last n values by key, forgetting the oldest first.
// It is safe for concurrent use. Values are packed strings (requestTerms,
// cardRef): remembering ten thousand requests costs the collector a few
// tens of thousands of pointer-free objects, not hundreds of thousands of
// maps, slices and strings it would walk on every cycle.
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

// requestTerms are the codes suggested for one request with the code names
// that matched their evidence: per suggestion its system, code, the number
// of names and the names.
type requestTerms string

// packScratch holds packTerms' build buffers.
var packScratch = sync.Pool{New: func() any { return new(packBuf) }}

type packBuf struct {
	b     []byte
	names []string
}

// packTerms remembers the matched names of each suggestion. It builds in
// pooled scratch, so the one allocation is the packed string itself,
// of its exact length (ten thousand of them stay remembered).
func packTerms(sgs []suggest.Suggestion) requestTerms {
	p := packScratch.Get().(*packBuf)
	b := p.b[:0]
	for _, sg := range sgs {
		b = appendString(appendString(b, sg.System), sg.Code)
		p.names = appendMatchedTerms(p.names[:0], sg.Evidence)
		b = binary.AppendUvarint(b, uint64(len(p.names)))
		for _, n := range p.names {
			b = appendString(b, n)
		}
	}
	rt := requestTerms(b)
	clear(p.names) // drop the references to the result's strings
	if cap(b) <= 64<<10 {
		p.b = b
		packScratch.Put(p)
	}
	return rt
}

// names returns the matched names remembered for system and code, nil
// when the request did not suggest it.
func (rt requestTerms) names(system, code string) []string {
	names, _ := rt.lookup(system, code)
	return names
}

// lookup returns the matched names remembered for system and code and
// whether the request suggested it.
func (rt requestTerms) lookup(system, code string) ([]string, bool) {
	u := unpacker{string(rt)}
	for u.more() {
		sys, c, k := u.str(), u.str(), u.num()
		match := sys == system && c == code
		var out []string
		for i := 0; i < k && u.more(); i++ {
			if n := u.str(); match {
				out = append(out, n)
			}
		}
		if match {
			return out, true
		}
	}
	return nil, false
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
