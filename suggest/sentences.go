package suggest

import "medcode/nlp"

// sentenceRanges locates each sentence's tokens and terms in a Document
// (both are in sentence order), so the rules that read a candidate's
// sentences do not walk the whole note.
type sentenceRanges struct {
	tok  [][2]int32 // per sentence: doc.Tokens[lo:hi]
	term [][2]int32 // per sentence: doc.Terms[lo:hi]
}

// index fills r for doc, reusing its memory.
func (r *sentenceRanges) index(doc *nlp.Document) {
	n := len(doc.Sentences)
	r.tok = r.tok[:0]
	r.term = r.term[:0]
	for range n {
		r.tok = append(r.tok, [2]int32{})
		r.term = append(r.term, [2]int32{})
	}
	for i := len(doc.Tokens) - 1; i >= 0; i-- {
		if s := doc.Tokens[i].Sent; s >= 0 && s < n {
			if r.tok[s][1] == 0 {
				r.tok[s][1] = int32(i + 1)
			}
			r.tok[s][0] = int32(i)
		}
	}
	for i := len(doc.Terms) - 1; i >= 0; i-- {
		if s := doc.Terms[i].Sent; s >= 0 && s < n {
			if r.term[s][1] == 0 {
				r.term[s][1] = int32(i + 1)
			}
			r.term[s][0] = int32(i)
		}
	}
}

// sentencesOf appends the distinct sentences of c's mentions (good ones
// only, scoring at least 0.8 of its best, when good) to dst.
func sentencesOf(c *candidate, good bool, dst []int) []int {
	dst = dst[:0]
	if len(c.mentions) == 0 {
		return dst
	}
	best := mentionScore(c.mentions[c.best])
	for _, m := range c.mentions {
		if good && mentionScore(m) < 0.8*best {
			continue
		}
		seen := false
		for _, s := range dst {
			if s == m.sent {
				seen = true
				break
			}
		}
		if !seen && m.sent >= 0 {
			dst = append(dst, m.sent)
		}
	}
	return dst
}
