package index

import "strings"

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
	return f
}

// NameHas reports whether name n has every flag of f.
func (ix *Index) NameHas(n int32, f NameFlag) bool { return ix.names[n].flags&f == f }
