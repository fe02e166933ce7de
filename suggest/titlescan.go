package suggest

import "strings"

// obstetricCharacters reads the trimester and the fetus of each chapter
// 15 title by trimesterTitle and fetusTitle; the two scans below read
// them instead (TestTitleScans and FuzzTitleScans hold them to the
// regexps), with no regexp run per title.

// titleFetuses are fetusTitle's endings after ", ".
var titleFetuses = [...]string{"not applicable or unspecified", "fetus 1", "fetus 2", "fetus 3", "fetus 4", "fetus 5", "other fetus"}

// titleFetus is fetusTitle.FindStringSubmatchIndex(title)'s group 1
// (from, to), ok false where it does not match: title ends with ", " and
// one of titleFetuses ($ is the text's end), which are told apart by
// their last bytes, so at most one matches and it fixes the match.
func titleFetus(title string) (from, to int, ok bool) {
	for _, f := range titleFetuses {
		if k := len(title) - len(f); k >= 2 && strings.HasSuffix(title, f) && title[k-2:k] == ", " {
			return k, len(title), true
		}
	}
	return 0, 0, false
}

// titleTrimester is trimesterTitle.FindStringSubmatchIndex(title)'s group
// 1 (from, to), ok false where it does not match: a word of
// unspecified|first|second|third starting at a word boundary, then
// " trimester" ending at one. The words are 5 to 11 bytes long and
// " trimester" 10, so a match at an earlier " trimester" starts before
// any at a later one: the first " trimester" with a match gives it.
func titleTrimester(title string) (from, to int, ok bool) {
	const tri = " trimester"
	for at := strings.Index(title, tri); at >= 0; {
		if e := at + len(tri); e == len(title) || !isWordByte(title[e]) {
			for _, w := range [...]string{"unspecified", "first", "second", "third"} {
				if k := at - len(w); k >= 0 && title[k:at] == w && (k == 0 || !isWordByte(title[k-1])) {
					return k, at, true
				}
			}
		}
		next := strings.Index(title[at+1:], tri)
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return 0, 0, false
}
