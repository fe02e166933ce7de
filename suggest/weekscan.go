package suggest

import (
	"strconv"
	"strings"
)

// The weeks of a pregnancy and a newborn's age are read by three regexps
// (gestation, completedWeeks, daysOld) that the rules run over whole
// sentences and notes; the backtracking regexp engine costs tens of
// instructions a byte there, so each is read by a hand matcher below
// trying the regexp's choices in its order (the first match is the one
// the regexp finds: leftmost, then its preferred reading).
// TestWeekScans, FuzzWeekScans and TestScansOnDevNotes hold them to the
// regexps. Their words hold a k and an s: a text holding the Kelvin sign
// or the long s, which (?i) reads as those letters, is left to the regexp.

// foldsKOrS reports whether s holds the Kelvin sign or the long s.
func foldsKOrS(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// gestationMatch is gestation.FindStringSubmatchIndex(s): the first
// "NN weeks" ((\d{1,2}), an optional "+N", " 3/7" or " and N days", then
// weeks?|wks? after white space and a dash) as [start, end, start of the
// number, end of the number]; ok false where there is none.
func gestationMatch(s string) (m [4]int, ok bool) {
	if foldsKOrS(s) {
		r := gestation.FindStringSubmatchIndex(s)
		if r == nil {
			return m, false
		}
		return [4]int(r), true
	}
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		// \d{1,2}: two digits first, then one.
		for q := min(p+2, len(s)); q > p; q-- {
			if !isDigit(s[q-1]) {
				continue
			}
			if r, ok := weeksExtra(s, q, true); ok {
				if e, ok := weeksWord(s, r, true); ok {
					return [4]int{p, e, p, q}, true
				}
			}
			if e, ok := weeksWord(s, q, true); ok {
				return [4]int{p, e, p, q}, true
			}
		}
	}
	return m, false
}

// weeksExtra reads the optional part after the number of gestation
// (andDays) or completedWeeks (not andDays) at byte q of s:
// \s*(?:\+\s*\d|[0-6]/7|and \d days?), returning where it ends. Each
// choice starts with its own byte, none of them white space, so at most
// one reads; "days" is read before "day", and a reading ending before
// the s cannot go on (no white space, dash or w follows).
func weeksExtra(s string, q int, andDays bool) (int, bool) {
	u := skipRESpace(s, q)
	switch {
	case u >= len(s):
	case s[u] == '+':
		if v := skipRESpace(s, u+1); v < len(s) && isDigit(s[v]) {
			return v + 1, true
		}
	case '0' <= s[u] && s[u] <= '6':
		if u+2 < len(s) && s[u+1] == '/' && s[u+2] == '7' {
			return u + 3, true
		}
	case andDays && len(s)-u >= len("and 0 day") && asciiFoldPrefix(s[u:], "and ") && isDigit(s[u+4]) && asciiFoldPrefix(s[u+5:], " day"):
		if r := u + len("and 0 day"); r < len(s) && s[r]|0x20 == 's' {
			return r + 1, true
		}
		return u + len("and 0 day"), true
	}
	return 0, false
}

// weeksWord reads weeks?|wks? at byte r of s, ending at a word boundary,
// after \s*-?\s* (spaces) or [ -](?:completed )? (not spaces), returning
// where the word ends. The word starts with w, so the white space before
// it is all there is, and a dash is read when there is one.
func weeksWord(s string, r int, spaces bool) (int, bool) {
	if spaces {
		r = skipRESpace(s, r)
		if r < len(s) && s[r] == '-' {
			r = skipRESpace(s, r+1)
		}
	} else {
		if r >= len(s) || s[r] != ' ' && s[r] != '-' {
			return 0, false
		}
		r++
		if len(s)-r >= len("completed ") && asciiFoldPrefix(s[r:], "completed ") {
			r += len("completed ")
		}
	}
	for _, w := range [...]string{"weeks", "week", "wks", "wk"} {
		if foldWordAt(s, r, w) {
			return r + len(w), true
		}
	}
	return 0, false
}

// newbornWeeks is the number of newbornGestation's first completedWeeks
// match not followed by "old" or "ago" ("31 weeks old"), -1 when none.
func newbornWeeks(s string) int {
	if foldsKOrS(s) {
		return newbornWeeksRegexp(s)
	}
	for m, ok := completedWeeksFrom(s, 0); ok; m, ok = completedWeeksFrom(s, m[1]) {
		if n, ok := newbornWeeksOf(s, m[:]); ok {
			return n
		}
	}
	return -1
}

// newbornWeeksRegexp is newbornWeeks by the regexp.
func newbornWeeksRegexp(s string) int {
	for _, m := range completedWeeks.FindAllStringSubmatchIndex(s, -1) {
		if n, ok := newbornWeeksOf(s, m); ok {
			return n
		}
	}
	return -1
}

// newbornWeeksOf reads the weeks of completedWeeks match m of s, ok false
// when "old" or "ago" follows it.
func newbornWeeksOf(s string, m []int) (int, bool) {
	after := strings.ToLower(strings.TrimSpace(s[m[1]:min(len(s), m[1]+8)]))
	if strings.HasPrefix(after, "old") || strings.HasPrefix(after, "ago") {
		return 0, false
	}
	n, _ := strconv.Atoi(s[m[2]:m[3]])
	return n, true
}

// completedWeeksFrom is completedWeeks' first match in s from byte from
// on, s holding neither the Kelvin sign nor the long s (a next match of
// FindAllStringSubmatchIndex starts where the one before ends): (\d{2}),
// an optional "+N" or " 3/7", a space or a dash, an optional "completed ",
// then weeks?|wks?, as [start, end, start of the number, end of the
// number].
func completedWeeksFrom(s string, from int) (m [4]int, ok bool) {
	for p := from; p+1 < len(s); p++ {
		if !isDigit(s[p]) || !isDigit(s[p+1]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		q := p + 2
		if r, ok := weeksExtra(s, q, false); ok {
			if e, ok := weeksWord(s, r, false); ok {
				return [4]int{p, e, p, q}, true
			}
		}
		if e, ok := weeksWord(s, q, false); ok {
			return [4]int{p, e, p, q}, true
		}
	}
	return m, false
}

// daysOldNumber is daysOld's first match's number (m[1] of
// FindStringSubmatch): (\d{1,2}), a space or a dash, days?, a space or a
// dash, then "old" ending at a word boundary; ok false where there is
// none. "days" is read before "day"; a reading ending before the s
// cannot go on (an s is neither a space nor a dash).
func daysOldNumber(s string) (string, bool) {
	if foldsKOrS(s) {
		if m := daysOld.FindStringSubmatch(s); m != nil {
			return m[1], true
		}
		return "", false
	}
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) || p > 0 && isWordByte(s[p-1]) {
			continue
		}
		for q := min(p+2, len(s)); q > p; q-- {
			if !isDigit(s[q-1]) || len(s)-q < len(" day old") || s[q] != ' ' && s[q] != '-' || !asciiFoldPrefix(s[q+1:], "day") {
				continue
			}
			r := q + len(" day")
			if s[r]|0x20 == 's' {
				r++
			}
			if r < len(s) && (s[r] == ' ' || s[r] == '-') && foldWordAt(s, r+1, "old") {
				return s[p:q], true
			}
		}
	}
	return "", false
}
