package suggest

import (
	"medcode/index"
	"medcode/nlp"
)

// termBridge maps the main index's term ids to the learned index's, so a
// note's stems are looked up by string once, in the main index.
type termBridge struct {
	learned []int32 // per main term id: the learned index's id, -1 none
	// outside is true when the learned index holds a stem the main index
	// lacks: a stem the main index misses must then be looked up there.
	outside bool
}

// newTermBridge maps ix's term ids to learned's.
func newTermBridge(ix, learned *index.Index) termBridge {
	b := termBridge{learned: make([]int32, ix.Terms())}
	for i := range b.learned {
		b.learned[i] = -1
	}
	for l := 0; l < learned.Terms(); l++ {
		if m, ok := ix.TermID(learned.Term(uint32(l))); ok {
			b.learned[m] = int32(l)
		} else {
			b.outside = true
		}
	}
	return b
}

// noteTermIDs looks every term of the note up once: w.tid[j] is the main
// index's id of doc.Terms[j].Stem and w.ltid[j] the learned index's (-1
// when the index lacks the stem; ltid is empty without a learned index).
func (e *Engine) noteTermIDs(w *work, doc *nlp.Document) {
	w.sr.mainIx, w.sr.mainIDs = e.ix, &w.tid // sentenceRanges.termID reads them
	stems := w.termStems[:0]
	for _, t := range doc.Terms {
		stems = append(stems, t.Stem)
	}
	w.termStems = stems
	// All the note's stems at once: the table's loads overlap.
	w.tid = e.ix.AppendTermIDs(w.tid[:0], stems)
	w.ltid = w.ltid[:0]
	if e.learned == nil {
		return
	}
	for j, id := range w.tid {
		switch {
		case id >= 0:
			w.ltid = append(w.ltid, e.bridge.learned[id])
		case e.bridge.outside:
			l := int32(-1)
			if m, ok := e.learned.TermID(stems[j]); ok {
				l = int32(m)
			}
			w.ltid = append(w.ltid, l)
		default:
			w.ltid = append(w.ltid, -1)
		}
	}
}

// mainTermID is the main index's id of doc.Terms[j].Stem, as collect
// looked it up for this note.
func (w *work) mainTermID(j int) (uint32, bool) {
	if id := w.tid[j]; id >= 0 {
		return uint32(id), true
	}
	return 0, false
}
