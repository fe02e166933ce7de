package suggest

import (
	"medcode/index"
	"medcode/nlp"
)

// notePositions indexes the note's terms by index term id (sentenceRanges.ids):
// for each id the positions holding it, in note order, so that contradiction
// visits only the terms holding a slot's context instead of walking every
// term of each sentence for each side of each slot of each candidate.
// A note has a few hundred terms and an id a handful of positions: the
// table is built once per note, when contradiction first asks.
type notePositions struct {
	built bool
	// keys and heads are an open-addressing table from id+1 (0: empty) to
	// the first position holding id; shift turns an id's hash into a slot.
	keys  []uint64
	heads []int32
	shift uint32
	// next holds, per term, the next position holding its id (-1: none).
	next []int32
}

// hashSlot is id's first slot in an open-addressing table of
// 1<<(32-shift) slots, notePositions' and codeSlots' (Fibonacci hashing:
// the high bits of the product are the well mixed ones).
func hashSlot(id uint32, shift uint32) uint32 {
	return (id * 2654435769) >> shift
}

// tableSize is the slot count of an open-addressing table for n keys (a
// power of two, at least 16, at most half full) and the shift hashSlot
// takes for it.
func tableSize(n int) (size int, shift uint32) {
	bits := uint32(4)
	for 1<<bits < 2*n {
		bits++
	}
	return 1 << bits, 32 - bits
}

// build indexes ids (per term, -1: none), reusing the table's memory.
func (p *notePositions) build(ids []int64) {
	n := len(ids)
	var size int
	size, p.shift = tableSize(n)
	if cap(p.keys) < size {
		p.keys, p.heads = make([]uint64, size), make([]int32, size)
	}
	p.keys, p.heads = p.keys[:size], p.heads[:size]
	clear(p.keys)
	if cap(p.next) < n {
		p.next = make([]int32, n)
	}
	p.next = p.next[:n]
	mask := uint32(size - 1)
	// From the last term back, so that each chain runs in note order.
	for j := n - 1; j >= 0; j-- {
		id := ids[j]
		p.next[j] = -1
		if id < 0 {
			continue
		}
		k := uint64(id) + 1
		s := hashSlot(uint32(id), p.shift&31) // tableSize's shift is below 32: the mask changes nothing but spares the shift its test
		for p.keys[s] != 0 && p.keys[s] != k {
			s = (s + 1) & mask
		}
		if p.keys[s] == k {
			p.next[j] = p.heads[s]
		}
		p.keys[s], p.heads[s] = k, int32(j)
	}
	p.built = true
}

// first is the first position holding id, -1 when none does.
func (p *notePositions) first(id uint32) int32 {
	k := uint64(id) + 1
	mask := uint32(len(p.keys) - 1)
	for s := hashSlot(id, p.shift&31); ; s = (s + 1) & mask { // as in build
		switch p.keys[s] {
		case k:
			return p.heads[s]
		case 0:
			return -1
		}
	}
}

// holding returns the first term of doc.Terms[lo:hi] at or after chain
// position j (a position holding id, or -1) whose note id (nids) is id:
// the next term the plain scan `for j in [lo, hi): nids[j] == id` visits.
// -1 when there is none.
func (r *sentenceRanges) holding(j int32, id uint32, lo, hi int32) int32 {
	for ; j >= 0 && j < hi; j = r.pos.next[j] {
		if j >= lo && r.nids[j] == int64(id) {
			return j
		}
	}
	return -1
}

// positionsReady builds the position table from the note's affirmed
// terms (r.judged), once per note: a negated term, whose note id is -1 and
// which holding never returns, is left out of every chain. It is false
// when doc has no terms. Once built (every term judged: sr.nids is
// whole) it is one test, inlined.
func (r *sentenceRanges) positionsReady(doc *nlp.Document, ix *index.Index) bool {
	return r.pos.built || r.buildPositions(doc, ix)
}

// buildPositions is positionsReady's first call of a note.
func (r *sentenceRanges) buildPositions(doc *nlp.Document, ix *index.Index) bool {
	if len(doc.Terms) == 0 {
		return false
	}
	r.pos.build(r.judged(doc, ix))
	return true
}
