package suggest

import "strings"

// The pregnancy rules read two facts of a whole note that gravidaNumber
// and singleFetus state as regexps; run over a pregnant note's text they
// cost more than the rest of its obstetric rules, so they are read by the
// scans below, which TestObstetricScans and FuzzObstetricScans hold to
// the regexps.

// gravidaDigits is gravidaNumber's first match's number (m[1] of
// FindStringSubmatch), ok false where it finds none. gravidaNumber's
// letters (g, r, a, v, i, d, p) have no fold beyond ASCII, so a byte scan
// reads it: at a g that starts a word, "g" then a digit or "gravida",
// white space and a digit; one or two digits (never three: the tail's
// byte is no digit); then white space, "p", "," or the text's end
// ((?:p|para\b|...): "para" starts with p).
func gravidaDigits(s string) (string, bool) {
	for p := 0; p < len(s); p++ {
		if c := s[p]; c != 'g' && c != 'G' || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		q := p + 1
		if q >= len(s) || !isDigit(s[q]) {
			if len(s)-p < len("gravida") || !asciiFoldPrefix(s[p:], "gravida") {
				continue
			}
			q = p + len("gravida")
			for q < len(s) && isRESpace(s[q]) {
				q++
			}
			if q >= len(s) || !isDigit(s[q]) {
				continue
			}
		}
		e := q + 1
		if e < len(s) && isDigit(s[e]) {
			e++
		}
		if e == len(s) || isRESpace(s[e]) || s[e] == 'p' || s[e] == 'P' || s[e] == ',' {
			return s[q:e], true
		}
	}
	return "", false
}

// saysSingleFetus is singleFetus.MatchString(s): "singleton", or "single "
// then "fetus", "gestation", "pregnancy" or "intrauterine pregnancy", in
// any ASCII case, between word boundaries. A text holding the long s,
// which (?i) reads as an s, is left to the regexp.
func saysSingleFetus(s string) bool {
	if strings.Contains(s, "\u017f") {
		return singleFetus.MatchString(s)
	}
	f := newFoldFinder(s, "single", 0)
	for p := f.next(0); p >= 0; p = f.next(p + 1) {
		if p > 0 && isWordByte(s[p-1]) {
			continue
		}
		r := p + len("single")
		if foldWordAt(s, r, "ton") {
			return true
		}
		if r < len(s) && s[r] == ' ' {
			for _, w := range [...]string{"fetus", "gestation", "pregnancy", "intrauterine pregnancy"} {
				if foldWordAt(s, r+1, w) {
					return true
				}
			}
		}
	}
	return false
}

// fetusWords are fetusLetter's words, each with the byte a search for it
// looks for: a rarer letter than its first where the first is a t.
var fetusWords = [...]struct {
	w string
	k int
}{{"twin", 1}, {"triplet", 3}, {"quadruplet", 0}, {"fetus", 0}, {"baby", 0}}

// fetusCharacter is fetusLetter's first match's letter or digit (m[1] of
// FindStringSubmatch), ok false where it finds none. No two of the words
// start at one byte, so the first match is the one starting first: each
// word's first start, between word boundaries and followed by its tail
// (fetusTail), is searched for before the best found so far. A text
// holding the long s, which (?i) reads as the s of "fetus", is left to
// the regexp.
func fetusCharacter(s string) (string, bool) {
	if strings.Contains(s, "\u017f") {
		if m := fetusLetter.FindStringSubmatch(s); m != nil {
			return m[1], true
		}
		return "", false
	}
	best, ch := len(s), ""
	for _, fw := range fetusWords {
		// A start before best ends before best+len(w).
		t := s[:min(len(s), best+len(fw.w)-1)]
		f := newFoldFinder(t, fw.w, fw.k)
		for p := f.next(0); p >= 0; p = f.next(p + 1) {
			if p > 0 && isWordByte(s[p-1]) {
				continue
			}
			if k, ok := fetusTail(s, p+len(fw.w)); ok {
				best, ch = p, s[k:k+1]
				break
			}
		}
	}
	return ch, ch != ""
}

// fetusTail reads fetusLetter's \s*(?:#\s*)?([a-e1-9])\b at byte k of s,
// returning where the letter or digit stands. Neither white space nor #
// is a letter or a digit, so the greedy reading is the only one.
func fetusTail(s string, k int) (int, bool) {
	k = skipRESpace(s, k)
	if k < len(s) && s[k] == '#' {
		k = skipRESpace(s, k+1)
	}
	if k >= len(s) {
		return 0, false
	}
	c := s[k] | 0x20 // ASCII lower case of a letter; digits hold the bit
	if !('a' <= c && c <= 'e' || '1' <= s[k] && s[k] <= '9') || k+1 < len(s) && isWordByte(s[k+1]) {
		return 0, false
	}
	return k, true
}

// skipRESpace is the first byte of s from k on that is not \s.
func skipRESpace(s string, k int) int {
	for k < len(s) && isRESpace(s[k]) {
		k++
	}
	return k
}

// foldWordAt reports whether s holds lower-case w at byte k, in any ASCII
// case, with no word byte after it (\b).
func foldWordAt(s string, k int, w string) bool {
	e := k + len(w)
	return e <= len(s) && asciiFoldPrefix(s[k:], w) && (e == len(s) || !isWordByte(s[e]))
}

// isRESpace reports whether c is \s to the regexp package: [\t\n\f\r ].
func isRESpace(c byte) bool { return strings.IndexByte(reSpace, c) >= 0 }

// isDigit reports whether c is \d to the regexp package: [0-9].
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
