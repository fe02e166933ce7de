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
// Layout: term t's solo records are solo[off[t].solo:off[t+1].solo] and
// its pairs pairs[off[t].pair:off[t+1].pair] (sorted by u; the two
// offsets of a term side by side, one memory load for both); pair p's
// records are pairPost[pairs[p].rec:pairs[p+1].rec] (a pair's term and
// where its records start side by side too; the last entry only ends
// the records of the one before). Records are offsets of their first
// word in post, in post order.
type pairIndex struct {
	off      []termOffs
	solo     []uint32
	pairs    []pairEntry
	pairPost []uint32
}

// pairEntry is a pair (t, u) of the lists: u and where its records start
// in pairPost.
type pairEntry struct{ u, rec uint32 }

// termOffs is where a term's solo records and its pairs start.
type termOffs struct{ solo, pair uint32 }

// pairMargin widens the bounds the pair lists are built with, relative to
// a record's norm, so the float rounding of a search's own bound never
// reaches a record the lists leave out.
const pairMargin = 1e-6

// newPairIndex lists ix's packed posting records for searches of
// coverage cov or more (see pairIndex).
func newPairIndex(ix *Index, cov float64) *pairIndex {
	nt := len(ix.termStr)
	p := &pairIndex{off: make([]termOffs, nt+1)}
	loose := cov - 1e-4 // the search's bound at cov
	type entry struct{ u, off uint32 }
	var es []entry
	for t := 0; t < nt; t++ {
		es = es[:0]
		w0 := float64(ix.w2[t])
		for o := ix.postOff[t]; o < ix.postOff[t+1]; {
			n := ix.post[o+1] & 0xffff
			norm := float64(math.Float32frombits(ix.post[o+3]))
			body := ix.post[o+recordHead : o+recordHead+n]
			if w0 >= (loose-pairMargin)*norm {
				p.solo = append(p.solo, o)
			} else {
				slack := (1 - loose + 1e-4 + pairMargin) * norm
				var miss float64
				for _, tw := range body[1:] {
					u := tw & packTerm
					es = append(es, entry{u, o})
					if miss += float64(ix.w2[u]); miss > slack {
						break
					}
				}
			}
			o += ix.recordLen(n)
		}
		p.off[t+1].solo = uint32(len(p.solo))
		slices.SortFunc(es, func(a, b entry) int {
			if a.u != b.u {
				return cmp.Compare(a.u, b.u)
			}
			return cmp.Compare(a.off, b.off)
		})
		for i, e := range es {
			if i == 0 || e.u != es[i-1].u {
				p.pairs = append(p.pairs, pairEntry{e.u, uint32(len(p.pairPost))})
			}
			p.pairPost = append(p.pairPost, e.off)
		}
		p.off[t+1].pair = uint32(len(p.pairs))
	}
	p.pairs = append(p.pairs, pairEntry{noTerm, uint32(len(p.pairPost))})
	p.solo = slices.Clip(p.solo)
	p.pairs = slices.Clip(p.pairs)
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
	at, next := p.off[t], p.off[t+1]
	todo, post := r.todo, r.ix.post
	var sink uint32
	for _, o := range p.solo[at.solo:next.solo] {
		todo = append(todo, pending{o, noTerm})
		sink += post[o+1] // the record's head word, loaded ahead (reader.readTodo)
	}
	r.todo = todo
	r.sink += sink
	lo, hi := at.pair, next.pair
	if lo == hi {
		return
	}
	us := p.pairs[lo:hi]
	sc := r.sc
	// A scan reads a pair per step, a lookup about four per halving.
	if len(us) <= 4*len(sc.touched)*bits.Len(uint(len(us))) {
		present := sc.present // a local: appends to r.todo cannot move it
		for i, e := range us {
			if present[e.u/64]&(1<<(e.u%64)) != 0 {
				p.list(lo+uint32(i), e.u, r)
			}
		}
		return
	}
	// Few query terms against many pairs: look each term up, past the
	// last one found (both lists are sorted).
	from := 0
	for _, u := range sc.sortedTerms() {
		i, ok := slices.BinarySearchFunc(us[from:], u, func(e pairEntry, u uint32) int { return cmp.Compare(e.u, u) })
		from += i
		if from == len(us) {
			return
		}
		if ok {
			p.list(lo+uint32(from), u, r)
		}
	}
}

// list lists the records of pair k, whose second term is u, in r.todo.
func (p *pairIndex) list(k, u uint32, r *reader) {
	todo, post := r.todo, r.ix.post // locals: r.todo is stored once, not once a record
	var sink uint32
	for _, o := range p.pairPost[p.pairs[k].rec:p.pairs[k+1].rec] {
		todo = append(todo, pending{o, u})
		sink += post[o+1] // the record's head word, loaded ahead (reader.readTodo)
	}
	r.todo = todo
	r.sink += sink
}
