package index

import (
	"unsafe"

	"medcode/corpus"
)

// sharedText marks, in a name's text span, a text of the index's shared
// string (ShareTexts) rather than of its arena.
const sharedText = 1 << 31

// ShareTexts makes ix read the text of each of its names that set holds
// among its code's names (or as its title) from set's arena, and drops
// ix's own copies of those texts: a snapshot's names are mostly the code
// sets' names, which the engine keeps anyway. It returns how many names
// share their text. A text is shared only when set holds the very bytes,
// so what ix reads is unchanged. It must be called before ix is used
// elsewhere: it is not safe for concurrent use.
func (ix *Index) ShareTexts(set *corpus.Set) int {
	base := set.Arena()
	if base == "" || ix.shared != "" {
		return 0
	}
	shared := 0
	code, at := int32(-1), 0
	var texts []string
	for i := range ix.names {
		n := &ix.names[i]
		if n.code != code {
			code, at = n.code, 0
			texts = codeTexts(set, ix.Code(code), texts[:0])
		}
		s := ix.str(n.text)
		// A code's names follow the order of its names in the set (with
		// the variants Build adds): look from the last one found.
		for k := range texts {
			j := (at + k) % len(texts)
			if off, ok := within(base, texts[j], s); ok {
				n.text = span{off: off, len: uint32(len(s)) | sharedText}
				at, shared = j, shared+1
				break
			}
		}
	}
	if shared == 0 {
		return 0
	}
	ix.shared = base
	ix.compactArena()
	ix.layHeads() // the records' heads hold the texts too
	return shared
}

// codeTexts appends the texts set holds for ref (its title, then its
// names) to dst.
func codeTexts(set *corpus.Set, ref CodeRef, dst []string) []string {
	id, ok := set.ID(ref.System, ref.Code)
	if !ok {
		return dst
	}
	c := set.Code(id)
	dst = append(dst, c.Display)
	for _, n := range c.Names {
		dst = append(dst, n.Text)
	}
	return dst
}

// within returns where t, a string of base, lies in base, when t holds s:
// the offset read from t's address is kept only if base holds s there.
func within(base, t, s string) (uint32, bool) {
	if t != s || s == "" || len(s) >= sharedText || len(s) > len(base) {
		return 0, false
	}
	off := uintptr(unsafe.Pointer(unsafe.StringData(t))) - uintptr(unsafe.Pointer(unsafe.StringData(base)))
	if off > uintptr(len(base)-len(s)) || base[off:off+uintptr(len(s))] != s {
		return 0, false
	}
	return uint32(off), true
}

// compactArena lays out a fresh arena holding only what ix still reads
// from its arena: codes, terms and the texts of names not shared.
func (ix *Index) compactArena() {
	size := 0
	for _, c := range ix.codes {
		size += int(c.code.len)
	}
	for _, t := range ix.termStr {
		size += int(t.len)
	}
	for i := range ix.names {
		if sp := ix.names[i].text; sp.len&sharedText == 0 {
			size += int(sp.len)
		}
	}
	ab := arenaBuilder{b: make([]byte, 0, size)}
	for i := range ix.codes {
		ix.codes[i].code = ab.add(ix.str(ix.codes[i].code))
	}
	for i, t := range ix.termStr {
		ix.termStr[i] = ab.add(ix.str(t))
	}
	for i := range ix.names {
		if n := &ix.names[i]; n.text.len&sharedText == 0 {
			n.text = ab.add(ix.str(n.text))
		}
	}
	ix.arena = string(ab.b)
	if ix.termID != nil { // its keys are strings of the old arena
		ix.termID = make(map[string]uint32, len(ix.termStr))
		for i := range ix.termStr {
			ix.termID[ix.Term(uint32(i))] = uint32(i)
		}
	}
}
