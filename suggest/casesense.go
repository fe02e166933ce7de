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
func caseClash(doc *nlp.Document, ix *index.Index, h index.Hit, sc *sentenceScratch) bool {
	if h.Matched != 1 || len(h.Positions) != 1 {
		return false
	}
	t := doc.Tokens[h.Positions[0]]
	word := doc.Text[t.Start:t.End]
	if !hasLetter(word) || sc.shouting(doc, int(h.Positions[0])) {
		return false
	}
	return nameClash(word, ix.NameText(h.Name))
}

// caseClashes is caseClash reading the name's capitals words, found once
// per name (nameClashCaps), where caseClash scans its text: the search's
// form (TestCaseClashMemo, TestCaseMayClash).
func (e *Engine) caseClashes(doc *nlp.Document, ix *index.Index, h *index.Hit, sc *sentenceScratch) bool {
	if h.Matched != 1 || len(h.Positions) != 1 {
		return false
	}
	t := &doc.Tokens[h.Positions[0]]
	word := doc.Text[t.Start:t.End]
	if !hasLetter(word) || sc.shouting(doc, int(h.Positions[0])) {
		return false
	}
	return nameClashCaps(word, ix.NameText(h.Name), e.nameCaps.get(ix, false, h.Name, nameCapsOf))
}

// nameClash is caseClash of the note's word against the name: whether
// the first word of the name that is the note's word (any case, or that
// plus "s") differs from it in being an acronym.
func nameClash(word, name string) bool {
	if word != "" && isASCII(word) && isASCII(name) {
		return nameClashASCII(word, name)
	}
	return nameClashScan(word, name)
}

// nameClashASCII is nameClash of an ASCII word and name. Only a name word
// whose first byte is the note word's first letter, in either case, can
// be the note word (sameASCII), so the scan jumps from one such byte to
// the next (strings.IndexByte) instead of reading every name word byte
// by byte (TestNameClashASCII holds it to nameClashPlain).
func nameClashASCII(word, name string) bool {
	lo := lowerASCII(word[0])
	if !alnumASCII(lo) {
		return false // no name word starts with it
	}
	up := lo
	if lo >= 'a' && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	// The next place of each case at or after i, -1 when none.
	pl := strings.IndexByte(name, lo)
	pu := -1
	if up != lo {
		pu = strings.IndexByte(name, up)
	}
	for {
		k := pl
		if k < 0 || (pu >= 0 && pu < k) {
			k = pu
		}
		if k < 0 {
			return false
		}
		j := k + 1
		if k == 0 || !alnumASCII(name[k-1]) {
			// k starts a name word: j is its end.
			for j < len(name) && alnumASCII(name[j]) {
				j++
			}
			if nw := name[k:j]; sameASCII(word, nw) {
				return (allCaps(nw) && len(nw) >= 2) != (allCaps(word) && len(word) >= 2)
			}
		}
		// Both places are read again from j on.
		if pl >= 0 && pl < j {
			if pl = strings.IndexByte(name[j:], lo); pl >= 0 {
				pl += j
			}
		}
		if pu >= 0 && pu < j {
			if pu = strings.IndexByte(name[j:], up); pu >= 0 {
				pu += j
			}
		}
	}
}

// nameClashScan is nameClash read word by word, for a word or name that
// is not ASCII.
func nameClashScan(word, name string) bool {
	noteCaps := allCaps(word) && len(word) >= 2
	lw := ""
	// Whether the words are ASCII is known from their scan, so the ASCII
	// comparison need not look again (sameWordASCII).
	wordASCII := isASCII(word)
	for i := 0; i < len(name); {
		// The name's words: runs of letters and digits.
		r, n := rune(name[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(name[i:])
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		ascii := r < utf8.RuneSelf
		j := i + n
		for j < len(name) {
			if c := name[j]; c < utf8.RuneSelf {
				if !alnumASCII(c) {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(name[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			ascii = false
			j += n
		}
		nw := name[i:j]
		i = j
		if wordASCII && ascii {
			if !sameASCII(word, nw) {
				continue
			}
		} else {
			if lw == "" {
				lw = strings.ToLower(word)
			}
			if ln := strings.ToLower(nw); lw != ln && lw != ln+"s" {
				continue
			}
		}
		nameCaps := allCaps(nw) && len(nw) >= 2
		return nameCaps != noteCaps
	}
	return false
}

// sameWordASCII is, for an ASCII note word and name word, whether the note
// word in lower case is the name word in lower case, or that plus "s";
// ok is false when either is not ASCII (the caller then lowers them).
func sameWordASCII(word, nw string) (same, ok bool) {
	if !isASCII(word) || !isASCII(nw) {
		return false, false
	}
	return sameASCII(word, nw), true
}

// sameASCII is sameWordASCII of two ASCII words.
func sameASCII(word, nw string) bool {
	switch len(word) {
	case len(nw):
	case len(nw) + 1:
		if word[len(nw)] != 's' && word[len(nw)] != 'S' {
			return false
		}
	default:
		return false
	}
	for i := 0; i < len(nw); i++ {
		if lowerASCII(word[i]) != lowerASCII(nw[i]) {
			return false
		}
	}
	return true
}

// alnumASCII is, for an ASCII byte, unicode.IsLetter || unicode.IsDigit
// (TestAlnumASCII).
func alnumASCII(c byte) bool {
	return (c|0x20)-'a' < 26 || c-'0' < 10
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// shouting is shouting(doc, sent) of the sentence of token p, judged
// once per sentence of the note (shoutingAt).
func (sc *sentenceScratch) shouting(doc *nlp.Document, p int) bool {
	sent := doc.Tokens[p].Sent
	if sent < 0 || sent >= len(sc.shout) {
		return shouting(doc, sent)
	}
	if sc.shout[sent] == 0 {
		sc.shout[sent] = -1
		if shoutingAt(doc, p) {
			sc.shout[sent] = 1
		}
	}
	return sc.shout[sent] > 0
}

// shoutingAt is shouting of the sentence of token p, read outward from p
// (its sentence's tokens are the run of tokens around it in that
// sentence) instead of finding the sentence's tokens by two binary
// searches over the note's (TestShoutingAt).
func shoutingAt(doc *nlp.Document, p int) bool {
	toks := doc.Tokens
	sent := toks[p].Sent
	for i := p; i < len(toks) && toks[i].Sent == sent; i++ {
		if hasLower(doc.Text[toks[i].Start:toks[i].End]) {
			return false
		}
	}
	for i := p - 1; i >= 0 && toks[i].Sent == sent; i-- {
		if hasLower(doc.Text[toks[i].Start:toks[i].End]) {
			return false
		}
	}
	return true
}

// hasLower reports whether s holds a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// shouting reports a sentence with no lower-case letter.
func shouting(doc *nlp.Document, sent int) bool {
	lo, hi := sentenceTokens(doc, sent)
	for _, t := range doc.Tokens[lo:hi] {
		if hasLower(doc.Text[t.Start:t.End]) {
			return false
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

// capsWord reports whether word is an acronym as caseClash reads one:
// two bytes or more, in capitals (allCaps). A lower-case ASCII letter in
// its first two bytes (a rune of its own: no byte of a longer rune is
// ASCII), as most words have, says no without allCaps' scan; the test is
// one min so that capsWord inlines (TestCapsWord).
func capsWord(word string) bool {
	return len(word) >= 2 && min(word[0]-'a', word[1]-'a') >= 26 && allCaps(word)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
