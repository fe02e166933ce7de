package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"medcode/index"
	"medcode/nlp"
)

// eponymStems are the stems of a name's eponyms: each word written
// possessive ("Good's", "Wells'") whose bare form stems to one stem.
type eponymStems []string

// eponymStemsOf finds the eponyms' stems of name.
func eponymStemsOf(ix *index.Index, name string) *eponymStems {
	var st eponymStems
	for _, w := range strings.Fields(name) {
		base, ok := strings.CutSuffix(strings.Trim(w, ",;()[]"), "'s")
		if !ok {
			if base, ok = strings.CutSuffix(strings.Trim(w, ",;()[]"), "'"); !ok {
				continue
			}
		}
		if s := ix.Stems(base); len(s) == 1 {
			st = append(st, s[0])
		}
	}
	return &st
}

// eponymSaid reports whether hit h on name n of ix (the learned index
// when learned), a name holding an apostrophe, was made by its eponym and
// not by a common word that stems the same: "good adherence", "well
// controlled" against "Syndrome, Good's", "Wells' disease". When the
// eponym is the only word of the name the hit matched, the note must
// write it as a name (capitalised, or possessive). The eponyms' stems are
// found once per name (e.eponyms), not stemmed again per hit
// (TestEponymSaidMemo holds it to eponymSaidPlain).
func (e *Engine) eponymSaid(doc *nlp.Document, ix *index.Index, learned bool, h *index.Hit) bool {
	if h.Matched > 1 {
		return true
	}
	for _, st := range *e.eponyms.get(ix, learned, h.Name, eponymStemsOf) {
		if !writtenAsName(doc, st, h.Positions) {
			return false
		}
	}
	return true
}

// writtenAsName reports whether every word of doc at the positions ps
// that stems to st is written as a name: capitalised, or possessive.
func writtenAsName(doc *nlp.Document, st string, ps []int32) bool {
	for _, p := range ps {
		t := &doc.Tokens[p]
		if t.Stem != st {
			continue
		}
		r, _ := utf8.DecodeRuneInString(doc.Text[t.Start:])
		rest := doc.Text[t.End:]
		if !unicode.IsUpper(r) && !strings.HasPrefix(rest, "'") && !strings.HasPrefix(rest, "’") {
			return false
		}
	}
	return true
}
