package server

import (
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
// one slot and no string), and each matched name among the names the
// table holds for that code (a code's own titles and terms: a handful to
// dozens), compared by memory and length, else bytes: no hashing of the
// ~70 long names of an answer, which a table of all strings keyed by
// string did under requestMemory's lock.
//
// A code's names are the caller's strings (codeEntry.names): a name costs
// a string's sixteen bytes, and no slot or copy of its own. Ten thousand
// answers stay in memory between the engine's requests, which push them
// out of the caches: each place a put reads is a miss to memory.
type codeTable struct {
	systems   []string    // by system number; an answer's systems are the engine's few
	index     []codeSlot  // the held codes by (system, code): codeindex.go
	codes     []codeEntry // by code number; free when refs is 0
	freeCodes []uint32
}

// codeEntry is a numbered code: its string, its names, its system and the
// mentions counting it. A name is numbered by its place among its code's
// names, which only grow while the code is held.
//
// The names are the caller's own strings (held, so their memory is not
// another string's while they are): the engine's names are its index's
// strings, the same memory in every answer, and a name of the same memory
// and length is that name without a read of its bytes (refName). first
// is name 0 again, in the entry: the name a code is matched with most is
// found with no read of names.
//
// Held as bytes copied after the code's string, a name took a read of
// every name before it, a look-up past the first: the engine's codes are
// matched with up to dozens of names (half the look-ups of CodiEsp dev
// answers are past the first), and each read of a name is a line the
// engine's work has pushed out of the caches. A name's string is sixteen
// bytes of names, four to a line.
type codeEntry struct {
	code  string   // the code's bytes (a copy: not the caller's memory)
	first string   // names[0], "" before it
	names []string // by number
	sys   uint32
	refs  uint32
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

// ref returns the number of the code of key k (code its string),
// counting one more mention of it.
func (t *codeTable) ref(k *codeKey, code string) uint32 {
	if at := t.slotOf(*k, code); at >= 0 {
		c := t.index[at].c
		t.codes[c].refs++
		return c
	}
	e := codeEntry{code: strings.Clone(code), sys: k.sys, refs: 1} // not the caller's memory
	c := place(&t.codes, &t.freeCodes, e)
	t.insert(*k, c)
	return c
}

// touchSlot loads a word of the slot a look-up of key k starts at, for
// its line: the load runs on while the caller works on, where the
// look-up would wait for it.
func (t *codeTable) touchSlot(k *codeKey) uint32 {
	if len(t.index) == 0 {
		return 0
	}
	return t.index[int(k.hash)&(len(t.index)-1)].tag
}

// refName returns the number of name among code number c's names, adding
// it when new. A new name goes to the end of the list: the name a code is
// first seen with (its title, mostly) is the one it is matched with most,
// and stays first, found by its memory (codeEntry.first) with no read
// of the code's names, which the engine's work has pushed out of the
// caches. Another is found by its memory among the names (no read of a
// name's bytes), else by its bytes.
func (t *codeTable) refName(c uint32, name string) uint32 {
	e := &t.codes[c]
	p := unsafe.StringData(name)
	if len(name) == len(e.first) && len(name) > 0 && p == unsafe.StringData(e.first) {
		return 0 // the same memory: the same bytes (strings are not written)
	}
	ns := e.names
	for k := range ns {
		if len(ns[k]) == len(name) && unsafe.StringData(ns[k]) == p {
			return uint32(k)
		}
	}
	for k := range ns {
		if ns[k] == name {
			return uint32(k)
		}
	}
	if len(ns) == 0 {
		e.first = name
	}
	e.names = append(ns, name)
	return uint32(len(ns))
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
	return t.codes[c].code
}

// names appends to dst the names of code number c: all of them, in their
// numbers' order.
func (t *codeTable) names(dst []string, c uint32) []string {
	if int(c) >= len(t.codes) {
		return dst
	}
	return append(dst, t.codes[c].names...)
}

// name returns the string of name number k of code number c, "" for none.
func (t *codeTable) name(c, k uint32) string {
	if int(c) >= len(t.codes) || int(k) >= len(t.codes[c].names) {
		return ""
	}
	return t.codes[c].names[k]
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
