package suggest

import (
	"regexp"
	"slices"
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
	// lead are the bytes index stops at: each first byte of words in
	// either case and the first bytes of the two runes folding to ASCII;
	// nil when there are too many for a search per byte to pay.
	lead []byte
	// longest is the length of the longest of words when every match
	// starts with one of them (guardStart), else 0: a search may then
	// begin just before the first (from).
	longest int
}

// maxLead is the most lead bytes index searches for one at a time.
const maxLead = 8

// shortGuarded is the length below which index reads the text byte by
// byte (indexPlain): searching for each lead byte costs more there.
const shortGuarded = 64

// guard compiles expr guarded by words.
func guard(expr string, words ...string) guarded {
	first := new([2]uint64)
	lead := []byte{"\u212a"[0], "\u017f"[0]}
	for _, w := range words {
		first[w[0]>>6] |= 1 << (w[0] & 63)
		for _, c := range []byte{w[0], upperASCII(w[0])} {
			if !slices.Contains(lead, c) {
				lead = append(lead, c)
			}
		}
	}
	if len(lead) > maxLead {
		lead = nil
	}
	return guarded{Regexp: regexp.MustCompile(expr), words: words, first: first, lead: lead}
}

// guardStart is guard of an expr every match of which starts with one of
// words (in any case, a rune folding to ASCII standing for its letter)
// and which holds no ^ nor \A: FindStringSubmatch and MatchString search
// from just before the first word (from), not from the text's start.
func guardStart(expr string, words ...string) guarded {
	if strings.Contains(expr, "^") || strings.Contains(expr, `\A`) {
		panic("suggest: guardStart of an anchored expr: " + expr)
	}
	g := guard(expr, words...)
	for _, w := range words {
		g.longest = max(g.longest, len(w))
	}
	return g
}

// upperASCII is c in upper case when it is an ASCII lower-case letter.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// may reports whether s may hold a match.
func (g guarded) may(s string) bool { return g.index(s, 0) >= 0 }

// index returns the first byte of s from from on at which one of the
// words (or a rune folding to ASCII) starts, -1 when none: may(s[a:b])
// holds only if index(s, a) is in [a, b). It is indexPlain, reading a
// long text only where one of the lead bytes stands (strings.IndexByte
// per lead byte, in order of place): neither a word nor a rune folding to
// ASCII starts at another byte (FuzzGuardedIndexPlain).
func (g guarded) index(s string, from int) int {
	from = max(from, 0)
	if g.lead == nil || len(s)-from < shortGuarded {
		return g.indexPlain(s, from)
	}
	var next [maxLead]int // per lead byte, where it next stands; -1: nowhere
	for k, c := range g.lead {
		next[k] = byteFrom(s, from, c)
	}
	for {
		k := -1
		for j := range g.lead {
			if next[j] >= 0 && (k < 0 || next[j] < next[k]) {
				k = j
			}
		}
		if k < 0 {
			return -1
		}
		i := next[k]
		if g.startsAt(s, i) {
			return i
		}
		next[k] = byteFrom(s, i+1, g.lead[k])
	}
}

// byteFrom is the first byte c of s from from on, -1 when none.
func byteFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// startsAt reports whether one of the words, ignoring ASCII case, or a
// rune folding to ASCII starts at byte i of s.
func (g guarded) startsAt(s string, i int) bool {
	c := s[i]
	if c >= 0x80 {
		return foldsToASCII(s[i:])
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	for _, w := range g.words {
		if c == w[0] && len(s)-i >= len(w) && asciiFoldPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// indexPlain is index reading every byte of s from from on.
func (g guarded) indexPlain(s string, from int) int {
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

// from returns where a search of s for the first match may begin, -1
// when s cannot match. Where every match starts with one of the words
// (guardStart), whose bytes before its first rune folding to ASCII are
// ASCII, a match starts at or after longest bytes before index(s, 0);
// from there the search goes back to the start of the ASCII word it is
// in, so that \b reads the same byte before it as in s (a byte beyond
// ASCII is no word byte to \b). Other regexps are searched from 0.
func (g guarded) from(s string) int {
	at := g.index(s, 0)
	if at < 0 || g.longest == 0 {
		return min(at, 0)
	}
	at = max(0, at-g.longest)
	for at > 0 && isWordByte(s[at-1]) {
		at--
	}
	return at
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
	at := g.from(s)
	if at < 0 {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s[at:])
}

// MatchString is the regexp's, false where s cannot match.
func (g guarded) MatchString(s string) bool {
	at := g.from(s)
	return at >= 0 && g.Regexp.MatchString(s[at:])
}
