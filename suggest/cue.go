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

// wordMatch reports whether token norm n matches pattern word w.
func wordMatch(n, w string) bool {
	if p, ok := strings.CutSuffix(w, "*"); ok {
		return strings.HasPrefix(n, p)
	}
	return n == w
}

// findCues returns every occurrence of any of ps in doc's tokens within
// one sentence, in note order (at most one per starting token: the
// longest).
func findCues(doc *nlp.Document, ps []phrase) []cue {
	var out []cue
	toks := doc.Tokens
	// Phrases by first word (a wildcard first word goes with every token).
	byFirst := map[string][]phrase{}
	var wild []phrase
	for _, p := range ps {
		if strings.HasSuffix(p[0], "*") {
			wild = append(wild, p)
		} else {
			byFirst[p[0]] = append(byFirst[p[0]], p)
		}
	}
	for i := range toks {
		best := -1
		for _, group := range [2][]phrase{byFirst[toks[i].Norm], wild} {
			for _, p := range group {
				j := i + len(p) - 1
				if j >= len(toks) || toks[j].Sent != toks[i].Sent || j <= best {
					continue
				}
				ok := true
				for k, w := range p {
					if !wordMatch(toks[i+k].Norm, w) {
						ok = false
						break
					}
				}
				if ok {
					best = j
				}
			}
		}
		if best < 0 {
			continue
		}
		c := cue{start: toks[i].Start, end: toks[best].End, sent: toks[i].Sent, sec: toks[i].Section, tok: i, last: best}
		for k := i; k <= best; k++ {
			c.assert |= toks[k].Assert
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

// sectionKind is the kind of section sec ("" when none).
func sectionKind(doc *nlp.Document, sec int) nlp.SectionKind {
	if sec >= 0 && sec < len(doc.Sections) {
		return doc.Sections[sec].Kind
	}
	return ""
}
