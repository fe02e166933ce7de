package nlp

import "strings"

// headStarts tells, from a candidate header's first and last words,
// whether it may be a known header phrase, so that findSections builds a
// key (headerKey) and looks it up (headerKind) only for the few lines
// that may: most short lines of a note ("Obesity, BMI 32.") neither start
// nor end as a header does.
type headStarts struct {
	first, last map[string]struct{} // the keys' first and last words
	// lastPair[c1] has bit c2 set when a word of last starts with the
	// bytes whose wordCodes are c1, c2 (c2 0: a one-byte word): most
	// lines are ruled out by it before a map lookup.
	lastPair [wordCodes]uint64
	// long is the length of the longest of those words: a longer word is
	// none of them.
	long int
}

// wordCodes is the number of wordCode values.
const wordCodes = 1 + 26 + 10

// wordCode numbers a word byte: 1-26 the letters of either case, 27-36
// the digits, 0 any other byte.
func wordCode(c byte) int {
	if l := (c | 0x20) - 'a'; l < 26 {
		return 1 + int(l)
	}
	if d := c - '0'; d < 10 {
		return 27 + int(d)
	}
	return 0
}

// maxHeadWord bounds the words headStarts lower-cases on the stack; a
// table with a longer one rules out no line.
const maxHeadWord = 32

// newHeadStarts reads the first and last words of the header keys, and
// the radiology suffixes' words, which end the keys headerKind knows by
// their last word.
func newHeadStarts(headers map[string]SectionKind) headStarts {
	h := headStarts{first: map[string]struct{}{}, last: map[string]struct{}{}}
	add := func(m map[string]struct{}, w string) {
		m[w] = struct{}{}
		h.long = max(h.long, len(w))
	}
	for k := range headers {
		ws := strings.Split(k, " ")
		add(h.first, ws[0])
		add(h.last, ws[len(ws)-1])
	}
	add(h.last, impressionSuffix[1:])
	add(h.last, findingsSuffix[1:])
	for w := range h.last {
		c2 := 0
		if len(w) > 1 {
			c2 = wordCode(w[1])
		}
		h.lastPair[wordCode(w[0])] |= 1 << c2
	}
	return h
}

// may reports whether s may be a known header: false only when
// headerKind cannot know headerKey(s) (TestHeadStarts). A key's first and
// last words are s's lower-cased (unless one is "and", which the key
// drops); a key in the table starts and ends with a word of its keys, and
// a key known by its radiology suffix ends with it.
func (h *headStarts) may(s string) bool {
	if h.long > maxHeadWord {
		return true
	}
	i := 0
	for i < len(s) && !isWordByte(s[i]) {
		i++
	}
	j := i
	for j < len(s) && isWordByte(s[j]) {
		j++
	}
	first := s[i:j]
	j = len(s)
	for j > 0 && !isWordByte(s[j-1]) {
		j--
	}
	i = j
	for i > 0 && isWordByte(s[i-1]) {
		i--
	}
	last := s[i:j]
	if isAnd(first) || isAnd(last) {
		return true // dropped: the key starts or ends with another word
	}
	if len(last) == 0 {
		return false // no word: headerKey finds no letter
	}
	c2 := 0
	if len(last) > 1 {
		c2 = wordCode(last[1])
	}
	if h.lastPair[wordCode(last[0])]&(1<<c2) == 0 || !h.has(h.last, last) {
		return false
	}
	return h.has(h.first, first) || isSuffixWord(last)
}

// has reports whether m holds the word w lower-cased.
func (h *headStarts) has(m map[string]struct{}, w string) bool {
	if len(w) == 0 || len(w) > h.long {
		return false
	}
	var buf [maxHeadWord]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	_, ok := m[string(buf[:len(w)])]
	return ok
}

// isSuffixWord reports whether w is a radiology suffix's word, in any
// case.
func isSuffixWord(w string) bool {
	return strings.EqualFold(w, impressionSuffix[1:]) || strings.EqualFold(w, findingsSuffix[1:])
}

// isAnd reports whether the word w is "and", in any case.
func isAnd(w string) bool {
	return len(w) == 3 && w[0]|0x20 == 'a' && w[1]|0x20 == 'n' && w[2]|0x20 == 'd'
}
