package index

import (
	"math"
	"slices"
	"testing"

	"medcode/internal/testenv"
)

// pairBlock decodes term t's block (pairIndex) as the search reads it:
// its solo records, its pairs' second terms (us, two to a word: pairTerm
// reads the k-th) and their record bounds (npair+1 of them), npair the
// number of pairs (even: the padding pair counts), and how many words of
// blk the block takes.
func (p *pairIndex) pairBlock(t uint32) (solo, us, bounds []uint32, npair, nblk int) {
	l := &p.lines[t]
	nsolo, nw := l.head>>16, l.head&0xffff
	n := nsolo + nw
	words := p.blk[l.at : l.at+n]
	npair = 2 * int(nw)
	solo, us = words[:nsolo], words[nsolo:]
	if npair == 0 {
		return solo, nil, nil, 0, int(n)
	}
	bounds = p.blk[l.at+n : int(l.at+n)+npair+1]
	return solo, us, bounds, npair, int(n) + len(bounds)
}

// TestPairBlocks holds every term's block (pairIndex) to lists built the
// plain way, a map from each pair's second term to its records: the same
// solo records, the same pairs in term order (an odd count padded with
// the last term again, whose records are none), each with the same records in post order
// and the same filters; the blocks tile blk in term order, a term with no
// solo record and no pair has its head word, zero, alone; each term's
// entry holds its block's head word and the gate of its pairs' terms.
func TestPairBlocks(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, _ := sentenceQueries(t)
	if ix.pairs == nil {
		t.Fatalf("snapshot postings not packed: no pair lists")
	}
	for _, cov := range []float64{loosePairs, strictPairs} {
		p := ix.pairLists(cov)
		loose := cov - 1e-4
		odd, even, at := 0, 0, 0
		for tt := range uint32(ix.Terms()) {
			var wantSolo []uint32
			wantPairs := map[uint32][]uint32{} // second term -> records
			js := map[[2]uint32]uint32{}       // (u, record) -> j
			for o := ix.postOff[tt]; o < ix.postOff[tt+1]; o += ix.recordLen(ix.post[o+1] & 0xffff) {
				n := ix.post[o+1] & 0xffff
				norm := recordNorm(ix.post[o:])
				body := ix.post[o+recordHead : o+recordHead+n]
				if float64(ix.w2[tt]) >= (loose-pairMargin)*norm {
					wantSolo = append(wantSolo, o)
					continue
				}
				var miss float64
				for j := 1; j < len(body); j++ {
					u := body[j] & packTerm
					wantPairs[u] = append(wantPairs[u], o)
					js[[2]uint32{u, o}] = uint32(j)
					if miss += float64(ix.w2[u]); miss > (1-loose+1e-4+pairMargin)*norm {
						break
					}
				}
			}
			// The blocks tile blk in term order; a line holds its
			// block's first words, zero past them.
			l := &p.lines[tt]
			if int(l.at) != at {
				t.Fatalf("cov %v term %d: block at %d, want %d", cov, tt, l.at, at)
			}
			n := int(l.head>>16 + l.head&0xffff)
			for i, w := range l.in {
				if i < n && w != p.blk[int(l.at)+i] || i >= n && w != 0 {
					t.Fatalf("cov %v term %d: line words %v for block %v", cov, tt, l.in, p.blk[l.at:int(l.at)+n])
				}
			}
			// The gate: every bit with a solo record, else the bits of
			// the pairs' terms.
			wantGate := uint64(0)
			for u := range wantPairs {
				wantGate |= 1 << (u % 64)
			}
			if len(wantSolo) > 0 {
				wantGate = math.MaxUint64
			}
			if l.gate != wantGate {
				t.Fatalf("cov %v term %d: gate %#x, want %#x", cov, tt, l.gate, wantGate)
			}
			solo, us, bounds, npair, nblk := p.pairBlock(tt)
			at += nblk
			if !slices.Equal(solo, wantSolo) {
				t.Fatalf("cov %v term %d: solo %v, want %v", cov, tt, solo, wantSolo)
			}
			wantUs := slices.Sorted(func(yield func(uint32) bool) {
				for u := range wantPairs {
					if !yield(u) {
						return
					}
				}
			})
			if npair != len(wantUs)+len(wantUs)%2 {
				t.Fatalf("cov %v term %d: %d pairs, want %d and its padding", cov, tt, npair, len(wantUs))
			}
			if npair > 0 {
				if len(wantUs)%2 == 0 {
					even++
				} else {
					odd++
					// The padding pair: the last term again, no record.
					if pairTerm(us, npair-1) != pairTerm(us, npair-2) || bounds[npair-1] != bounds[npair] {
						t.Fatalf("cov %v term %d: padding pair term %d, records [%d, %d)", cov, tt, pairTerm(us, npair-1), bounds[npair-1], bounds[npair])
					}
				}
				if len(us) != (npair+1)/2 || len(bounds) != npair+1 {
					t.Fatalf("cov %v term %d: %d pair words, %d bounds for %d pairs", cov, tt, len(us), len(bounds), npair)
				}
			} else if len(us) != 0 {
				t.Fatalf("cov %v term %d: %d pair words, no pair", cov, tt, len(us))
			}
			for k, u := range wantUs {
				if got := pairTerm(us, k); got != u {
					t.Fatalf("cov %v term %d: pair %d term %d, want %d", cov, tt, k, got, u)
				}
				recs := p.pairPost[bounds[k]:bounds[k+1]]
				if len(recs) != len(wantPairs[u]) {
					t.Fatalf("cov %v term %d pair %d: %d records, want %d", cov, tt, u, len(recs), len(wantPairs[u]))
				}
				for i, e := range recs {
					o := wantPairs[u][i]
					if want := ix.pairFilter(o, js[[2]uint32{u, o}], loose, narrowTerms); e != want {
						t.Fatalf("cov %v term %d pair %d: record %+v, want %+v", cov, tt, u, e, want)
					}
				}
			}
		}
		if at != len(p.blk) {
			t.Fatalf("cov %v: blocks span %d of %d words", cov, at, len(p.blk))
		}
		if odd == 0 || even == 0 {
			t.Errorf("cov %v: %d terms with an odd number of pairs, %d even: the test cannot fail on both", cov, odd, even)
		}
	}
}
