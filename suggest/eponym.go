package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"medcode/index"
	"medcode/nlp"
)

// eponymSaid reports whether a hit on a name holding an eponym ("Syndrome,
// Good's", "Wells' disease") was made by the eponym and not by a common
// word that stems the same: "good adherence", "well controlled". When the
// eponym is the only word of the name the hit matched, the note must
// write it as a name (capitalised, or possessive). Names without an
// apostrophe pass at once.
func eponymSaid(doc *nlp.Document, ix *index.Index, name string, h index.Hit) bool {
	if strings.IndexByte(name, '\'') < 0 || h.Matched > 1 {
		return true
	}
	for _, w := range strings.Fields(name) {
		base, ok := strings.CutSuffix(strings.Trim(w, ",;()[]"), "'s")
		if !ok {
			if base, ok = strings.CutSuffix(strings.Trim(w, ",;()[]"), "'"); !ok {
				continue
			}
		}
		st := ix.Stems(base)
		if len(st) != 1 {
			continue
		}
		for _, p := range h.Positions {
			t := doc.Tokens[p]
			if t.Stem != st[0] {
				continue
			}
			r, _ := utf8.DecodeRuneInString(doc.Text[t.Start:])
			rest := doc.Text[t.End:]
			if !unicode.IsUpper(r) && !strings.HasPrefix(rest, "'") && !strings.HasPrefix(rest, "’") {
				return false
			}
		}
	}
	return true
}
