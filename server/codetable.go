package server

import (
	"encoding/binary"
	"strings"
	"unsafe"
)

// codeTable numbers the codes the remembered answers suggest, by system,
// each counted by the mentions in the remembered records and dropped with
// the last one, and the names that matched each code's evidence, held
// with their code and dropped with it: a record's names need no count
// (release skips them), and a code's names are the engine's few for it,
// whatever the number of answers.
//
// A put looks up each code once, in the table's index of held codes
// (codeindex.go: a slot holds a short code's bytes, so a look-up reads
// one slot and no string), and each matched name among the few names the
// table holds for that code (a code's own titles and terms: a handful),
// compared by length and bytes: no hashing of the ~70 long names of an
// answer, which a table of all strings keyed by string did under
// requestMemory's lock.
//
// A code's string and its names are held in one string (codeEntry.data):
// a name costs no slot, list link or string of its own elsewhere. Ten
// thousand answers stay in memory between the engine's requests, which
// push them out of the caches: each place a put reads is a miss to
// memory.
type codeTable struct {
	systems   []string    // by system number; an answer's systems are the engine's few
	index     []codeSlot  // the held codes by (system, code): codeindex.go
	codes     []codeEntry // by code number; free when refs is 0
	freeCodes []uint32
}

// codeEntry is a numbered code: its string followed by its names (data),
// its system and the mentions counting it. A name is numbered by its
// place among its code's names, which only grow while the code is held.
//
// first is the string the code's first name was put with, the caller's
// own (held, so its memory is not another string's while it is): the
// engine's names are its index's strings, the same memory in every
// answer, and a name of the same memory and length is that name without
// a read of data's bytes (refName).
type codeEntry struct {
	data    string // the code's codeLen bytes, then each name as its uvarint length and bytes
	first   string // the caller's string of name 0, "" before it
	codeLen uint32
	sys     uint32
	refs    uint32
}

// system returns the number of system name, adding it when new. Systems
// are kept: the engine names three.
func (t *codeTable) system(name string) uint32 {
	for i := range t.systems {
		if t.systems[i] == name {
			return uint32(i)
		}
	}
	t.systems = append(t.systems, strings.Clone(name))
	return uint32(len(t.systems) - 1)
}

// find returns the number of code in system, if held.
func (t *codeTable) find(system, code string) (uint32, bool) {
	for i := range t.systems {
		if t.systems[i] == system {
			k := newCodeKey(uint32(i), code)
			at := t.slotOf(k, code)
			if at < 0 {
				return 0, false
			}
			return t.index[at].c, true
		}
	}
	return 0, false
}

// ref returns the number of code in system number sys, counting one more
// mention of it.
func (t *codeTable) ref(sys uint32, code string) uint32 {
	k := newCodeKey(sys, code)
	if at := t.slotOf(k, code); at >= 0 {
		c := t.index[at].c
		t.codes[c].refs++
		return c
	}
	e := codeEntry{data: strings.Clone(code), codeLen: uint32(len(code)), sys: sys, refs: 1} // not the caller's memory
	c := place(&t.codes, &t.freeCodes, e)
	t.insert(k, c)
	return c
}

// refName returns the number of name among code number c's names, adding
// it when new. A new name goes to the end of the list: the name a code is
// first seen with (its title, mostly) is the one it is matched with most,
// and stays first, found by its memory (codeEntry.first) with no read
// of the code's data, which the engine's work has pushed out of the caches.
func (t *codeTable) refName(c uint32, name string) uint32 {
	e := &t.codes[c]
	if len(name) == len(e.first) && len(name) > 0 && unsafe.StringData(name) == unsafe.StringData(e.first) {
		return 0 // the same memory: the same bytes (strings are not written)
	}
	d := e.data
	var k uint32
	for p := int(e.codeLen); p < len(d); k++ {
		l := uint32(d[p]) // a name's length: one byte below 128
		if p++; l >= 0x80 {
			l, p = num32At(d, p-1)
		}
		end := p + int(min(l, uint32(len(d)-p)))
		if end-p == len(name) && d[p:end] == name {
			return k
		}
		p = end
	}
	// A new name: the code's string and names again with it at the end
	// (the old is dropped).
	b := make([]byte, 0, len(d)+binary.MaxVarintLen32+len(name))
	b = append(b, d...)
	b = binary.AppendUvarint(b, uint64(len(name)))
	b = append(b, name...)
	e.data = string(b)
	if k == 0 {
		e.first = name
	}
	return k
}

// unref drops a mention of code number c, and the code and its names
// with the last. Numbers not held are ignored.
func (t *codeTable) unref(c uint32) {
	if int(c) >= len(t.codes) || t.codes[c].refs == 0 {
		return
	}
	e := &t.codes[c]
	if e.refs--; e.refs > 0 {
		return
	}
	t.remove(c)
	*e = codeEntry{}
	t.freeCodes = append(t.freeCodes, c)
}

// code returns the string of code number c, "" for none.
func (t *codeTable) code(c uint32) string {
	if int(c) >= len(t.codes) {
		return ""
	}
	e := &t.codes[c]
	return e.data[:e.codeLen]
}

// names appends to dst the names of code number c: all of them, in their
// numbers' order.
func (t *codeTable) names(dst []string, c uint32) []string {
	if int(c) >= len(t.codes) {
		return dst
	}
	e := &t.codes[c]
	for p := int(e.codeLen); p < len(e.data); {
		var n string
		n, p = nameAt(e.data, p)
		dst = append(dst, n)
	}
	return dst
}

// name returns the string of name number k of code number c, "" for none.
func (t *codeTable) name(c, k uint32) string {
	if int(c) >= len(t.codes) {
		return ""
	}
	e := &t.codes[c]
	for p := int(e.codeLen); p < len(e.data); k-- {
		var n string
		n, p = nameAt(e.data, p)
		if k == 0 {
			return n
		}
	}
	return ""
}

// nameAt decodes the name whose length starts at byte p of a code's data
// (codeEntry.data): the name, and where the next one's starts.
func nameAt(d string, p int) (string, int) {
	l, p := num32At(d, p)
	end := p + int(min(l, uint32(len(d)-p)))
	return d[p:end], end
}

// place stores v in a free slot of *list (the last number freed) or at its
// end, and returns v's number.
func place[T any](list *[]T, free *[]uint32, v T) uint32 {
	if n := len(*free); n > 0 {
		i := (*free)[n-1]
		*free = (*free)[:n-1]
		(*list)[i] = v
		return i
	}
	*list = append(*list, v)
	return uint32(len(*list) - 1)
}
