package nlp

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldInto appends the normalised form of the surface s to dst: lower case,
// diacritics removed ("é" -> "e"), typographic apostrophes made ASCII, and
// the dots of dotted acronyms ("b.i.d." -> "bid") dropped. ASCII input takes
// a byte loop; anything else goes through NFD and drops combining marks.
func foldInto(dst []byte, s string, dotted bool) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if dotted && c == '.' {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case dotted && r == '.':
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc':
			dst = append(dst, '\'')
			continue
		}
		if f, ok := foldSpecial[r]; ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// foldHashInto is foldInto, also returning the FNV-1a hash (fnv1a) of the
// bytes it appended: ASCII input, the common case, is folded and hashed
// in one pass, written in place (an undotted form is as long as its
// surface) and lower-cased by a table.
func foldHashInto(dst []byte, s string, dotted bool) ([]byte, uint32) {
	n0 := len(dst)
	dst = slices.Grow(dst, len(s))
	out := dst[n0 : n0+len(s)]
	h := fnvOffset
	k := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			dst = foldInto(dst[:n0], s, dotted)
			return dst, fnv1a(dst[n0:])
		}
		if dotted && c == '.' {
			continue
		}
		c = lowerByte[c]
		out[k] = c
		k++
		h = fnvAdd(h, c)
	}
	return dst[:n0+k], h
}

// lowerByte maps every byte to itself with ASCII capitals lower-cased.
var lowerByte = lowerBytes()

// lowerBytes builds lowerByte.
func lowerBytes() (t [256]byte) {
	for i := range t {
		c := byte(i)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		t[i] = c
	}
	return t
}

// foldSpecial holds letters that NFD does not decompose.
var foldSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ı': "i",
}
