package suggest

import "medcode/corpus"

// categorySet holds ICD-10-CM categories, a code's first three bytes
// (letters case-folded), one bit each. A code whose category is not in
// it is not a key of the table it was made from, so the coding rules test
// it before a string-keyed lookup: a map access hashes and compares the
// whole code, and few of a note's suggestions are in any one rule's
// table. The zero value is empty.
type categorySet struct {
	bits [categoryKeys / 64]uint64
	// odd is set when a key's first three bytes are not letters and
	// digits: every code may then be a key.
	odd bool
}

// categoryKeys is the number of three-byte categories of letters and
// digits.
const categoryKeys = 36 * 36 * 36

// catIndex is the index of code's category: its first three bytes,
// letters and digits, an upper- and a lower-case letter alike; false
// when code has no such three.
func catIndex(code string) (int, bool) {
	if len(code) < 3 {
		return 0, false
	}
	a, b, c := base36(code[0]), base36(code[1]), base36(code[2])
	return (a*36+b)*36 + c, a|b|c >= 0
}

// base36 is c's value as a base-36 digit, 0-9 then a letter (either
// case) 10-35; -1 for any other byte.
func base36(c byte) int {
	if c-'0' < 10 {
		return int(c - '0')
	}
	if l := c | 0x20 - 'a'; l < 26 {
		return int(l) + 10
	}
	return -1
}

// add puts key's category in s.
func (s *categorySet) add(key string) {
	k, ok := catIndex(key)
	if !ok {
		s.odd = true
		return
	}
	s.bits[k/64] |= 1 << (k % 64)
}

// mayHold reports whether a key with code's first three bytes, or with
// NormalizeCode's spelling of them, may be in s's table: false only when
// no key is. (NormalizeCode trims, upper-cases and moves dots: none of
// that changes three leading letters and digits but their case.)
func (s *categorySet) mayHold(code string) bool {
	if s.odd || len(code) < 3 {
		return true
	}
	// catIndex, written out: a call fewer on the rules' paths.
	a, b, c := base36(code[0]), base36(code[1]), base36(code[2])
	k := uint((a*36+b)*36 + c) // read only when a, b and c are digits
	return a|b|c < 0 || s.bits[k>>6]&(1<<(k&63)) != 0
}

// spelledCodes is a set of ICD-10-CM codes by NormalizeCode's spelling,
// with their categories to turn most codes away before the map.
type spelledCodes struct {
	codes map[string]bool
	cats  categorySet
}

// add puts code, spelled as NormalizeCode spells it, in s.
func (s *spelledCodes) add(code string) {
	if s.codes == nil {
		s.codes = map[string]bool{}
	}
	s.codes[code] = true
	s.cats.add(code)
}

// has reports whether code, spelled any way NormalizeCode reads, is in s:
// s.codes[corpus.NormalizeCode(corpus.ICD10CM, code)].
func (s *spelledCodes) has(code string) bool {
	return s.cats.mayHold(code) && s.codes[corpus.NormalizeCode(corpus.ICD10CM, code)]
}
