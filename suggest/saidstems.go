package suggest

import "medcode/nlp"

// saidStems appends to dst the stems of the note's own terms (not
// Expanded) lying within said, in the stream's order. A term's Start is
// its token's (an expansion's, its source token's; a compound's, its
// prefix's) and Tok never decreases along the stream (nlp/doc.go), so
// Starts never decrease: the terms within said are found from the first
// starting at or after said.Start by binary search, up to the first
// starting past said.End, rather than by a scan of every term of the note
// per contradiction judged (TestSaidStems holds it to the scan).
func saidStems(terms []nlp.Term, said nlp.Span, dst []string) []string {
	lo, hi := 0, len(terms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if terms[m].Start < said.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(terms); i++ {
		t := &terms[i]
		if t.Start > said.End {
			break
		}
		if t.End <= said.End && !t.Expanded {
			dst = append(dst, t.Stem)
		}
	}
	return dst
}
