package index

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// Pair lists (pairIndex) are built for two coverages: a search of
// coverage loosePairs or more reads the lists built for loosePairs (or
// for strictPairs, at that coverage or more: far fewer records open
// there); a looser search walks every record of its terms.
const (
	loosePairs  = 0.65
	strictPairs = 0.99
)

// pairSet holds an index's pair lists: those for loosePairs, which serve
// every search they can, are built with the postings; those for
// strictPairs the first time a search needs them (an engine searches its
// learned names at that coverage, its code-set index below it).
type pairSet struct {
	once  [2]sync.Once
	lists [2]*pairIndex // for loosePairs, strictPairs
}

// pairLists returns the pair lists a search of coverage minCov reads, or
// nil when it must walk every record (the postings are not packed, or
// minCov is below loosePairs).
func (ix *Index) pairLists(minCov float64) *pairIndex {
	s := ix.pairs
	if s == nil || minCov < loosePairs {
		return nil
	}
	l, cov := 0, loosePairs
	if minCov >= strictPairs {
		l, cov = 1, strictPairs
	}
	s.once[l].Do(func() { s.lists[l] = newPairIndex(ix, cov) })
	return s.lists[l]
}

// pairIndex lists each packed posting record under the terms that can
// open it in a search of coverage cov or more (the coverage it is built
// for), so such a search reads the few records its sentence can reach
// rather than every record of its terms (most fail the coverage bound on
// their first missing words).
//
// A record of term t whose w² alone reaches the coverage bound is solo:
// it is read whenever the query holds t. Any other record can only reach
// the bound if the query also holds one of its next heaviest terms: the
// search's bound rejects it as soon as the weight it misses exceeds the
// slack the coverage leaves, so its first matched term after t comes
// before that point. The record is listed under the pair (t, u) for each
// such term u, its prefix; the search reads it under the first of them
// the query holds and runs the usual bound on it, so it reads exactly the
// records the full walk scores.
//
// Layout: term t's lists are its block: the solo records, then the
// pairs' second terms (sorted, 16 bits each, two to a word, the low half
// first; an odd count is padded with the last term again, whose records
// are none, so the scan reads whole words), then npair+1 record bounds:
// pair k's records are pairPost[bounds[k]:bounds[k+1]]. Records are
// offsets of their first word in post, in post order, each with its
// filter (pairRec). An index has lists only while its term ids fit the
// 16-bit terms (pairsFit), and its terms' solo records their 16-bit count
// (newPairIndex leaves an index whose term has more without lists).
//
// A term's line (pairLine, one cache line) holds its gate, its counts,
// where its block starts in blk (which holds every block whole, in term
// order) and a copy of the block's first lineWords words: the whole
// block but for the bounds of most terms (some dozen pairs a term). A
// search reads such a term's solo records and scans its pairs' terms in
// the one line it reads for the gate, where an entry and the block it
// points to were two lines of megabytes, the second a read that waited
// on the first; the bounds it reads only for a pair the query holds. A
// longer block it reads from blk.
//
// The gate is the bits u%64 of the pairs' second terms (every bit when
// the term has solo records). A search whose query mask (scratch.qmask)
// shares no bit with a term's gate lists nothing under it, and neither
// reads the rest of its block nor scans its pairs.
type pairIndex struct {
	lines    []pairLine // per term
	blk      []uint32
	pairPost []pairRec
}

// pairLine is a term's line in the pair lists (pairIndex): the gate, the
// head word (the pairs' words | nsolo<<16), where its block starts in
// blk, and a copy of the block's first words, one cache line in all.
type pairLine struct {
	gate     uint64
	head, at uint32
	in       [lineWords]uint32
}

// lineWords is how many words of a term's block its line holds.
const lineWords = 12

// pairGate is the gate (pairIndex) of a term with nsolo solo records and
// the pairs' second terms us: a query holding none of the terms (by their
// bits u%64) reads no record under the term.
func pairGate(nsolo int, us []uint32) uint64 {
	if nsolo != 0 {
		return math.MaxUint64
	}
	var g uint64
	for _, u := range us {
		g |= 1 << (u % 64)
	}
	return g
}

// pairTerm is the k-th second term of a block's pairs us (pairBlock).
func pairTerm(us []uint32, k int) uint32 { return us[k/2] >> (16 * (k % 2)) & 0xffff }

// pairsFit reports whether an index of nterms terms gets pair lists:
// every term id fits the pairs' 16-bit terms (pairIndex) and the
// filters' slots (pairRec). A larger index walks every record of its
// query terms.
func pairsFit(nterms int) bool { return nterms <= narrowTerms }

// pairRec is a record listed under a pair (t, u): its offset in post and
// a filter the search runs before it reads the record. The record lies
// scattered in megabytes of postings, a read that waits on memory, and
// most records a pair lists fail the search's bound on the few terms
// around u: the term before u (present, the record is read under the
// pair of that term instead) and the terms after it (absent, the weight
// they miss exceeds the slack). The filter names three such terms (term
// ids t0, t1, t2) and holds a bit per pattern of their presence in the
// query (rejects bit i set: the terms whose bit is set in i are present,
// t0 bit 0, the others absent): set when the record's bound rejects the
// record under that pattern whatever the query's other terms, at the
// lists' coverage and so at every coverage above it (pairFilter). An
// unused term slot holds term 0, and the patterns agree on its bit.
//
// The terms are 16 bits: 12 bytes a record rather than 16, megabytes of
// heap over the lists' hundreds of thousands of records (an index has
// some 27,000 terms), and the search reads their presence bits with no
// bounds check (pairIndex.list). A term past them (an index of 65,536
// terms or more) is left out of the filter, which then reads fewer terms
// and stays exact (pairFilter). t2 and the rejects share a word: a
// struct of four fields the compiler keeps in registers (a fifth, and it
// copies each record to the stack).
type pairRec struct {
	o      uint32
	t0, t1 uint16
	t2r    uint32 // t2 | rejects<<16
}

// narrowTerms bounds the term ids pairRec's 16-bit slots hold; a
// scratch's present bits cover at least as many terms.
const narrowTerms = 1 << 16

// filterTerms is how many terms a pair record's filter reads (its
// rejects hold a bit for each of their 1<<filterTerms presence patterns).
const filterTerms = 3

// pairMargin widens the bounds the pair lists are built with, relative to
// a record's norm, so the float rounding of a search's own bound never
// reaches a record the lists leave out.
const pairMargin = 1e-6

// newPairIndex lists ix's packed posting records for searches of
// coverage cov or more (see pairIndex).
func newPairIndex(ix *Index, cov float64) *pairIndex {
	return newPairIndexNarrow(ix, cov, narrowTerms)
}

// newPairIndexNarrow is newPairIndex with the filters' 16-bit term slots
// holding only the ids below narrow (narrowTerms, or less for a test of
// an index whose terms pass them).
func newPairIndexNarrow(ix *Index, cov float64, narrow uint32) *pairIndex {
	nt := len(ix.termStr)
	p := &pairIndex{lines: make([]pairLine, nt)}
	loose := cov - 1e-4 // the search's bound at cov
	// An entry is record o listed under pair (t, u), u its j-th term:
	// sorted small, its filter (pairFilter) computed once it is placed.
	type entry struct{ u, o, j uint32 }
	var es []entry
	var solo, us, bounds, words []uint32
	for t := 0; t < nt; t++ {
		es, solo, us, bounds = es[:0], solo[:0], us[:0], bounds[:0]
		w0 := float64(ix.w2[t])
		for o := ix.postOff[t]; o < ix.postOff[t+1]; {
			n := ix.post[o+1] & 0xffff
			norm := recordNorm(ix.post[o:])
			body := ix.post[o+recordHead : o+recordHead+n]
			if w0 >= (loose-pairMargin)*norm {
				solo = append(solo, o)
			} else {
				slack := (1 - loose + 1e-4 + pairMargin) * norm
				var miss float64
				for j, tw := range body[1:] {
					u := tw & packTerm
					es = append(es, entry{u, o, uint32(j + 1)})
					if miss += float64(ix.w2[u]); miss > slack {
						break
					}
				}
			}
			o += ix.recordLen(n)
		}
		slices.SortFunc(es, func(a, b entry) int {
			if a.u != b.u {
				return cmp.Compare(a.u, b.u)
			}
			return cmp.Compare(a.o, b.o)
		})
		for i, e := range es {
			if i == 0 || e.u != es[i-1].u {
				us = append(us, e.u)
				bounds = append(bounds, uint32(len(p.pairPost)))
			}
			p.pairPost = append(p.pairPost, ix.pairFilter(e.o, e.j, loose, narrow))
		}
		if len(us)%2 != 0 {
			// An odd count padded to whole words: the last term
			// again, its records none.
			us = append(us, us[len(us)-1])
			bounds = append(bounds, uint32(len(p.pairPost)))
		}
		if len(solo) > 0xffff || len(us) > 0xffff {
			return nil // counts past the head word's halves: the walk
		}
		// The block's words (its line holds a copy of the first), then
		// the bounds.
		words = append(words[:0], solo...)
		for k := 0; k < len(us); k += 2 {
			words = append(words, us[k]|us[k+1]<<16)
		}
		l := &p.lines[t]
		l.gate = pairGate(len(solo), us)
		l.head = uint32(len(us)/2) | uint32(len(solo))<<16
		l.at = uint32(len(p.blk))
		copy(l.in[:], words)
		p.blk = append(p.blk, words...)
		if len(us) > 0 {
			p.blk = append(p.blk, bounds...)
			p.blk = append(p.blk, uint32(len(p.pairPost)))
		}
	}
	p.blk = slices.Clip(p.blk)
	p.pairPost = slices.Clip(p.pairPost)
	return p
}

// noTerm is no term id: a record read under no pair.
const noTerm = math.MaxUint32

// search lists the records of query term t the pair lists open (see
// pairIndex) in r.todo: its solo records and, for each other query term
// u, the records of pair (t, u). The reader reads them all at once
// (reader.readTodo).
func (p *pairIndex) search(t uint32, r *reader) {
	l := &p.lines[t]
	if l.gate&r.sc.qmask == 0 {
		return // no solo record, and no pair's term in the query
	}
	h := l.head
	nsolo, nw := h>>16, h&0xffff
	// The block's solo records and pairs' terms: in the line, or (a long
	// block) in blk; their bounds after them in blk.
	n := nsolo + nw
	b := l.in[:min(n, lineWords)]
	if n > lineWords {
		b = p.blk[l.at : l.at+n]
	}
	if nsolo != 0 {
		todo, post := r.todo, r.ix.post
		var sink uint32
		for _, o := range b[:nsolo] {
			todo = append(todo, pending{o, noTerm})
			sink += post[o+1] // the record's head word, loaded ahead (reader.readTodo)
		}
		r.todo = todo
		r.sink += sink
	}
	if nw == 0 {
		return
	}
	us := b[nsolo:n]
	bnd := p.blk[l.at+n:] // read only for a pair the query holds
	sc := r.sc
	// A scan reads a pair per step, a lookup about four per halving.
	if npair := 2 * nw; int(npair) <= 4*len(sc.touched)*bits.Len32(npair) {
		// A local (appends to r.todo cannot move it) covering every
		// 16-bit term: read unchecked. The query's mask answers most
		// pairs first, in a register: a sentence holds a few terms, so
		// most of the 64 bits are clear; its bits (qbits, one line in
		// cache) most of the rest, and the present word of a pair they
		// rule out (a load from kilobytes of bits, often out of cache) is
		// never read.
		pr := (*[narrowTerms / 64]uint64)(sc.present)
		qm, qb := sc.qmask, &sc.qbits
		for j, w := range us {
			if u := uint(w & 0xffff); qm&(1<<(u%64)) != 0 && qb[u/64%8]&(1<<(u%64)) != 0 && pr[u/64]&(1<<(u%64)) != 0 {
				p.list(bnd[2*j], bnd[2*j+1], uint32(u), r)
			}
			if u := uint(w >> 16); qm&(1<<(u%64)) != 0 && qb[u/64%8]&(1<<(u%64)) != 0 && pr[u/64]&(1<<(u%64)) != 0 {
				p.list(bnd[2*j+1], bnd[2*j+2], uint32(u), r)
			}
		}
		return
	}
	// Few query terms against many pairs: look each term up, past the
	// last one found (both lists are sorted; a padding pair repeats the
	// last term, found after it).
	from, npair := 0, int(2*nw)
	for _, u := range sc.sortedTerms() {
		// The first pair at or after from whose term is u or more.
		lo, hi := from, npair
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if pairTerm(us, m) < u {
				lo = m + 1
			} else {
				hi = m
			}
		}
		from = lo
		if from == npair {
			return
		}
		if pairTerm(us, from) == u {
			p.list(bnd[from], bnd[from+1], u, r)
		}
	}
}

// list lists the records pairPost[lo:hi] of a pair whose second term is
// u in r.todo: those its filter (pairRec) passes, whose bound the reader
// runs.
func (p *pairIndex) list(lo, hi, u uint32, r *reader) {
	recs := p.pairPost[lo:hi]
	post, present := r.ix.post, r.sc.present
	// Grown once and written by index: no append's call in the loop to
	// spill its values around.
	todo, n := r.todo, len(r.todo)
	if cap(todo)-n < len(recs) {
		todo = slices.Grow(todo, len(recs))
	}
	todo = todo[:cap(todo)]
	// Every term a filter names is below narrowTerms, and present covers
	// them all: the presence bits are read with no bounds check.
	pr := (*[narrowTerms / 64]uint64)(present)
	var sink uint32
	for _, e := range recs {
		t0, t1, t2 := uint(e.t0), uint(e.t1), uint(uint16(e.t2r))
		pat := pr[t0/64]>>(t0%64)&1 | pr[t1/64]>>(t1%64)&1<<1 | pr[t2/64]>>(t2%64)&1<<2
		if e.t2r>>(16+pat)&1 != 0 {
			continue
		}
		o := e.o
		todo[n] = pending{o, u}
		n++
		sink += post[o+1] // the record's head word, loaded ahead (reader.readTodo)
	}
	r.todo = todo[:n]
	r.sink += sink
}

// pairFilter returns the filter (pairRec) of the record at post[o],
// listed under the pair of its first term and its j-th term (body[j] of
// its packed terms body), for the bound loose the lists are built at: a
// search reading the record under this pair holds none of body[1:j] and
// misses their w². The filter's terms are body[j-1] when it is not the
// first term (the query holding it, the search reads the record under
// that term's pair and leaves it here) and those after body[j]; each of
// their presence patterns is run through the search's bound (readTodo's
// walk, the same float64 sums in the same order) with the margin the
// lists are built with, so a pattern rejects only a record every search
// of coverage loose or more rejects. A term of id narrow or more, which
// the 16-bit slots cannot hold, is left out: body[j-1] (the record is
// then read under this pair with it present too, and the bound leaves
// it), or a term after body[j], which ends the filter's terms before it
// (the patterns run over the terms before it alone, as the walk would).
func (ix *Index) pairFilter(o, j uint32, loose float64, narrow uint32) pairRec {
	body := ix.post[o+recordHead : o+recordHead+ix.post[o+1]&0xffff]
	norm := recordNorm(ix.post[o:])
	need := (loose - pairMargin) * norm
	slack := (1 - loose + 1e-4 + pairMargin) * norm
	var miss float64
	for _, tw := range body[1:j] {
		miss += float64(ix.w2[tw&packTerm])
	}
	var terms [filterTerms]uint32
	var w [filterTerms]float64
	n, first := 0, 0 // first: the first term after body[j] among the filter's
	if j > 1 && body[j-1]&packTerm < narrow {
		terms[0] = body[j-1] & packTerm
		n, first = 1, 1
	}
	for k := int(j) + 1; k < len(body) && n < filterTerms; k++ {
		if body[k]&packTerm >= narrow {
			break
		}
		terms[n] = body[k] & packTerm
		w[n] = float64(ix.w2[terms[n]])
		n++
	}
	// ends: the filter's terms run to the record's end, where the walk
	// rejects a record that has not reached its need.
	ends := int(j)+1+n-first == len(body)
	m2u := float64(ix.w2[body[0]&packTerm]) + float64(ix.w2[body[j]&packTerm])
	var rejects uint32
	for pat := range 1 << filterTerms {
		if first == 1 && pat&1 != 0 {
			rejects |= 1 << pat // read under the pair of body[j-1]
			continue
		}
		if m2u >= need {
			continue // the walk may reach its need at body[j]
		}
		m2, m, reject := m2u, miss, ends
		for k := first; k < n; k++ {
			if pat>>k&1 != 0 {
				if m2 += w[k]; m2 >= need {
					reject = false
					break
				}
			} else if m += w[k]; m > slack {
				reject = true
				break
			}
		}
		if reject {
			rejects |= 1 << pat
		}
	}
	return pairRec{o, uint16(terms[0]), uint16(terms[1]), terms[2] | rejects<<16}
}
