package suggest

import (
	"regexp"
	"strings"
)

// digitMatch is a pattern whose every match begins with a digit that starts
// a word (`\b\d...`) and is at most maxLen bytes long, searched only where
// such a digit stands: the same leftmost match as the unanchored pattern
// without running it at every byte of a note.
type digitMatch struct {
	re     *regexp.Regexp // the pattern, unanchored
	at     *regexp.Regexp // the pattern anchored at the start of its input
	maxLen int
	// digits, sep and unit, when unit is set, are what every match holds
	// from its first byte: at most digits ASCII digits, an optional byte
	// of sep, then a byte whose ASCII lower case is in unit (withUnit).
	digits    int
	sep, unit string
}

// withUnit returns d searched only at a digit run of at most digits
// digits followed, after an optional byte of sep, by a byte of unit
// (lower-case ASCII letters without other Unicode case folds), in either
// case: the pattern's \d{1,digits}[sep]?(?:unit words) (FuzzDigitMatch
// holds find to the pattern).
func (d digitMatch) withUnit(digits int, sep, unit string) digitMatch {
	d.digits, d.sep, d.unit = digits, sep, unit
	return d
}

// unitAfter reports whether the digit run at i of text is followed as
// withUnit says every match's is.
func (d digitMatch) unitAfter(text string, i int) bool {
	j := i
	for j < len(text) && isDigit(text[j]) {
		if j-i == d.digits {
			return false // a longer run: \d{1,digits} then no digit
		}
		j++
	}
	unit := func(k int) bool {
		return k < len(text) && strings.IndexByte(d.unit, text[k]|0x20) >= 0 && isLetter(text[k])
	}
	return unit(j) || j < len(text) && strings.IndexByte(d.sep, text[j]) >= 0 && unit(j+1)
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// newDigitMatch compiles pattern, which must begin with `\b\d` (after an
// optional flag group) and match at most maxLen bytes.
func newDigitMatch(pattern string, maxLen int) digitMatch {
	return digitMatch{re: regexp.MustCompile(pattern), at: regexp.MustCompile(`^(?:` + pattern + `)`), maxLen: maxLen}
}

// find returns the leftmost match's submatch indexes in text
// (regexp.FindStringSubmatchIndex), nil when there is none.
func (d digitMatch) find(text string) []int { return d.findBefore(text, len(text)) }

// findBefore is find limited to matches starting before byte end.
func (d digitMatch) findBefore(text string, end int) []int {
	for i := 0; i < end; i++ {
		if text[i] < '0' || text[i] > '9' || i > 0 && isWordByte(text[i-1]) || d.unit != "" && !d.unitAfter(text, i) {
			continue
		}
		// The window holds any match and the byte after it, which the
		// closing \b reads; the anchored search clears state per byte of
		// its input, so it gets no more than that.
		m := d.at.FindStringSubmatchIndex(text[i:min(len(text), i+d.maxLen+8)])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		return m
	}
	return nil
}

// isWordByte is RE2's ASCII \w.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
