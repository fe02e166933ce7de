package suggest

import (
	"math/bits"
	"slices"

	"medcode/index"
	"medcode/nlp"
)

// termBridge maps the main index's term ids to the learned index's, so a
// note's stems are looked up by string once, in the main index. The few
// main terms the learned index holds (750 of the main index's 26,500 in
// the trained model) are a bit set with a count of the set bits before
// each word (words), and their learned ids in main id order (ids): a
// note's lookups read some 10 KB that stay in cache, where a dense table
// of a learned id per main term (-1 for nearly all, 106 KB) missed the
// last-level cache more (TestTermBridgeAgrees holds it to that table).
type termBridge struct {
	words []bridgeWord
	ids   []int32 // learned ids of the set bits, in main id order
	// seen holds the outsideBit of each learned stem the main index
	// lacks: a stem the main index misses must be looked up in the
	// learned index only when its bit is set (the learned index's stems
	// outside the main index are some two dozen; a note's stems the main
	// index misses, a dozen, are mostly none of them, and a hash lookup
	// costs ~140 instructions and often a cache miss).
	seen [4]uint64
}

// outside reports whether the learned index holds a stem the main index
// lacks (some bit of seen is set).
func (b *termBridge) outside() bool { return b.seen != [4]uint64{} }

// outsideBit is a stem's bit in termBridge.seen: its length and first
// and last bytes, which tell most stems apart.
func outsideBit(stem string) uint {
	if stem == "" {
		return 0
	}
	return (uint(len(stem))*7 + uint(stem[0])*31 + uint(stem[len(stem)-1])) % 256
}

// mayBeOutside reports whether stem, which the main index lacks, may be
// one of the learned index's stems the main index lacks: false when the
// learned index certainly lacks it.
func (b *termBridge) mayBeOutside(stem string) bool {
	h := outsideBit(stem)
	return b.seen[h/64]&(1<<(h%64)) != 0
}

// bridgeWord is 64 main term ids' bits (set: in the learned index) and
// how many bits are set in the words before, read together.
type bridgeWord struct {
	bits uint64
	rank int32
}

// newTermBridge maps ix's term ids to learned's.
func newTermBridge(ix, learned *index.Index) termBridge {
	dense := make([]int32, ix.Terms())
	for i := range dense {
		dense[i] = -1
	}
	var b termBridge
	for l := 0; l < learned.Terms(); l++ {
		if m, ok := ix.TermID(learned.Term(uint32(l))); ok {
			dense[m] = int32(l)
		} else {
			h := outsideBit(learned.Term(uint32(l)))
			b.seen[h/64] |= 1 << (h % 64)
		}
	}
	b.words = make([]bridgeWord, (len(dense)+63)/64)
	for m, l := range dense {
		if l < 0 {
			continue
		}
		w := &b.words[m/64]
		w.bits |= 1 << (m % 64)
		b.ids = append(b.ids, l)
	}
	n := int32(0)
	for i := range b.words {
		b.words[i].rank = n
		n += int32(bits.OnesCount64(b.words[i].bits))
	}
	return b
}

// learnedID is the learned index's id of main term id m (m >= 0), -1
// when the learned index lacks the term.
func (b *termBridge) learnedID(m int32) int32 {
	w := b.words[uint32(m)/64]
	bit := uint64(1) << (uint32(m) % 64)
	if w.bits&bit == 0 {
		return -1
	}
	return b.ids[w.rank+int32(bits.OnesCount64(w.bits&(bit-1)))]
}

// noteTermIDs looks every term of the note up once: w.tid[j] is the main
// index's id of doc.Terms[j].Stem and w.ltid[j] the learned index's (-1
// when the index lacks the stem; ltid is empty without a learned index).
// In the same pass over the terms it finds what the searches read of
// them (w.sc.qterms, queryTermOf; label: per token of the note, in a
// body-system sub-heading) and the ends of the sentences' runs of terms
// (w.sc.ends).
func (e *Engine) noteTermIDs(w *work, doc *nlp.Document, label []bool) {
	w.sr.mainIx, w.sr.mainIDs = e.ix, &w.tid // sentenceRanges.termID reads them
	// The lists are sized once and set by index, not appended to a term.
	terms := doc.Terms
	stems := slices.Grow(w.termStems[:0], len(terms))[:len(terms)]
	sc := &w.sc
	qt := slices.Grow(sc.qterms[:0], len(terms))[:len(terms)]
	ends := sc.ends[:0]
	for j := range terms {
		t := &terms[j]
		stems[j] = t.Stem
		qt[j] = queryTermOf(doc, t, label)
		if j > 0 && t.Sent != terms[j-1].Sent {
			ends = append(ends, int32(j))
		}
	}
	if len(terms) > 0 {
		ends = append(ends, int32(len(terms)))
	}
	w.termStems, sc.qterms, sc.ends = stems, qt, ends
	// All the note's stems at once: the table's loads overlap.
	w.tid = e.ix.AppendTermIDs(w.tid[:0], stems)
	w.ltid = w.ltid[:0]
	if e.learned == nil {
		return
	}
	tid := w.tid
	ltid := slices.Grow(w.ltid, len(tid))[:len(tid)]
	b := &e.bridge
	for j, id := range tid {
		l := int32(-1)
		switch {
		case id >= 0:
			l = b.learnedID(id)
		case b.mayBeOutside(stems[j]): // false when the learned index holds no stem outside
			if m, ok := e.learned.TermID(stems[j]); ok {
				l = int32(m)
			}
		}
		ltid[j] = l
	}
	w.ltid = ltid
}

// mainTermID is the main index's id of doc.Terms[j].Stem, as collect
// looked it up for this note.
func (w *work) mainTermID(j int) (uint32, bool) {
	if id := w.tid[j]; id >= 0 {
		return uint32(id), true
	}
	return 0, false
}
