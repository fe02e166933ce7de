package index

import (
	"cmp"
	"math"
	"slices"
)

// pairCoverage is the least MinCoverage a search answers from the pair
// lists (pairIndex); a looser search walks every record of its terms.
const pairCoverage = 0.65

// pairIndex lists each packed posting record under the terms that can
// open it in a search of coverage pairCoverage or more, so such a search
// reads the few records its sentence can reach rather than every record of
// its terms (most fail the coverage bound on their first missing words).
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
// Layout: term t's solo records are solo[soloOff[t]:soloOff[t+1]] and its
// pairs pairU[pairOff[t]:pairOff[t+1]] (sorted by u); pair p's records are
// pairPost[pairRec[p]:pairRec[p+1]]. Records are offsets of their first
// word in post, in post order.
type pairIndex struct {
	soloOff  []uint32
	solo     []uint32
	pairOff  []uint32
	pairU    []uint32
	pairRec  []uint32
	pairPost []uint32
}

// pairMargin widens the bounds the pair lists are built with, relative to
// a record's norm, so the float rounding of a search's own bound never
// reaches a record the lists leave out.
const pairMargin = 1e-6

// newPairIndex lists ix's packed posting records (see pairIndex).
func newPairIndex(ix *Index) *pairIndex {
	nt := len(ix.termStr)
	p := &pairIndex{soloOff: make([]uint32, nt+1), pairOff: make([]uint32, nt+1)}
	loose := pairCoverage - 1e-4 // the search's bound at pairCoverage
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
			o += recordHead + n
		}
		p.soloOff[t+1] = uint32(len(p.solo))
		slices.SortFunc(es, func(a, b entry) int {
			if a.u != b.u {
				return cmp.Compare(a.u, b.u)
			}
			return cmp.Compare(a.off, b.off)
		})
		for i, e := range es {
			if i == 0 || e.u != es[i-1].u {
				p.pairU = append(p.pairU, e.u)
				p.pairRec = append(p.pairRec, uint32(len(p.pairPost)))
			}
			p.pairPost = append(p.pairPost, e.off)
		}
		p.pairOff[t+1] = uint32(len(p.pairU))
	}
	p.pairRec = append(p.pairRec, uint32(len(p.pairPost)))
	p.solo = slices.Clip(p.solo)
	p.pairU = slices.Clip(p.pairU)
	p.pairRec = slices.Clip(p.pairRec)
	p.pairPost = slices.Clip(p.pairPost)
	return p
}

// noTerm is no term id: a record read under no pair.
const noTerm = math.MaxUint32

// searchPairs reads the records of query term t the pair lists open (see
// pairIndex): its solo records and, for each other query term u, the
// records of pair (t, u).
func (ix *Index) searchPairs(t uint32, r *reader) {
	p := ix.pairs
	for _, o := range p.solo[p.soloOff[t]:p.soloOff[t+1]] {
		r.read(o, noTerm)
	}
	lo, hi := p.pairOff[t], p.pairOff[t+1]
	if lo == hi {
		return
	}
	us := p.pairU[lo:hi]
	sc := r.sc
	if len(us) <= 8*len(sc.touched) {
		for i, u := range us {
			if sc.present[u/64]&(1<<(u%64)) != 0 {
				ix.readPair(lo+uint32(i), u, r)
			}
		}
		return
	}
	for _, u := range sc.touched {
		if u == t {
			continue
		}
		if i, ok := slices.BinarySearch(us, u); ok {
			ix.readPair(lo+uint32(i), u, r)
		}
	}
}

// readPair reads the records of pair k, whose second term is u.
func (ix *Index) readPair(k, u uint32, r *reader) {
	p := ix.pairs
	for _, o := range p.pairPost[p.pairRec[k]:p.pairRec[k+1]] {
		r.read(o, u)
	}
}
