package suggest

import (
	"regexp"
	"strings"
)

// guarded is a case-insensitive regexp every match of which holds one of
// words (lower-case ASCII): the rules run such regexps over every note or
// sentence, and most texts hold none of the words. A text holding none
// of them, ignoring ASCII case, and neither of the two runes beyond ASCII
// that (?i) folds to an ASCII letter (the Kelvin sign is a k, the long s
// an s) is not searched; any other is searched as by the regexp itself.
type guarded struct {
	*regexp.Regexp
	words []string
	// first has bit c set for each first byte c of words.
	first *[2]uint64
}

// guard compiles expr guarded by words.
func guard(expr string, words ...string) guarded {
	first := new([2]uint64)
	for _, w := range words {
		first[w[0]>>6] |= 1 << (w[0] & 63)
	}
	return guarded{Regexp: regexp.MustCompile(expr), words: words, first: first}
}

// may reports whether s may hold a match.
func (g guarded) may(s string) bool { return g.index(s, 0) >= 0 }

// index returns the first byte of s from from on at which one of the
// words (or a rune folding to ASCII) starts, -1 when none: may(s[a:b])
// holds only if index(s, a) is in [a, b).
func (g guarded) index(s string, from int) int {
	for i := max(from, 0); i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			if foldsToASCII(s[i:]) {
				return i
			}
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if g.first != nil && g.first[c>>6]&(1<<(c&63)) == 0 {
			continue // no word starts with c
		}
		for _, w := range g.words {
			if c == w[0] && len(s)-i >= len(w) && asciiFoldPrefix(s[i:], w) {
				return i
			}
		}
	}
	return -1
}

// foldsToASCII reports whether s begins with a rune simple case folding
// maps to an ASCII letter: U+212A KELVIN SIGN (k) or U+017F LATIN SMALL
// LETTER LONG S (s), the only two (unicode.SimpleFold).
func foldsToASCII(s string) bool {
	return strings.HasPrefix(s, "\u212a") || strings.HasPrefix(s, "\u017f")
}

// asciiFoldPrefix reports whether s begins with lower-case word w,
// ignoring ASCII case.
func asciiFoldPrefix(s, w string) bool {
	for j := 0; j < len(w); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

// FindStringSubmatchIndex is the regexp's, nil where s cannot match.
func (g guarded) FindStringSubmatchIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatchIndex(s)
}

// FindAllStringSubmatchIndex is the regexp's, nil where s cannot match.
func (g guarded) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindAllStringSubmatchIndex(s, n)
}

// FindStringSubmatch is the regexp's, nil where s cannot match.
func (g guarded) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

// MatchString is the regexp's, false where s cannot match.
func (g guarded) MatchString(s string) bool {
	return g.may(s) && g.Regexp.MatchString(s)
}
