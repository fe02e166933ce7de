package suggest

import (
	"regexp"
	"strings"

	"medcode/nlp"
)

// Long-term (current) drug therapy (Z79) is a drug the patient takes
// regularly (guideline I.C.21.c.3). A medication-list entry taken "as
// needed" is intermittent use, not long-term therapy ("ibuprofen p.r.n."
// is no Z79.1); and a code whose title names the systemic route (Z79.52
// systemic steroids) is not what a topical, inhaled, nasal, eye or ear
// form of the drug documents ("hydrocortisone 1% cream").

var (
	asNeededWords = regexp.MustCompile(`(?:^|[^a-z])(?:prn|p\.r\.n|as needed|as-needed|when needed|if needed)(?:[^a-z]|$)`)
	localWords    = regexp.MustCompile(`(?:^|[^a-z])(?:cream|ointment|lotion|gel|foam|topical|topically|drops?|ophthalmic|otic|eye|ear|nasal|spray|inhaler|inhaled|nebuli[sz]ed|enema|suppository|rectal|intra-?articular|injection into)(?:[^a-z]|$)`)
)

// itemText returns the lower-cased medication-list item around cue c:
// the text between the separators (comma, semicolon, line break) before
// and after it, at most 60 bytes each side.
func itemText(doc *nlp.Document, c cue) string {
	t := doc.Text
	lo := c.start
	for lo > 0 && c.start-lo < 60 && !itemSep(t[lo-1]) {
		lo--
	}
	hi := c.end
	for hi < len(t) && hi-c.end < 60 && !itemSep(t[hi]) {
		hi++
	}
	return strings.ToLower(t[lo:hi])
}

// itemSep reports whether byte b parts medication-list items: comma,
// semicolon or line break (strings.ContainsRune(",;\n", rune(b)), a test
// itemText makes per byte, with no call).
func itemSep(b byte) bool { return b == ',' || b == ';' || b == '\n' }

// notRegularUse reports whether cue c's item documents no long-term use
// the status code means: taken as needed, or a local form of a drug whose
// code is for systemic use (systemic: the code's title names the route).
func notRegularUse(doc *nlp.Document, systemic bool, c cue) bool {
	item := itemText(doc, c)
	// Every way asNeededWords says it holds "prn", "p.r.n" or "needed".
	if (strings.Contains(item, "prn") || strings.Contains(item, "p.r.n") || strings.Contains(item, "needed")) && asNeededWords.MatchString(item) {
		return true
	}
	return systemic && saysLocal(item)
}

// saysLocal is localWords.MatchString(item) by a scan of item's runs of
// a-z (the words the regexp reads between non-letters): one of
// localWords' words is a whole run, or "intra" then "-articular" or
// "injection" then " into" ending at a run's end. The regexp, run on every
// medication item of a note, cost many times the scan.
func saysLocal(item string) bool {
	for i := 0; i < len(item); {
		if !isLowerASCII(item[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(item) && isLowerASCII(item[j]) {
			j++
		}
		switch item[i:j] {
		case "cream", "ointment", "lotion", "gel", "foam", "topical", "topically", "drop", "drops", "ophthalmic", "otic", "eye", "ear",
			"nasal", "spray", "inhaler", "inhaled", "nebulised", "nebulized", "enema", "suppository", "rectal", "intraarticular":
			return true
		case "intra":
			if runEndsAfter(item, j, "-articular") {
				return true
			}
		case "injection":
			if runEndsAfter(item, j, " into") {
				return true
			}
		}
		i = j
	}
	return false
}

// runEndsAfter reports whether s holds rest at byte j and no a-z follows
// it.
func runEndsAfter(s string, j int, rest string) bool {
	k := j + len(rest)
	return strings.HasPrefix(s[j:], rest) && (k == len(s) || !isLowerASCII(s[k]))
}

// isLowerASCII reports whether c is an ASCII lower-case letter.
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }
