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
// bytes or more, has a letter and no lower-case letter.
func capitalsWord(text string) bool {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j, letter, lower := i, false, false
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			letter = letter || unicode.IsLetter(r)
			lower = lower || unicode.IsLower(r)
			j += n
		}
		if j-i >= 2 && letter && !lower {
			return true
		}
		i = j
	}
	return false
}

// NameHas reports whether name n has every flag of f.
func (ix *Index) NameHas(n int32, f NameFlag) bool { return ix.names[n].flags&f == f }
