package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"medcode/index"
	"medcode/nlp"
)

// caseClash reports a one-word match whose letter case says the note and
// the name mean different words: an acronym against an ordinary word. A
// name's acronym ("PIN", prostatic intraepithelial neoplasia) is not the
// note's lower-case word ("pins"), and the note's acronym ("positive FIT
// test", fecal immunochemical test) is not the name's ordinary word ("Fit
// NOS", a convulsion). A sentence written all in capitals says nothing of
// case and never clashes. Learned names, stored in lower case, are not
// checked.
func caseClash(doc *nlp.Document, ix *index.Index, h index.Hit) bool {
	if h.Matched != 1 || len(h.Positions) != 1 {
		return false
	}
	t := doc.Tokens[h.Positions[0]]
	word := doc.Text[t.Start:t.End]
	if !hasLetter(word) || shouting(doc, t.Sent) {
		return false
	}
	noteCaps := allCaps(word) && len(word) >= 2
	lw := strings.ToLower(word)
	name := ix.NameText(h.Name)
	for i := 0; i < len(name); {
		// The name's words: runs of letters and digits.
		r, n := utf8.DecodeRuneInString(name[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(name) {
			r, n := utf8.DecodeRuneInString(name[j:])
			if !wordRune(r) {
				break
			}
			j += n
		}
		nw := name[i:j]
		i = j
		if !sameWordOrPlural(lw, nw) {
			continue
		}
		nameCaps := allCaps(nw) && len(nw) >= 2
		return nameCaps != noteCaps
	}
	return false
}

// wordRune is a letter or digit: a rune of a name's word (caseClash).
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sameWordOrPlural reports whether lw (a lower-cased note word) is the
// name word nw lower-cased, or that with a final "s".
func sameWordOrPlural(lw, nw string) bool {
	for k := 0; k < len(nw); k++ {
		if nw[k] >= utf8.RuneSelf {
			ln := strings.ToLower(nw)
			return lw == ln || lw == ln+"s"
		}
	}
	// ASCII: compare byte by byte with nw lower-cased.
	switch {
	case len(lw) == len(nw):
	case len(lw) == len(nw)+1 && lw[len(nw)] == 's':
	default:
		return false
	}
	for k := 0; k < len(nw); k++ {
		c := nw[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if lw[k] != c {
			return false
		}
	}
	return true
}

// shouting reports a sentence with no lower-case letter.
func shouting(doc *nlp.Document, sent int) bool {
	lo, hi := sentenceTokens(doc, sent)
	for _, t := range doc.Tokens[lo:hi] {
		for _, r := range doc.Text[t.Start:t.End] {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

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
