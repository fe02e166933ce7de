package suggest

import "regexp"

// digitMatch is a pattern whose every match begins with a digit that starts
// a word (`\b\d...`) and is at most maxLen bytes long, searched only where
// such a digit stands: the same leftmost match as the unanchored pattern
// without running it at every byte of a note.
type digitMatch struct {
	re     *regexp.Regexp // the pattern, unanchored
	at     *regexp.Regexp // the pattern anchored at the start of its input
	maxLen int
}

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
		if text[i] < '0' || text[i] > '9' || i > 0 && isWordByte(text[i-1]) {
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
