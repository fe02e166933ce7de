package server

import "strings"

// codeTable numbers the codes the remembered answers suggest, by system,
// each counted by the mentions in the remembered records and dropped with
// the last one, and the names that matched each code's evidence, held
// with their code and dropped with it: a record's names need no count
// (release skips them), and a code's names are the engine's few for it,
// whatever the number of answers.
//
// A put looks up each code once, by its short string in its system's map,
// and each matched name among the few names the table holds for that code
// (a code's own titles and terms: a handful), compared by length and
// bytes: no hashing of the ~70 long names of an answer, which a table of
// all strings keyed by string did under requestMemory's lock.
type codeTable struct {
	systems   []systemCodes // by system number; an answer's systems are the engine's few
	codes     []codeEntry   // by code number; free when refs is 0
	names     []nameSlot    // by name number; free when name is ""
	freeCodes []uint32
	freeNames []uint32
}

// systemCodes is a system's name and its codes' numbers by code.
type systemCodes struct {
	name  string
	codes map[string]uint32
}

// codeEntry is a numbered code: its system, its string, the mentions
// counting it and the list of its names.
type codeEntry struct {
	code  string
	sys   uint32
	refs  uint32
	first uint32 // the number of its first name plus one; 0 for none
}

// nameSlot is a numbered name of one code and the next name of the same
// code. A matched name is never "".
type nameSlot struct {
	name string
	next uint32 // the number of the code's next name plus one; 0 for none
}

// system returns the number of system name, adding it when new. Systems
// are kept: the engine names three.
func (t *codeTable) system(name string) uint32 {
	for i := range t.systems {
		if t.systems[i].name == name {
			return uint32(i)
		}
	}
	t.systems = append(t.systems, systemCodes{name: strings.Clone(name), codes: map[string]uint32{}})
	return uint32(len(t.systems) - 1)
}

// find returns the number of code in system, if held.
func (t *codeTable) find(system, code string) (uint32, bool) {
	for i := range t.systems {
		if t.systems[i].name == system {
			c, ok := t.systems[i].codes[code]
			return c, ok
		}
	}
	return 0, false
}

// ref returns the number of code in system number sys, counting one more
// mention of it.
func (t *codeTable) ref(sys uint32, code string) uint32 {
	codes := t.systems[sys].codes
	if c, ok := codes[code]; ok {
		t.codes[c].refs++
		return c
	}
	e := codeEntry{code: strings.Clone(code), sys: sys, refs: 1} // not the caller's memory
	c := place(&t.codes, &t.freeCodes, e)
	codes[e.code] = c
	return c
}

// refName returns the number of name among code number c's names, adding
// it when new. A new name goes to the end of the list: the name a code is
// first seen with (its title, mostly) is the one it is matched with most,
// and stays first.
func (t *codeTable) refName(c uint32, name string) uint32 {
	e := &t.codes[c]
	var last uint32 // the number plus one of the list's last name; 0 for none
	for j := e.first; j != 0; j = t.names[j-1].next {
		if t.names[j-1].name == name {
			return j - 1
		}
		last = j
	}
	j := place(&t.names, &t.freeNames, nameSlot{name: strings.Clone(name)})
	if last == 0 {
		e.first = j + 1
	} else {
		t.names[last-1].next = j + 1
	}
	return j
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
	for j := e.first; j != 0; {
		next := t.names[j-1].next
		t.names[j-1] = nameSlot{}
		t.freeNames = append(t.freeNames, j-1)
		j = next
	}
	delete(t.systems[e.sys].codes, e.code)
	*e = codeEntry{}
	t.freeCodes = append(t.freeCodes, c)
}

// name returns the string of name number j, "" for none.
func (t *codeTable) name(j uint32) string {
	if int(j) >= len(t.names) {
		return ""
	}
	return t.names[j].name
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
