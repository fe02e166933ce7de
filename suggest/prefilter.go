package suggest

import (
	"strings"
	"unicode/utf8"
)

// The rules' regular expressions run over the whole note; most notes hold
// nothing they could match. The tests here are necessary conditions of a
// match, checked in one cheap pass, so that the expression runs only when
// it may match. Each names the part of its expression it relies on.

// digitThen reports whether s holds an ASCII digit followed, after any run
// of bytes from skip, by word (ASCII letters without other Unicode case
// folds, compared ignoring case). A long text is read only where word
// stands (foldIndex), looking back over skip for the digit: the same
// answer when word starts with no byte of skip and skip holds no digit
// (FuzzPrefilterFast holds it to digitThenPlain).
func digitThen(s, skip, word string) bool {
	if len(s) < shortPrefilter || word == "" || strings.IndexByte(skip, word[0]) >= 0 || strings.ContainsAny(skip, "0123456789") {
		return digitThenPlain(s, skip, word)
	}
	f := newFoldFinder(s, word, 0)
	for p := f.next(0); p >= 0; p = f.next(p + 1) {
		k := p - 1
		for k >= 0 && strings.IndexByte(skip, s[k]) >= 0 {
			k--
		}
		if k >= 0 && isDigit(s[k]) {
			return true
		}
	}
	return false
}

// digitThenPlain is digitThen reading every byte of s.
func digitThenPlain(s, skip, word string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte(skip, s[j]) >= 0 {
			j++
		}
		if len(s)-j >= len(word) && strings.EqualFold(s[j:j+len(word)], word) {
			return true
		}
	}
	return false
}

// shortPrefilter is the length below which the prefilters read a text
// byte by byte: a search per byte value costs more there.
const shortPrefilter = 64

// containsFold reports whether s holds word (ASCII letters without other
// Unicode case folds), ignoring case: containsFoldPlain, reading a long
// text only where word's first letter stands (foldIndex).
func containsFold(s, word string) bool {
	if len(s) < shortPrefilter || word == "" {
		return containsFoldPlain(s, word)
	}
	return foldIndex(s, word, 0) >= 0
}

// containsFoldPlain is containsFold reading every byte of s.
func containsFoldPlain(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0]|0x20 && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// foldIndex returns the first byte of s from from on at which non-empty
// word (ASCII letters without other Unicode case folds) stands, ignoring
// case, -1 when none: it searches for the first byte of word in each case
// with strings.IndexByte, and compares word only there (a text byte
// beyond ASCII folds to no ASCII letter of such a word).
func foldIndex(s, word string, from int) int { return foldIndexAt(s, word, 0, from) }

// foldIndexAt is foldIndex searching for word's byte k rather than its
// first: a rarer byte where the first is common (the t of "twin").
func foldIndexAt(s, word string, k, from int) int {
	f := newFoldFinder(s, word, k)
	return f.next(from)
}

// foldFinder finds word in s as foldIndexAt does, occurrence after
// occurrence: it keeps the next place of each case of word's byte k, so
// that a loop over the occurrences reads s once. (foldIndexAt from each
// occurrence on searched again for a case that s no longer holds, to the
// end of s: quadratic in a long note saying the word throughout.)
type foldFinder struct {
	s, word string
	k       int
	lo, up  byte
	// nl and nu are the next places of lo and up at or after at, -1 for
	// none; at is -1 before the first search.
	nl, nu, at int
}

func newFoldFinder(s, word string, k int) foldFinder {
	lo, up := word[k], word[k]
	if 'a' <= lo && lo <= 'z' {
		up = lo - ('a' - 'A')
	} else if 'A' <= lo && lo <= 'Z' {
		lo = up + ('a' - 'A')
	}
	return foldFinder{s: s, word: word, k: k, lo: lo, up: up, nu: -1, at: -1}
}

// next returns the first occurrence of word at or after from, -1 for
// none. A from before the last one searches s afresh.
func (f *foldFinder) next(from int) int {
	s, k := f.s, f.k
	if from+k >= len(s) {
		return -1
	}
	// A kept place before from+k is stale; one at or after it, or none
	// (-1) past an earlier start, still holds.
	if start := from + k; f.at < 0 || f.at > start {
		f.nl = byteFrom(s, start, f.lo)
		if f.up != f.lo {
			f.nu = byteFrom(s, start, f.up)
		}
		f.at = start
	} else {
		if f.nl >= 0 && f.nl < start {
			f.nl = byteFrom(s, start, f.lo)
		}
		if f.nu >= 0 && f.nu < start {
			f.nu = byteFrom(s, start, f.up)
		}
		f.at = start
	}
	for {
		i := f.nl
		if i < 0 || f.nu >= 0 && f.nu < i {
			i = f.nu
		}
		if i < 0 || len(s)-(i-k) < len(f.word) {
			return -1
		}
		if strings.EqualFold(s[i-k:i-k+len(f.word)], f.word) {
			return i - k
		}
		if i == f.nl {
			f.nl = byteFrom(s, i+1, f.lo)
		} else {
			f.nu = byteFrom(s, i+1, f.up)
		}
	}
}

// containsLower is strings.Contains(strings.ToLower(text), word) for a
// lower-case ASCII word, without the lower-cased copy of an ASCII text
// (on ASCII, ToLower is ASCII case folding: containsFold).
func containsLower(text, word string) bool {
	// A word led by bytes that are no letters (", unspecified whether "):
	// asked at those bytes only. The gate keeps the call off the letter-led
	// words ("acute", "unspecified"), which it makes no claim about.
	if len(word) > 0 && (word[0] < 'a' || word[0] > 'z') {
		if found, sure := containsLowerAtRuns(text, word); sure {
			return found
		}
	}
	if isASCII(text) {
		return containsFold(text, word)
	}
	return strings.Contains(strings.ToLower(text), word)
}

// containsLowerAtRuns answers containsLower(text, word) for a lower-case
// ASCII word (containsLower's) that starts with bytes that are no letters
// (", " of ", unspecified whether "), read only where text holds them:
// ToLower maps each rune to one rune and an ASCII byte that is no letter
// only from itself, so the word's leading run in the lower-cased text is
// one of text's, and the ASCII bytes after it lower-case alone. Most titles hold ", " ("...,
// unspecified", "..., initial encounter") and would otherwise be scanned
// whole. sure is false for other words, and where a byte past ASCII
// stands where the rest of the word is compared (a rune may lower-case to
// an ASCII letter, or to more bytes).
func containsLowerAtRuns(text, word string) (found, sure bool) {
	p := 0
	for p < len(word) && (word[p] < 'a' || word[p] > 'z') {
		if word[p] >= 'A' && word[p] <= 'Z' || word[p] >= utf8.RuneSelf {
			return false, false // not a lower-case ASCII word: no claim
		}
		p++
	}
	if p == 0 || p == len(word) {
		return false, false
	}
	run := word[:p]
	for t := text; ; {
		q := strings.Index(t, run)
		if q < 0 {
			return false, true
		}
		t = t[q:]
		n := min(len(t), len(word))
		i := p
		for ; i < n; i++ {
			c := t[i]
			if c >= utf8.RuneSelf {
				return false, false
			}
			if c-'A' < 26 {
				c += 'a' - 'A'
			}
			if c != word[i] {
				break
			}
		}
		if i == len(word) {
			return true, true
		}
		if i == n && n < len(word) {
			return false, true // text ends inside the word, on ASCII
		}
		t = t[1:]
	}
}

// reSpace is RE2's \s.
const reSpace = "\t\n\f\r "
