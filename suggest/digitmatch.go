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
	// words, when set, match at a place without the regexp (wordsAt).
	words *unitWords
}

// unitWords is a digitMatch pattern of the form
// `(?i)\b(\d{1,digits})[ -]?(?:units)(?:[ -]old)?\b` (the old not
// optional when old is set) spelled out, so that find tries it at a digit
// by comparing bytes rather than running the regexp (whose machine is cold
// by the time a note asks: one age a note). TestDigitMatch and
// FuzzDigitMatch hold the two together.
type unitWords struct {
	digits int
	units  []string // the unit alternatives, lower case, in the pattern's order ("years" before "year")
	old    bool     // "[ -]old" must follow the unit
}

// withWords returns d tried by w before its regexp.
func (d digitMatch) withWords(w *unitWords) digitMatch {
	d.words = w
	return d
}

// at returns the match of the pattern anchored at i of text, i a digit
// starting a word, as the regexp finds it (the leftmost-first choice: the
// first unit that fits, with "[ -]old" when it follows), nil when none;
// sure is false, and nothing is said, when a byte beyond ASCII lies within
// reach (the long s and Kelvin sign fold to s and k): the regexp decides.
func (w *unitWords) at(text string, i int) (m []int, sure bool) {
	for k := i; k < min(len(text), i+w.digits+16); k++ {
		if text[k] >= 0x80 {
			return nil, false
		}
	}
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j-i > w.digits {
		return nil, true
	}
	k := j
	if k < len(text) && (text[k] == ' ' || text[k] == '-') {
		k++
	}
	for _, u := range w.units {
		if len(text)-k < len(u) || !asciiFoldPrefix(text[k:], u) {
			continue
		}
		e := k + len(u)
		if o := e + len(" old"); o <= len(text) && (text[e] == ' ' || text[e] == '-') && asciiFoldPrefix(text[e+1:], "old") && wordBoundary(text, o) {
			return []int{i, o, i, j}, true
		}
		if !w.old && wordBoundary(text, e) {
			return []int{i, e, i, j}, true
		}
	}
	return nil, true
}

// wordBoundary is RE2's ASCII \b at byte p of text: a word byte on one
// side and none on the other (a byte of a rune beyond ASCII is none).
func wordBoundary(text string, p int) bool {
	return (p > 0 && isWordByte(text[p-1])) != (p < len(text) && isWordByte(text[p]))
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
		if d.words != nil {
			if m, sure := d.words.at(text, i); sure {
				if m == nil {
					continue
				}
				return m
			}
		}
		// The window holds any match and the byte after it, which the
		// closing \b reads; the anchored search clears state per byte of
		// its input, so it gets no more than that.
		m := d.at.FindStringSubmatchIndex(text[i:min(len(text), i+d.maxLen+8)])
		if m == nil {
			continue
		}
		return shiftMatch(m, i)
	}
	return nil
}

// shiftMatch moves m, a regexp's submatch places in text[p:], to text's
// places (an unmatched group's -1 stays), and returns it; nil stays nil.
func shiftMatch(m []int, p int) []int {
	for i := range m {
		if m[i] >= 0 {
			m[i] += p
		}
	}
	return m
}

// isWordByte is RE2's ASCII \w.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
