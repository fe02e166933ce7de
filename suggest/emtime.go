package suggest

import (
	"regexp"
	"slices"
	"strings"
)

// emTimeAt is emTime anchored at the start of its input: emTimeMatch runs
// it only where a match of emTime can start.
var emTimeAt = regexp.MustCompile(`^(?:` + emTime.String() + `)`)

// emTimeMatch is emTime.FindStringSubmatchIndex(text), tried only when
// text has a digit then "min" and the words of one of its alternatives:
// "total " then the first letter of "time", "visit time" or "face" (the
// first two, totalThen) or "pent " ("spent ", whose s the long s folds
// to). Most notes holding "total " hold it before another word ("total
// hip", "total of").
//
// The pattern is not run over the whole note: emTimeAt runs at each place
// a match can start (emTimeStarts), in order, the first match being the
// leftmost one emTime finds. No match holds a '.', so each run reads no
// further than the next one (kept in its input for the closing \b). A
// note with a long s ("ſpent" may start a match after a word byte) is
// left to emTime.
func emTimeMatch(text string) []int {
	if !digitThen(text, reSpace, "min") || !totalThen(text) && !containsFold(text, "pent ") {
		return nil
	}
	if strings.Contains(text, "ſ") {
		return emTime.FindStringSubmatchIndex(text)
	}
	var buf [16]int
	for _, p := range emTimeStarts(text, buf[:0]) {
		end := len(text)
		if d := strings.IndexByte(text[p:], '.'); d >= 0 {
			end = p + d + 1
		}
		if m := emTimeAt.FindStringSubmatchIndex(text[p:end]); m != nil {
			return shiftMatch(m, p)
		}
	}
	return nil
}

// emTimeStarts appends to out, in order and once each, every place of
// text (free of the long s) where a match of emTime can start: a word
// start (ASCII \b before a word byte) at "total " then t, v or f (the
// first alternative), at "spent " (the third), or at a run of one to
// three digits followed, past white space (\s), by "min" (the second).
// The letters fold to no rune beyond ASCII but s, which the long s
// would stand for.
func emTimeStarts(text string, out []int) []int {
	wordStart := func(p int) bool { return p == 0 || !isWordByte(text[p-1]) }
	// Each word is found by its rarest letter (the l of "total ", the p of
	// "spent "): a search for t or s stops at most words.
	f := newFoldFinder(text, "total ", 3)
	for p := f.next(0); p >= 0; p = f.next(p + 1) {
		if q := p + len("total "); q < len(text) && strings.IndexByte("tvfTVF", text[q]) >= 0 && wordStart(p) {
			out = append(out, p)
		}
	}
	f = newFoldFinder(text, "spent ", 1)
	for p := f.next(0); p >= 0; p = f.next(p + 1) {
		if wordStart(p) {
			out = append(out, p)
		}
	}
	f = newFoldFinder(text, "min", 0)
	for q := f.next(0); q >= 0; q = f.next(q + 1) {
		k := q
		for k > 0 && strings.IndexByte(reSpace, text[k-1]) >= 0 {
			k--
		}
		r := k
		for r > 0 && k-r < 4 && isDigit(text[r-1]) {
			r--
		}
		if n := k - r; n >= 1 && n <= 3 && wordStart(r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
