package suggest

import "medcode/nlp"

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
	// ps are the list's phrases ruleNote.find tries at a token of the
	// prefix (layWildPhrases).
	ps []phrase
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
