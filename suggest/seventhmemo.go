package suggest

import (
	"strings"

	"medcode/corpus"
)

// completeSeventh's work for a stem depends on the stem alone: its code
// padded to six characters, and, where the note is silent, the table's
// default character, its code and the edit asking for it. The ranking
// reads it for every candidate that takes a seventh character, note
// after note; an engine works it out once per stem (rankTables.seventh).

// seventhDone is completeSeventh's work for one stem.
type seventhDone struct {
	sys corpus.System
	// key is the stem's code without dots, padded with X to six
	// characters, then spelled as corpus.NormalizeCode spells it (for
	// ICD-10-CM, a dot after the third): key+char is already canonical
	// for an upper-case char, so Set.ID finds it without respelling it
	// (four allocations), and the concatenation, not kept, stays on the
	// stack.
	key string
	// byChar is the code of key and each seventh character a table may
	// have, digits then upper-case letters (seventhSlot), looked up once
	// per stem rather than per candidate; 0 where the set has none.
	byChar [36]corpus.ID
	// def and defEdit are completeSeventh(stem, ""): the code and edit
	// when the note documents no seventh character (the edit held here,
	// not as an object of its own; edited false when there is none).
	def     corpus.ID
	defEdit Edit
	edited  bool
}

// completeSeventh is completeSeventh of the engine's set, the stem's
// work read once per engine. The edit it returns may be shared: callers
// copy it, never change it.
func (e *Engine) completeSeventh(stem corpus.ID, char string) (corpus.ID, *Edit) {
	d, ok := e.rank.seventh.load(e.set, stem)
	if !ok {
		d = e.rank.seventh.store(e.set, stem, newSeventhDone(e.set, stem))
	}
	if char == "" {
		if !d.edited {
			return d.def, nil
		}
		return d.def, &d.defEdit
	}
	if i := seventhSlot(char); i >= 0 {
		if c := d.byChar[i]; c != 0 {
			return c, nil
		}
	} else if c, ok := e.set.ID(d.sys, d.key+char); ok {
		return c, nil
	}
	return completeSeventh(e.set, stem, char) // the fallback and its edit
}

// seventhSlot is the index in seventhDone.byChar of a one-character
// char, a digit or an upper-case letter; -1 for any other char.
func seventhSlot(char string) int {
	if len(char) != 1 {
		return -1
	}
	switch c := char[0]; {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'Z':
		return 10 + int(c-'A')
	}
	return -1
}

// newSeventhDone works out completeSeventh's work for stem.
func newSeventhDone(set *corpus.Set, stem corpus.ID) *seventhDone {
	sb := set.Brief(stem)
	base := strings.ReplaceAll(sb.Code, ".", "")
	for len(base) < 6 {
		base += "X"
	}
	d := &seventhDone{sys: sb.System, key: corpus.NormalizeCode(sb.System, base)}
	for i := range d.byChar {
		ch := byte('0' + i)
		if i >= 10 {
			ch = byte('A' + i - 10)
		}
		d.byChar[i], _ = set.ID(d.sys, d.key+string(ch))
	}
	var ed *Edit
	d.def, ed = completeSeventh(set, stem, "")
	if ed != nil {
		d.defEdit, d.edited = *ed, true
	}
	return d
}
