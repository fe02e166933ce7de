package suggest

import (
	"unicode"
	"unicode/utf8"
)

// nextWord returns the bounds of the first run of letters and numbers in
// text from byte from on, as wordRE ([\pL\pN]+) finds it, start -1 when
// there is none. Invalid UTF-8 reads as U+FFFD, neither letter nor
// number, as the regexp reads it.
func nextWord(text string, from int) (start, end int) {
	start = -1
	for i := from; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		word := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return start, i
		}
		i += size
	}
	if start < 0 {
		return -1, -1
	}
	return start, len(text)
}

// findWords is wordRE.FindAllString(text, -1) by nextWord: the words of
// text in order, nil when none (the rules split names and evidence into
// words per suggestion, and the regexp costs many times the scan).
func findWords(text string) []string {
	var out []string
	for at := 0; ; {
		a, b := nextWord(text, at)
		if a < 0 {
			return out
		}
		out = append(out, text[a:b])
		at = b
	}
}
