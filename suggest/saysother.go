package suggest

import "medcode/nlp"

// The "other" test of specific: whether a vague candidate's sentence
// says "other" or "specified" (saysOther). It was two token scans per
// candidate (affirmsWord of each word), a string comparison and a
// TrimSuffix per token per word, repeated for every candidate of the
// same sentence; it is one scan of the sentence, each token's Norm
// switched on once, answered once per sentence of the note.

// affirmsOther reports whether sentence s (an index of r.tok) holds an
// affirmed token (affirmed) whose Norm, or Norm without a final "s", is
// "other" or "specified": affirmsWord(doc, s, "other") ||
// affirmsWord(doc, s, "specified") in one pass (the Norms doing so are
// exactly these four; TestAffirmsOtherAgrees holds the two equal).
func (r *sentenceRanges) affirmsOther(doc *nlp.Document, s int) bool {
	if s < 0 || s >= len(r.tok) {
		return false
	}
	for i := r.tok[s][0]; i < r.tok[s][1]; i++ {
		switch doc.Tokens[i].Norm {
		case "other", "others", "specified", "specifieds":
			if r.affirmed(doc, int(i)) {
				return true
			}
		}
	}
	return false
}

// otherMemo is affirmsOther per sentence of one note, asked once each:
// 0 not asked yet, 1 no, 2 yes.
type otherMemo struct {
	said []uint8
}

// reset forgets the note's answers, sized for n sentences.
func (m *otherMemo) reset(n int) {
	m.said = append(m.said[:0], make([]uint8, n)...)
}

// says is affirmsOther(doc, s) of r, asked of the sentence once.
func (m *otherMemo) says(doc *nlp.Document, r *sentenceRanges, s int) bool {
	if s < 0 || s >= len(m.said) {
		return r.affirmsOther(doc, s)
	}
	if m.said[s] == 0 {
		m.said[s] = 1
		if r.affirmsOther(doc, s) {
			m.said[s] = 2
		}
	}
	return m.said[s] == 2
}
