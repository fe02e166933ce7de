package server

import (
	"encoding/binary"
	"slices"
	"sync"

	"medcode/suggest"
)

// requestMemory remembers the last n suggest answers by requestId: each
// suggested code with the code names that matched its evidence, for the
// feedback that follows (feedback.go). It is safe for concurrent use.
//
// An answer is remembered as one pointer-free string of numbers (its
// record): each distinct code is held once in a table (codetable.go),
// counted by the records naming it and dropped with the last one, and
// each distinct name matched with it once, with the code. Ten thousand
// answers of ~50 codes share a few thousand codes and names: the strings
// themselves, packed into each record, cost ~2.6 KB an answer (26 MB for
// the server's 10,000), the numbers ~0.3 KB.
type requestMemory struct {
	mu    sync.Mutex
	recs  map[string]string // requestId -> record
	order []string          // ring of requestIds, next is the oldest slot
	next  int
	codes codeTable
	buf   []byte   // record scratch
	names []string // matched-name scratch
	// touched sums the words put loads a suggestion ahead for their
	// lines only: kept, the loads are not dropped as dead.
	touched uint32
}

// A record is, per suggestion, the uvarints of its code's number, of the
// length in bytes of its names' numbers, and of those numbers (each a
// name's place among its code's names, one byte): release reads the codes
// and skips the names.

func newRequestMemory(n int) *requestMemory {
	return &requestMemory{recs: map[string]string{}, order: make([]string, n)}
}

// put remembers the suggestions of request id, forgetting the oldest
// request when full (and what id held before, when it was remembered).
func (m *requestMemory) put(id string, sgs []suggest.Suggestion) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b := m.buf[:0]
	// An answer names one to three systems, mostly one after another:
	// the last one's number is used again without a look.
	var sys string
	var sysID uint32
	key := func(i int) codeKey {
		sg := &sgs[i] // not a copy of the whole suggestion
		if i == 0 || sg.System != sys {
			sys, sysID = sg.System, m.codes.system(sg.System)
		}
		return newCodeKey(sysID, sg.Code)
	}
	// Each suggestion's code's key is made, and its slot's line loaded, a
	// suggestion ahead: the miss runs on while the one before is counted
	// and its names looked up.
	var next codeKey
	if len(sgs) > 0 {
		next = key(0)
	}
	for i := range sgs {
		sg := &sgs[i]
		k := next
		if i+1 < len(sgs) {
			next = key(i + 1)
			m.touched += m.codes.touchSlot(&next)
		}
		c := m.codes.ref(&k, sg.Code)
		b = binary.AppendUvarint(b, uint64(c))
		m.names = appendMatchedTerms(m.names[:0], sg.Evidence)
		at := len(b)
		b = append(b, 0) // the names' length: one byte below 128
		for _, n := range m.names {
			b = binary.AppendUvarint(b, uint64(m.codes.refName(c, n)))
		}
		if n := len(b) - at - 1; n < 0x80 {
			b[at] = byte(n)
		} else {
			var l [binary.MaxVarintLen64]byte
			v := binary.AppendUvarint(l[:0], uint64(n))
			b = slices.Insert(b, at+1, v[1:]...)
			copy(b[at:], v)
		}
	}
	clear(m.names) // drop the references to the result's strings
	rec := string(b)
	if cap(b) <= 64<<10 {
		m.buf = b
	} else {
		m.buf = nil
	}
	if old, ok := m.recs[id]; ok {
		m.release(old)
		m.recs[id] = rec
		return
	}
	if old := m.order[m.next]; old != "" {
		m.release(m.recs[old])
		delete(m.recs, old)
	}
	m.order[m.next] = id
	m.next = (m.next + 1) % len(m.order)
	m.recs[id] = rec
}

// release drops the mentions of a record's codes (and a code's names with
// its last).
func (m *requestMemory) release(rec string) {
	var c, n uint32
	for p := 0; p < len(rec); {
		c, p = num32At(rec, p)
		n, p = num32At(rec, p)
		p += int(min(n, uint32(len(rec)-p))) // its names
		m.codes.unref(c)
	}
}

// lookup returns the matched names request id remembers for system and
// code, whether it suggested the code, and whether the request is
// remembered at all.
func (m *requestMemory) lookup(id, system, code string) (names []string, suggested, found bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, found := m.recs[id]
	if !found {
		return nil, false, false
	}
	c, ok := m.codes.find(system, code)
	if !ok {
		return nil, false, true
	}
	var s, n, j uint32
	for p := 0; p < len(rec); {
		s, p = num32At(rec, p)
		n, p = num32At(rec, p)
		end := p + int(min(n, uint32(len(rec)-p)))
		if s != c {
			p = end
			continue
		}
		for rs := rec[:end]; p < end; { // its names' numbers, read up to end
			j, p = num32At(rs, p)
			names = append(names, m.codes.name(s, j))
		}
		return names, true, true
	}
	return nil, false, true
}

// num32At reads a uvarint that fits 32 bits at byte p of s, returning it
// and the position after it; a malformed or truncated input reads as 0
// and the end of s. (A record's numbers take one or two bytes: the loop
// keeps them in registers.)
func num32At(s string, p int) (uint32, int) {
	var v uint32
	for i := 0; i < 5 && p+i < len(s); i++ {
		b := s[p+i]
		v |= uint32(b&0x7f) << (7 * i & 31) // i < 5: no shift past 28
		if b < 0x80 {
			if i == 4 && b > 0x0f { // past 32 bits
				break
			}
			return v, p + i + 1
		}
	}
	return 0, len(s)
}
