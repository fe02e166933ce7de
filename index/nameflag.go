package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NameFlag is a property of a name's text, found once when the index is
// built or read so that a search's caller can test it per hit without
// scanning the text.
type NameFlag uint8

// Name flags.
const (
	// NameApostrophe: the text holds an apostrophe (an eponym, "Good's
	// syndrome", "Wells' disease").
	NameApostrophe NameFlag = 1 << iota
	// NameWithout: the text holds "without", "Without" or "WITHOUT" (a
	// name whose second part the condition is without).
	NameWithout
	// NameCapitals: a word of the text (a run of letters and digits) of
	// two bytes or more has a letter and no lower-case letter (an
	// acronym, "PIN"; "Fit NOS").
	NameCapitals
)

// flagsOf finds the flags of a name's text.
func flagsOf(text string) NameFlag {
	var f NameFlag
	if strings.IndexByte(text, '\'') >= 0 {
		f |= NameApostrophe
	}
	if strings.Contains(text, "without") || strings.Contains(text, "Without") || strings.Contains(text, "WITHOUT") {
		f |= NameWithout
	}
	if capitalsWord(text) {
		f |= NameCapitals
	}
	return f
}

// capitalsWord reports whether a run of letters and digits of text, two
// bytes or more, has a letter and no lower-case letter. ASCII bytes are
// classed without decoding (every index is read this way at load).
func capitalsWord(text string) bool {
	// Such a word holds two adjacent bytes neither of which is an ASCII
	// lower-case letter nor a separator: most names have none.
	adjacent := false
	for i := 1; i < len(text) && !adjacent; i++ {
		adjacent = capitalByte(text[i-1]) && capitalByte(text[i])
	}
	if !adjacent {
		return false
	}
	start, letter, lower := -1, false, false
	for i := 0; i <= len(text); {
		word, isLetter, low, n := false, false, false, 1
		if i < len(text) {
			switch c := text[i]; {
			case c >= utf8.RuneSelf:
				var r rune
				r, n = utf8.DecodeRuneInString(text[i:])
				word = unicode.IsLetter(r) || unicode.IsDigit(r)
				isLetter, low = unicode.IsLetter(r), unicode.IsLower(r)
			case c >= 'a' && c <= 'z':
				word, isLetter, low = true, true, true
			case c >= 'A' && c <= 'Z':
				word, isLetter = true, true
			case c >= '0' && c <= '9':
				word = true
			}
		}
		switch {
		case word && start < 0:
			start, letter, lower = i, isLetter, low
		case word:
			letter, lower = letter || isLetter, lower || low
		case start >= 0:
			if i-start >= 2 && letter && !lower {
				return true
			}
			start = -1
		}
		i += n
	}
	return false
}

// capitalByte reports whether c may be a byte of a word in capitals: an
// ASCII capital or digit, or part of a multi-byte character.
func capitalByte(c byte) bool {
	return c-'A' < 26 || c-'0' < 10 || c >= utf8.RuneSelf
}

// NameHas reports whether name n has every flag of f.
func (ix *Index) NameHas(n int32, f NameFlag) bool { return ix.names[n].flags&f == f }
