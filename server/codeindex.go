package server

// The code table's index (codeTable.index) finds a held code's number by
// its system and string: open addressing with linear probing over slots
// of sixteen bytes, at most half of them used, a removed code's followers
// shifted back into its place (no tombstones).
//
// A slot holds the code's first eight bytes and a tag of its system and
// length besides its number: a code of up to eight bytes (every code of
// the engine's systems) is compared in its slot, and a look-up reads the
// slots from the code's hash to its own, mostly one cache line, and no
// string. A map keyed by the code's string read its group's control word,
// the slot's key and the key's bytes in the code's data: three places in
// memory a code, where the engine's work on a note leaves none of them
// in the caches. A longer code (or a system numbered past the tag's
// bits) is compared against its entry's string too.

// codeSlot is a slot of the index: a held code's first eight bytes (key,
// little-endian, zero past its end), its tag (codeKey) and its number; a
// tag of 0 is a free slot.
type codeSlot struct {
	key uint64
	tag uint32
	c   uint32
}

// codeKey is what the index places and compares a code by: its first
// eight bytes as codeSlot.key holds them, its tag, its hash over its
// system and all its bytes, and its system.
//
// The tag is (system+1)<<8 | length for a code its slot compares whole
// (up to eight bytes, system below inexactSys); any other code's tag is
// inexactSys<<8 | min(length, 255), and a slot that matches it is
// checked against the code's entry.
type codeKey struct {
	word, hash uint64
	tag, sys   uint32
}

// inexactSys is the tag's system part of a code its slot does not compare
// whole.
const inexactSys = 1<<24 - 1

// newCodeKey returns the key of code in system number sys.
func newCodeKey(sys uint32, code string) codeKey {
	n := len(code)
	k := codeKey{word: codeWord(code), sys: sys}
	if n <= 8 && sys < inexactSys-1 {
		k.tag = (sys+1)<<8 | uint32(n)
	} else {
		k.tag = inexactSys<<8 | uint32(min(n, 255))
	}
	rest := ""
	if n > 8 {
		rest = code[8:]
	}
	k.hash = codeHash(sys, n, k.word, rest)
	return k
}

// exact reports whether a slot that matches k's key and tag holds k's
// code without a look at the code's entry.
func (k *codeKey) exact() bool { return k.tag>>8 != inexactSys }

// codeWord returns the first eight bytes of s little-endian, zero past its
// end: four to seven bytes (most codes) in two overlapping loads.
func codeWord(s string) uint64 {
	n := len(s)
	switch {
	case n >= 8:
		return word(s[:8])
	case n >= 4:
		lo := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
		hi := uint64(s[n-4]) | uint64(s[n-3])<<8 | uint64(s[n-2])<<16 | uint64(s[n-1])<<24
		return lo | hi<<(8*(n-4)) // the overlapping bytes are the same
	}
	var w uint64
	for i := n - 1; i >= 0; i-- {
		w = w<<8 | uint64(s[i])
	}
	return w
}

// codeHash hashes a code of system sys and n bytes, whose first eight are
// word and the rest rest (deterministic: the engine's codes, not a
// client's strings, are its keys).
func codeHash(sys uint32, n int, word uint64, rest string) uint64 {
	const k1, k2 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	h := word*k1 ^ (uint64(sys)<<32|uint64(uint32(n)))*k2
	for len(rest) > 0 {
		h ^= h >> 29
		h = (h ^ codeWord(rest[:min(8, len(rest))])) * k1
		rest = rest[min(8, len(rest)):]
	}
	h ^= h >> 32
	h *= k2
	h ^= h >> 29
	return h
}

// slotOf returns the slot of the code whose key is k (code its string),
// -1 when not held.
func (t *codeTable) slotOf(k codeKey, code string) int {
	if len(t.index) == 0 {
		return -1
	}
	mask := len(t.index) - 1
	for i := int(k.hash) & mask; ; i = (i + 1) & mask {
		s := &t.index[i]
		if s.tag == 0 {
			return -1
		}
		if s.tag == k.tag && s.key == k.word {
			if k.exact() {
				return i
			}
			if e := &t.codes[s.c]; e.sys == k.sys && e.code == code {
				return i
			}
		}
	}
}

// slotHash returns the hash of the code in slot s.
func (t *codeTable) slotHash(s *codeSlot) uint64 {
	if sys := s.tag >> 8; sys != inexactSys {
		return codeHash(sys-1, int(s.tag&0xff), s.key, "")
	}
	e := &t.codes[s.c]
	return newCodeKey(e.sys, e.code).hash
}

// insert adds code number c, whose key is k and which is not in the
// index, growing the index past half full (the index is then built
// again from the held codes, c among them).
func (t *codeTable) insert(k codeKey, c uint32) {
	held := len(t.codes) - len(t.freeCodes)
	if 2*held > len(t.index) {
		t.rebuild(held)
		return
	}
	t.slotFor(k, c)
}

// slotFor puts code number c, whose key is k, in the first free slot
// from its hash's.
func (t *codeTable) slotFor(k codeKey, c uint32) {
	mask := len(t.index) - 1
	i := int(k.hash) & mask
	for t.index[i].tag != 0 {
		i = (i + 1) & mask
	}
	t.index[i] = codeSlot{key: k.word, tag: k.tag, c: c}
}

// rebuild makes the index anew for held codes, at most a quarter full.
func (t *codeTable) rebuild(held int) {
	n := 64
	for n < 4*held {
		n *= 2
	}
	t.index = make([]codeSlot, n)
	for c := range t.codes {
		e := &t.codes[c]
		if e.refs == 0 {
			continue
		}
		t.slotFor(newCodeKey(e.sys, e.code), uint32(c))
	}
}

// remove drops code number c, which is held and in the index, from the
// index: the slots after its own up to a free one that may move back to
// it (their hash's slot is not after it) move, each leaving its own for
// the next.
func (t *codeTable) remove(c uint32) {
	e := &t.codes[c]
	k := newCodeKey(e.sys, e.code)
	mask := len(t.index) - 1
	i := int(k.hash) & mask
	for t.index[i].c != c || t.index[i].tag == 0 {
		i = (i + 1) & mask
	}
	for j := i; ; {
		j = (j + 1) & mask
		s := &t.index[j]
		if s.tag == 0 {
			break
		}
		if h := int(t.slotHash(s)) & mask; (j-h)&mask >= (j-i)&mask {
			t.index[i] = *s
			i = j
		}
	}
	t.index[i] = codeSlot{}
}
