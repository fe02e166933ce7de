package server

import (
	"encoding/binary"
	"strings"
	"sync"

	"medcode/suggest"
)

// requestMemory remembers the last n suggest answers by requestId: each
// suggested code with the code names that matched its evidence, for the
// feedback that follows (feedback.go). It is safe for concurrent use.
//
// An answer is remembered as one pointer-free string of numbers (its
// record): each distinct string (system, code, matched name) is held once
// in a table, counted by the records naming it and dropped with the last
// one. Ten thousand answers of ~50 codes share a few thousand codes and
// names: the strings themselves, packed into each record, cost ~2.6 KB an
// answer (26 MB for the server's 10,000), the numbers ~0.3 KB.
type requestMemory struct {
	mu    sync.Mutex
	recs  map[string]string // requestId -> record
	order []string          // ring of requestIds, next is the oldest slot
	next  int
	strs  stringTable
	buf   []byte   // record scratch
	names []string // matched-name scratch
}

// A record is, per suggestion, the uvarints of its system's and code's
// string numbers, its count of names and their numbers.

func newRequestMemory(n int) *requestMemory {
	return &requestMemory{recs: map[string]string{}, order: make([]string, n), strs: stringTable{ids: map[string]uint32{}}}
}

// put remembers the suggestions of request id, forgetting the oldest
// request when full (and what id held before, when it was remembered).
func (m *requestMemory) put(id string, sgs []suggest.Suggestion) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b := m.buf[:0]
	// An answer names one to three systems, mostly one after another:
	// the last one's number is counted again without a table lookup.
	var sys string
	var sysID uint32
	for i, sg := range sgs {
		if i == 0 || sg.System != sys {
			sys, sysID = sg.System, m.strs.ref(sg.System)
		} else {
			m.strs.refs[sysID]++
		}
		b = binary.AppendUvarint(b, uint64(sysID))
		b = binary.AppendUvarint(b, uint64(m.strs.ref(sg.Code)))
		m.names = appendMatchedTerms(m.names[:0], sg.Evidence)
		b = binary.AppendUvarint(b, uint64(len(m.names)))
		for _, n := range m.names {
			b = binary.AppendUvarint(b, uint64(m.strs.ref(n)))
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

// release drops the references of a record.
func (m *requestMemory) release(rec string) {
	u := unpacker{rec}
	for u.more() {
		m.strs.unref(u.num32())
		m.strs.unref(u.num32())
		k := u.num32()
		for i := uint32(0); i < k && u.more(); i++ {
			m.strs.unref(u.num32())
		}
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
	sys, okS := m.strs.ids[system]
	c, okC := m.strs.ids[code]
	u := unpacker{rec}
	for u.more() {
		s, k, n := u.num32(), u.num32(), u.num32()
		match := okS && okC && s == sys && k == c
		for i := uint32(0); i < n && u.more(); i++ {
			if name := u.num32(); match {
				names = append(names, m.strs.str(name))
			}
		}
		if match {
			return names, true, true
		}
	}
	return nil, false, true
}

// stringTable numbers strings, each counted by the records that name it.
// Numbers of dropped strings are reused.
type stringTable struct {
	ids  map[string]uint32
	strs []string // by number; "" when free
	refs []uint32 // by number
	free []uint32
}

// ref returns the number of s, counting one more reference to it.
func (t *stringTable) ref(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		t.refs[id]++
		return id
	}
	s = strings.Clone(s) // not the caller's memory: a result may hold a larger buffer
	var id uint32
	if n := len(t.free); n > 0 {
		id, t.free = t.free[n-1], t.free[:n-1]
		t.strs[id], t.refs[id] = s, 1
	} else {
		id = uint32(len(t.strs))
		t.strs, t.refs = append(t.strs, s), append(t.refs, 1)
	}
	t.ids[s] = id
	return id
}

// unref drops a reference to number id, and the string with the last.
func (t *stringTable) unref(id uint32) {
	if int(id) >= len(t.refs) || t.refs[id] == 0 {
		return
	}
	if t.refs[id]--; t.refs[id] == 0 {
		delete(t.ids, t.strs[id])
		t.strs[id] = ""
		t.free = append(t.free, id)
	}
}

// str returns the string of number id, "" for none.
func (t *stringTable) str(id uint32) string {
	if int(id) >= len(t.strs) {
		return ""
	}
	return t.strs[id]
}

// len is the number of strings held.
func (t *stringTable) len() int { return len(t.ids) }

// num32 reads a uvarint that fits 32 bits; a malformed or truncated input
// reads as its end.
func (u *unpacker) num32() uint32 {
	var v uint64
	for i, shift := 0, 0; i < len(u.s) && shift < 35; i, shift = i+1, shift+7 {
		v |= uint64(u.s[i]&0x7f) << shift
		if u.s[i] < 0x80 {
			if v > 1<<32-1 {
				break
			}
			u.s = u.s[i+1:]
			return uint32(v)
		}
	}
	u.s = ""
	return 0
}
