package suggest

import (
	"iter"
	"strings"
)

// trimesterMatches are trimesterWords.FindAllStringSubmatchIndex(s, -1),
// in order, read without the regexp: each match holds one "trimester",
// at most one of the words ends before it (none is a suffix of another's
// last bytes nor of "trimester"), and a match at an earlier "trimester"
// ends before one at a later starts. So each "trimester" (searched for
// by its m) is tried in turn (trimesterAt). A text holding the long s,
// which (?i) reads as an s, is left to the regexp. TestTrimesterScan,
// FuzzTrimesterScan and TestScansOnDevNotes hold it to the regexp.
func trimesterMatches(s string) iter.Seq[[4]int] {
	return func(yield func([4]int) bool) {
		if strings.Contains(s, "\u017f") {
			for _, m := range trimesterWords.FindAllStringSubmatchIndex(s, -1) {
				if !yield([4]int(m)) {
					return
				}
			}
			return
		}
		f := newFoldFinder(s, "trimester", 3)
		for at := f.next(0); at >= 0; at = f.next(at + 1) {
			if m, ok := trimesterAt(s, at); ok && !yield(m) {
				return
			}
		}
	}
}

// trimesterAt reads trimesterWords' match whose "trimester" stands at
// byte at of s: \b(first|second|third|1st|2nd|3rd)[ -] before it, \b
// after it.
func trimesterAt(s string, at int) ([4]int, bool) {
	e := at + len("trimester")
	if at < 1 || s[at-1] != ' ' && s[at-1] != '-' || e < len(s) && isWordByte(s[e]) {
		return [4]int{}, false
	}
	for _, w := range [...]string{"first", "second", "third", "1st", "2nd", "3rd"} {
		if k := at - 1 - len(w); k >= 0 && asciiFoldPrefix(s[k:], w) && (k == 0 || !isWordByte(s[k-1])) {
			return [4]int{k, e, k, at - 1}, true
		}
	}
	return [4]int{}, false
}
