package suggest

import (
	"strings"
	"sync"

	"medcode/nlp"
)

// cueIndex finds the cues of many phrase lists in one pass over a note's
// tokens: per list, the cues findCues(doc, list) gives, in note order.
// Built once per engine; a token whose norm starts no phrase of any list
// costs a filter test.
type cueIndex struct {
	lists [][]phrase
	bits  [64]uint64         // per firstKey of an exact first word
	exact map[string][]int32 // first word -> lists with a phrase starting with it
	wild  []wildFirst        // wildcard first words
}

// firstKey hashes a word to one of 4096 bits: its length and first,
// second and last bytes.
func firstKey(s string) uint {
	return (uint(len(s))*131 + uint(s[0])*31 + uint(s[min(1, len(s)-1)])*17 + uint(s[len(s)-1])*7) & 4095
}

// wildFirst is a wildcard first word ("vaccin*": prefix "vaccin") and a
// list with a phrase starting with it.
type wildFirst struct {
	prefix string
	list   int32
}

// newCueIndex indexes lists by the first words of their phrases.
func newCueIndex(lists [][]phrase) *cueIndex {
	x := &cueIndex{lists: lists, exact: map[string][]int32{}}
	for li, ps := range lists {
		for _, p := range ps {
			if pre, ok := strings.CutSuffix(p[0], "*"); ok {
				x.wild = append(x.wild, wildFirst{pre, int32(li)})
				continue
			}
			k := firstKey(p[0])
			x.bits[k>>6] |= 1 << (k & 63)
			if ls := x.exact[p[0]]; len(ls) == 0 || ls[len(ls)-1] != int32(li) {
				x.exact[p[0]] = append(ls, int32(li))
			}
		}
	}
	return x
}

// find returns, per list, the cues findCues finds for it in doc.
func (x *cueIndex) find(doc *nlp.Document) [][]cue {
	out := make([][]cue, len(x.lists))
	last := make([]int, len(x.lists)) // 1 + the token a list was last tried at
	toks := doc.Tokens
	try := func(li int32, i int) {
		if last[li] == i+1 {
			return
		}
		last[li] = i + 1
		if c, ok := cueAt(doc, i, x.lists[li]); ok {
			out[li] = append(out[li], c)
		}
	}
	for i := range toks {
		n := toks[i].Norm
		if n != "" {
			if k := firstKey(n); x.bits[k>>6]&(1<<(k&63)) != 0 {
				for _, li := range x.exact[n] {
					try(li, i)
				}
			}
		}
		for _, w := range x.wild {
			if strings.HasPrefix(n, w.prefix) {
				try(w.list, i)
			}
		}
	}
	return out
}

// cueAt is the cue findCues reports at token i for phrases ps: the
// longest phrase starting there within one sentence.
func cueAt(doc *nlp.Document, i int, ps []phrase) (cue, bool) {
	toks := doc.Tokens
	best := -1
	for _, p := range ps {
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
	if best < 0 {
		return cue{}, false
	}
	return tokenCue(doc, i, best), true
}

// tokenCue is the cue of tokens i..last.
func tokenCue(doc *nlp.Document, i, last int) cue {
	toks := doc.Tokens
	c := cue{start: toks[i].Start, end: toks[last].End, sent: toks[i].Sent, sec: toks[i].Section, tok: i, last: last}
	for k := i; k <= last; k++ {
		c.assert |= toks[k].Assert
	}
	return c
}

// lazyCues is a cueIndex an engine builds on first use.
type lazyCues struct {
	once sync.Once
	x    *cueIndex
}

// get returns the index of lists, built on the first call.
func (l *lazyCues) get(lists ...[]phrase) *cueIndex {
	return l.build(func() [][]phrase { return lists })
}

// build returns the index of the phrase lists lists returns, called on the
// first call only (for lists gathered from rules).
func (l *lazyCues) build(lists func() [][]phrase) *cueIndex {
	l.once.Do(func() { l.x = newCueIndex(lists()) })
	return l.x
}

// sentenceCues returns the cues of cs (in note order) in sentence sent,
// from *at on, and moves *at past them: called for ascending sentences.
func sentenceCues(cs []cue, at *int, sent int) []cue {
	for *at < len(cs) && cs[*at].sent < sent {
		*at++
	}
	lo := *at
	for *at < len(cs) && cs[*at].sent == sent {
		*at++
	}
	return cs[lo:*at]
}
