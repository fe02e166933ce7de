package suggest

import (
	"sort"
	"strings"

	"medcode/nlp"
)

// cue is one occurrence of a phrase in a note: the byte span of its
// tokens, its sentence and section, its first token and the assertion
// flags any of its tokens carry.
type cue struct {
	start, end int
	sent, sec  int
	tok, last  int // first and last token indices
	assert     nlp.Assertion
}

// phrase is a cue to look for: its words as the pipeline normalises them
// (lower case), split on spaces; a word ending in "*" matches any token
// starting with the rest ("vaccin*").
type phrase []string

// phrases splits "a b|c d" into the phrases "a b" and "c d".
func phrases(s string) []phrase {
	var out []phrase
	for _, p := range strings.Split(s, "|") {
		if f := strings.Fields(strings.ToLower(p)); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// wordMatch reports whether token norm n matches pattern word w. It is
// strings.CutSuffix and HasPrefix written out (TestWordMatch holds it to
// them) so that it inlines: ruleNote.tryFirst asks it of the words after a
// phrase's first, some 160 times a note, and the call and the spilling of
// the caller's registers around it cost more than the test.
func wordMatch(n, w string) bool {
	if k := len(w) - 1; k >= 0 && w[k] == '*' {
		return len(n) >= k && n[:k] == w[:k]
	}
	return n == w
}

// cueFilter is a cheap first test of a token against the first words of
// a phrase list: a bit per hash of an exact first word (its length, first
// and last byte), per hash of a two-byte wildcard's bytes and per hash of
// a longer wildcard's first three bytes ("he" would pass every "her" for
// "heplisav*"). A token whose bits are clear starts none of the phrases;
// one whose bit is set may, and is compared word by word.
type cueFilter struct {
	exact, wild, wild3 keyBits
	anyWild            bool // a wildcard of under two bytes: every token may match
	hasWild, hasWild3  bool // whether wild, wild3 have a bit set
}

// keyBits is a set of the 10-bit keys below (exactKey, wildKey,
// wild3Key), a bit each: the filters of phrase lists' first words
// (cueFilter, ruleCueTable.wildAny) and of sites.txt's stems (stemMay).
type keyBits [16]uint64

// set puts key k in the set.
func (b *keyBits) set(k uint) { b[k>>6] |= 1 << (k & 63) }

// has reports whether key k is in the set.
func (b *keyBits) has(k uint) bool { return b[k>>6]&(1<<(k&63)) != 0 }

func exactKey(s string) uint {
	return (uint(len(s))*131 + uint(s[0])*31 + uint(s[len(s)-1])) & 1023
}

func wildKey(s string) uint { return (uint(s[0])*37 + uint(s[1])) & 1023 }

func wild3Key(s string) uint { return (uint(s[0])*37*41 + uint(s[1])*41 + uint(s[2])) & 1023 }

func (f *cueFilter) add(w string) {
	if p, ok := strings.CutSuffix(w, "*"); ok {
		switch {
		case len(p) < 2:
			f.anyWild = true
		case len(p) == 2:
			f.wild.set(wildKey(p))
			f.hasWild = true
		default:
			f.wild3.set(wild3Key(p))
			f.hasWild3 = true
		}
		return
	}
	f.exact.set(exactKey(w))
}

// may reports whether token norm n may start a phrase.
func (f *cueFilter) may(n string) bool {
	if f.anyWild {
		return true
	}
	if len(n) == 0 {
		return false
	}
	if f.exact.has(exactKey(n)) {
		return true
	}
	if f.hasWild && len(n) >= 2 {
		if f.wild.has(wildKey(n)) {
			return true
		}
	}
	if f.hasWild3 && len(n) >= 3 {
		return f.wild3.has(wild3Key(n))
	}
	return false
}

// findCues returns every occurrence of any of ps in doc's tokens within
// one sentence, in note order (at most one per starting token: the
// longest).
func findCues(doc *nlp.Document, ps []phrase) []cue {
	var out []cue
	toks := doc.Tokens
	var f cueFilter
	for _, p := range ps {
		f.add(p[0])
	}
	for i := range toks {
		if !f.may(toks[i].Norm) {
			continue
		}
		c, ok := cueAt(doc, i, ps) // cueat.go
		if !ok {
			continue
		}
		out = append(out, c)
	}
	return out
}

// sentenceHas reports whether sentence sent holds any of ps, optionally
// only in the tokens before token before (-1: anywhere).
func sentenceHas(doc *nlp.Document, sent int, ps []phrase, before int) bool {
	for _, c := range findCuesIn(doc, sent, ps) {
		if before < 0 || c.tok < before {
			return true
		}
	}
	return false
}

// findCuesIn is findCues limited to one sentence.
func findCuesIn(doc *nlp.Document, sent int, ps []phrase) []cue {
	lo, hi := sentenceTokens(doc, sent)
	sub := nlp.Document{Text: doc.Text, Tokens: doc.Tokens[lo:hi]}
	out := findCues(&sub, ps)
	for i := range out {
		out[i].tok += lo
		out[i].last += lo
	}
	return out
}

// sentenceTokens returns the token range [lo, hi) of sentence sent
// (tokens are in sentence order).
func sentenceTokens(doc *nlp.Document, sent int) (int, int) {
	toks := doc.Tokens
	lo := sort.Search(len(toks), func(i int) bool { return toks[i].Sent >= sent })
	hi := sort.Search(len(toks), func(i int) bool { return toks[i].Sent > sent })
	return lo, max(lo, hi)
}

// sentenceTerms returns the terms of sentence sent (terms are in sentence
// order).
func sentenceTerms(doc *nlp.Document, sent int) []nlp.Term {
	ts := doc.Terms
	lo := sort.Search(len(ts), func(i int) bool { return ts[i].Sent >= sent })
	hi := sort.Search(len(ts), func(i int) bool { return ts[i].Sent > sent })
	return ts[lo:max(lo, hi)]
}

// sectionKind is the kind of section sec ("" when none).
func sectionKind(doc *nlp.Document, sec int) nlp.SectionKind {
	if sec >= 0 && sec < len(doc.Sections) {
		return doc.Sections[sec].Kind
	}
	return ""
}
