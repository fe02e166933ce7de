package suggest

import (
	"medcode/index"
	"medcode/nlp"
)

// groundIndex is titleGrounding's index of the terms a note affirms: for
// each index term id, the sentences affirming it as bits, read once per
// note, so that a candidate's title terms are each looked up once
// instead of its sentences' terms being marked again for each new set
// of sentences. A note of more than 64 sentences is not indexed
// (titleGrounding marks its sentences' terms as before).
type groundIndex struct {
	// sents has, per index term id below terms, bit s set when sentence
	// s affirms it; ids are the ids with bits set, to clear.
	sents []uint64
	ids   []uint32
	// bits has bit t set when sents[t] is not zero. Most of a sibling
	// title's terms are said nowhere in the note: bits (a bit a term,
	// 3 KB) answers them without reading sents (8 bytes a term, 200 KB),
	// whose line is seldom in cache (saidSparse).
	bits []uint64
	// beyond are the affirmed ids past the index's terms (rare), with
	// their sentences.
	beyond []groundBeyond
	terms  int
	ok     bool // built for the current note, which it indexes
}

// groundBeyond is an affirmed term id past the index's terms and the
// sentence affirming it.
type groundBeyond struct {
	id   uint32
	sent int
}

// build indexes the affirmed terms (noteTermID, read from sr.judged) of
// each of doc's sentences (sr.term); ok false when the note has more than
// 64.
func (g *groundIndex) build(sr *sentenceRanges, doc *nlp.Document, ix *index.Index) {
	for _, id := range g.ids {
		g.sents[id] = 0
		g.bits[id/64] = 0
	}
	g.ids, g.beyond = g.ids[:0], g.beyond[:0]
	g.ok = len(sr.term) <= 64
	if !g.ok {
		return
	}
	if g.terms = ix.Terms(); len(g.sents) != g.terms {
		g.sents = make([]uint64, g.terms)
		g.bits = make([]uint64, (g.terms+63)/64)
	}
	nids := sr.judged(doc, ix)
	for s, sp := range sr.term {
		for _, n := range nids[sp[0]:sp[1]] {
			id := uint32(n)
			switch {
			case n < 0:
			case int(id) < g.terms:
				if a := &g.bits[id/64]; *a&(1<<(id%64)) == 0 {
					*a |= 1 << (id % 64)
					g.ids = append(g.ids, id)
				}
				g.sents[id] |= 1 << s
			default:
				g.beyond = append(g.beyond, groundBeyond{id, s})
			}
		}
	}
}

// mask returns the bits of sentences sents (those of the note).
func (g *groundIndex) mask(sents []int) uint64 {
	var m uint64
	for _, s := range sents {
		if s >= 0 && s < 64 {
			m |= 1 << s
		}
	}
	return m
}

// mentionMask is mask(sentencesOf(c, false, ...)) read from c's mentions
// directly: the bits of their sentences below 64 need no list of the
// distinct ones first.
func mentionMask(c *candidate) uint64 {
	var m uint64
	for i := range c.mentions {
		if s := c.mentions[i].sent; s >= 0 && s < 64 {
			m |= 1 << s
		}
	}
	return m
}

// said reports whether a sentence of mask m affirms term t, as
// titleGrounding's marks read it: a term past the index's terms but
// within the marks' last word is never marked, one past that is looked
// for among the affirmed ids.
//
// The index's own terms, nearly every title term, are answered here, small
// enough to inline into groundingIn's loops; the rest by saidBeyond.
// len(g.sents) is g.terms (build), and the test by it proves the read
// in range.
func (g *groundIndex) said(t uint32, m uint64) bool {
	if int(t) < len(g.sents) {
		return g.sents[t]&m != 0
	}
	return g.saidBeyond(t, m)
}

// saidSparse is said for a term that is likely said nowhere in the note
// (a sibling title's): bits answers that without reading sents, whose
// line is seldom in cache; the test costs instructions said does not
// spend on a term that is said. A term within bits' last word but past
// the index's terms has no bit set there, as saidBeyond answers it.
func (g *groundIndex) saidSparse(t uint32, m uint64) bool {
	if w := t / 64; int(w) < len(g.bits) {
		return g.bits[w]&(1<<(t%64)) != 0 && g.sents[t]&m != 0
	}
	return g.saidBeyond(t, m)
}

// saidBeyond is said of a term past the index's terms.
func (g *groundIndex) saidBeyond(t uint32, m uint64) bool {
	if int(t/64) < (g.terms+63)/64 {
		return false
	}
	for _, b := range g.beyond {
		if b.id == t && m&(1<<b.sent) != 0 {
			return true
		}
	}
	return false
}
