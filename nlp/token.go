package nlp

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// rawToken is a token before normalisation, with its folded form.
type rawToken struct {
	start, end int
	h          uint32 // the FNV-1a hash (fnv1a) of the folded form
	lo, hi     int32  // the folded form (foldInto): buf[lo:hi] of the buffer tokenizeFold filled
	dotted     bool   // dotted acronym such as "b.i.d.": dots are dropped from Norm
	marker     bool   // list marker such as "1." or "2)": a stop token that opens an item
}

// fold appends t's folded form to buf and records where it is and its
// hash.
func (t *rawToken) fold(buf []byte, text string) []byte {
	lo := len(buf)
	buf, t.h = foldHashInto(buf, text[t.start:t.end], t.dotted)
	t.lo, t.hi = int32(lo), int32(len(buf))
	return buf
}

// Byte classes of byteClass.
const (
	classWord = 1 << iota // an ASCII letter or digit (isWordByte)
	classHigh             // not ASCII: part of a multi-byte rune, or invalid
	classEnd              // ends a word, with nothing to look at: ASCII, neither a word byte nor one that may extend or mark it ('.', '\'', '/', '-', ')')
)

// byteClass is the class bits of every byte: the tokenizer tests a byte
// with one load.
var byteClass = byteClasses()

// byteClasses builds byteClass.
func byteClasses() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		if isWordByte(c) {
			t[i] |= classWord
		}
		if c >= utf8.RuneSelf {
			t[i] |= classHigh
		}
		if c < utf8.RuneSelf && !isWordByte(c) && c != '.' && c != '\'' && c != '/' && c != '-' && c != ')' {
			t[i] |= classEnd
		}
	}
	return t
}

// foldWordByte maps an ASCII letter or digit to its folded form (lower
// case), every other byte to 0: the tokenizer tests and folds a byte of a
// word with one load.
var foldWordByte = foldWordBytes()

// foldWordBytes builds foldWordByte.
func foldWordBytes() (t [256]byte) {
	for i := range t {
		if c := byte(i); isWordByte(c) {
			t[i] = lowerByte[c]
		}
	}
	return t
}

// isWordByte reports whether the ASCII byte c belongs to a word: a letter
// or a digit.
func isWordByte(c byte) bool {
	return isLetterByte(c) || c-'0' < 10
}

// isLetterByte reports whether c is an ASCII letter: setting bit 0x20
// lower-cases a capital and maps no other byte into 'a'..'z'.
func isLetterByte(c byte) bool {
	return (c|0x20)-'a' < 26
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// wordRuneAt decodes the rune at i and reports whether it belongs to a word.
func wordRuneAt(text string, i int) (size int, ok bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		return 1, isWordByte(c)
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r == utf8.RuneError {
		return size, false
	}
	return size, unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// apostropheAt returns the byte length of an apostrophe at i, or 0.
func apostropheAt(text string, i int) int {
	if text[i] == '\'' {
		return 1
	}
	if text[i] == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x99 || text[i+2] == 0x98) {
		return 3
	}
	return 0
}

// tokenize splits text into word tokens. A word is a run of letters, digits
// and combining marks, extended over a decimal point between digits ("7.5"),
// an apostrophe between word characters ("Crohn's"), dotted acronyms
// ("b.i.d.", "e.g.") and slash and hyphenated abbreviations known to the
// pipeline ("h/o", "s/p", "w/", "N/V", "IBS-D", "non-STEMI"). Everything else (spaces, punctuation, hyphens,
// slashes) separates tokens. List markers ("1.", "2)") at the start of a
// line or before ")" are flagged. The tokens' folded forms are in a
// buffer of their own (tokenizeFold).
//
// The tokenizer is hand written rather than prose's: see doc.go for the
// benchmark comparison.
func (p *Pipeline) tokenize(text string, dst []rawToken) []rawToken {
	dst, _ = p.tokenizeFold(text, dst, nil)
	return dst
}

// tokenizeFold is tokenize, also folding every token into buf (reused):
// it returns the tokens, each with its folded form's place in buf and
// hash (rawToken.fold), and buf. buf's first len(text) bytes line up
// with text: a token that is a run of ASCII letters and digits ended by
// a byte that neither extends nor marks it, most of them, is folded in
// place (buf[start:end]) and hashed as it is scanned (tokenScan.run);
// any other is folded after them by tokenAt.
func (p *Pipeline) tokenizeFold(text string, dst []rawToken, buf []byte) ([]rawToken, []byte) {
	n := len(text)
	ts := tokenScan{dst: dst, buf: slices.Grow(buf[:0], n+n/8)[:n]}
	ts.run(p, text)
	return ts.dst, ts.buf
}

// tokenScan is tokenizeFold's output. run reads and writes it through a
// pointer, in memory, once a token: its scanning loop then keeps all it
// needs in registers.
type tokenScan struct {
	dst []rawToken
	buf []byte // len(text) bytes lined up with the text, then the folded forms tokenAt appends
}

// run appends the tokens of text and their folded forms to ts.
func (ts *tokenScan) run(p *Pipeline, text string) {
	n := len(text)
	b := ts.buf[:n] // the bytes lined up with text
	for i := 0; i < n; {
		if foldWordByte[text[i]] == 0 {
			if text[i] < utf8.RuneSelf {
				i++ // a separator
				continue
			}
			ts.dst, ts.buf, i = p.tokenAt(text, i, ts.dst, ts.buf)
			b = ts.buf[:n]
			continue
		}
		if len(ts.dst) == cap(ts.dst) {
			ts.dst = slices.Grow(ts.dst, 1)
		}
		// The ASCII run from i, folded in place and hashed as it is
		// scanned.
		start := i
		h := fnvOffset
		b = b[:n] // no bounds checks below
		for i < len(text) {
			c := foldWordByte[text[i]]
			if c == 0 {
				break
			}
			b[i] = c
			h = fnvAdd(h, c)
			i++
		}
		if i < n && byteClass[text[i]]&classEnd == 0 && !endsRun(text, i, i-start) {
			// Something may extend or mark the token: tokenAt scans it
			// again.
			ts.dst, ts.buf, i = p.tokenAt(text, start, ts.dst, ts.buf)
			b = ts.buf[:n]
			continue
		}
		// The run is the token; text[i], a separator, is skipped too.
		// Field by field: a composite literal is built on the stack and
		// copied.
		ts.dst = ts.dst[:len(ts.dst)+1]
		t := &ts.dst[len(ts.dst)-1]
		t.start, t.end, t.h, t.lo, t.hi, t.dotted, t.marker = start, i, h, int32(start), int32(i), false, false
		i++
	}
}

// endsRun reports whether text[j], a byte that may extend or mark a
// token (a full stop, apostrophe, slash, hyphen or ")"), ends the ASCII
// run of k letters and digits before it as tokenAt would: a full stop
// after a letter that is not alone (no decimal, no list marker, no dotted
// acronym), ")" after a letter (no list marker), a slash after more than
// three bytes (no slash abbreviation), a hyphen after more than
// maxHyphenHead (no hyphenated one).
func endsRun(text string, j, k int) bool {
	switch text[j] {
	case '.':
		return k > 1 && !isDigitByte(text[j-1])
	case ')':
		return !isDigitByte(text[j-1])
	case '/':
		return k > 3
	case '-':
		return k > maxHyphenHead
	}
	return false
}

// tokenAt is tokenizeFold at byte i, the start of a word unless i holds
// a rune of no word: it appends the token starting at i, if any, to dst
// and its folded form to buf, and returns them and where the scan goes
// on.
func (p *Pipeline) tokenAt(text string, i int, dst []rawToken, buf []byte) ([]rawToken, []byte, int) {
	n := len(text)
	size := 1
	if byteClass[text[i]]&classWord == 0 {
		s, ok := wordRuneAt(text, i)
		if !ok {
			return dst, buf, i + s
		}
		size = s
	}
	start := i
	// Dotted acronym: letter '.' letter '.' ... (dottedEnd only when a
	// dot follows the first byte).
	if i+1 < n && text[i+1] == '.' {
		if j := dottedEnd(text, i); j > 0 {
			t := rawToken{start: start, end: j, dotted: true}
			buf = t.fold(buf, text)
			return append(dst, t), buf, j
		}
	}
	// The ASCII run from start, folded and hashed into out as it is
	// scanned; out has room for the rest of the text.
	if cap(buf)-len(buf) < n-i {
		buf = slices.Grow(buf, n-i)
	}
	lo := len(buf)
	h := fnvOffset
	j := i + size
	if size == 1 {
		rest := text[i:]
		out := buf[lo : lo+len(rest)]
		out = out[:len(rest)] // no bounds checks below
		k := 0
		for k < len(rest) {
			c := foldWordByte[rest[k]]
			if c == 0 {
				break
			}
			out[k] = c
			h = fnvAdd(h, c)
			k++
		}
		j = i + k
		if j == n || byteClass[text[j]]&classEnd != 0 {
			// The run ends the token, which nothing extends or marks.
			dst = append(dst, rawToken{start: start, end: j, h: h, lo: int32(lo), hi: int32(lo + k)})
			return dst, buf[:lo+k], j
		}
	}
	run := j
	for j < n {
		c := text[j]
		cl := byteClass[c]
		if cl&classWord != 0 {
			j++
			continue
		}
		if cl&classHigh != 0 {
			if s, ok := wordRuneAt(text, j); ok {
				j += s
				continue
			}
			if a := apostropheAt(text, j); a > 0 && j+a < n {
				if _, ok := wordRuneAt(text, j+a); ok {
					j += a
					continue
				}
			}
			break
		}
		if c == '.' && j+1 < n && isDigitByte(text[j-1]) && isDigitByte(text[j+1]) {
			j++
			continue
		}
		if c == '\'' && j+1 < n {
			if _, ok := wordRuneAt(text, j+1); ok {
				j++
				continue
			}
		}
		break
	}
	if j < n && text[j] == '/' && j-start <= 3 {
		j = p.slashEnd(text, start, j)
	}
	if j < n && text[j] == '-' && j-start <= maxHyphenHead {
		j = p.hyphenEnd(text, start, j)
	}
	t := rawToken{start: start, end: j}
	if j-start <= 2 && isDigitByte(text[start]) && isDigitByte(text[j-1]) && j < n && (text[j] == ')' || text[j] == '.') &&
		(j+1 == n || text[j+1] == ' ' || text[j+1] == '\t' || text[j+1] == '\n' || text[j+1] == '\r') &&
		(text[j] == ')' || lineStartBefore(text, start)) {
		t.marker = true
	}
	if size == 1 && j == run {
		t.h, t.lo, t.hi = h, int32(lo), int32(lo+j-start)
		buf = buf[:lo+j-start]
	} else {
		buf = t.fold(buf, text)
	}
	return append(dst, t), buf, j
}

// lineStartBefore reports whether only blanks and bullets separate i from the
// start of its line.
func lineStartBefore(text string, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch text[k] {
		case '\n':
			return true
		case ' ', '\t', '\r', '-', '*', '#', '>':
		default:
			return false
		}
	}
	return true
}

// dottedEnd returns the end of a dotted acronym starting at i ("b.i.d.",
// "e.g."), or 0: at least two single ASCII letters each followed by a dot.
func dottedEnd(text string, i int) int {
	n := len(text)
	j, count := i, 0
	for j+1 < n && isLetterByte(text[j]) && text[j+1] == '.' {
		j += 2
		count++
		if j+1 >= n || !isLetterByte(text[j]) || text[j+1] != '.' {
			break
		}
	}
	if count < 2 {
		return 0
	}
	return j
}

// slashEnd extends a short word ending at j (text[j] == '/') over the
// longest known slash abbreviation ("h/o", "n/v/d", "w/"), or returns j.
func (p *Pipeline) slashEnd(text string, start, j int) int {
	n := len(text)
	var ends [4]int
	m := 0
	for k := j; m < len(ends) && k < n && text[k] == '/'; {
		e := k + 1
		for e < n && isLetterByte(text[e]) {
			e++
		}
		if e == k+1 || e-k > 4 {
			break // "w/ ", or a longer word follows: "and/or", "HTN/hyperlipidemia"
		}
		ends[m] = e
		m++
		k = e
	}
	var buf [24]byte
	for x := m - 1; x >= -1; x-- {
		e := j + 1 // the bare "w/" form
		if x >= 0 {
			e = ends[x]
		}
		if _, ok := p.slash[string(lowerASCII(buf[:0], text[start:e]))]; ok {
			return e
		}
	}
	return j
}

// maxHyphenHead is the longest word before the hyphen of a hyphenated
// abbreviation ("non" of "non-STEMI", "IBS" of "IBS-D").
const maxHyphenHead = 4

// hyphenEnd extends a short word ending at j (text[j] == '-') over the
// word after the hyphen when the two form a hyphenated abbreviation of the
// dictionary ("IBS-D", "a-fib", "CIN-2"), or returns j: other hyphens
// separate tokens.
func (p *Pipeline) hyphenEnd(text string, start, j int) int {
	e := j + 1
	for e < len(text) && e-j <= 8 && (isLetterByte(text[e]) || isDigitByte(text[e])) {
		e++
	}
	if e == j+1 || e-j > 8 || e < len(text) && (isLetterByte(text[e]) || isDigitByte(text[e])) {
		return j
	}
	var buf [16]byte
	if _, ok := p.hyphen[string(lowerASCII(buf[:0], text[start:e]))]; ok {
		return e
	}
	return j
}

// lowerASCII appends s to dst with its ASCII capitals lower-cased: the
// dictionary key of a short span, built in a caller's stack buffer.
func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
