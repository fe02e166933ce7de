package suggest

import "medcode/nlp"

// seedIDs fills r.ids (see termID) from tid, the main index's ids of
// doc's terms collect looked up for this note (noteTermIDs: -1 when the
// index lacks the stem), instead of looking every stem up again. r must be
// indexed for doc; a tid of another length is ignored (termID then looks
// the terms up itself).
func (r *sentenceRanges) seedIDs(doc *nlp.Document, tid []int32) {
	if len(tid) != len(doc.Terms) {
		return
	}
	r.ids = r.ids[:0]
	for j := range doc.Terms {
		switch id := tid[j]; {
		case doc.Terms[j].Norm == "unspecified":
			r.ids = append(r.ids, unspecTerm)
		case id >= 0:
			r.ids = append(r.ids, int64(id))
		default:
			r.ids = append(r.ids, -1)
		}
	}
}
