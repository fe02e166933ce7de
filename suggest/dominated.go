package suggest

import (
	"math"
	"slices"
)

// yieldDominated keeps a code whose every mention lies inside a longer
// name the note states in full below the code of that longer name: the
// bare main term "Infection" (B99.9, unspecified infectious disease) in
// "COVID-19 infection" yields to U07.1, "pain" to "chest pain", whatever
// the training notes' priors say. A prior breaks ties; it never ranks a
// catch-all above the specific name the note documents. The longer name's
// code must itself be suggested (in ks): a rejected one gives nothing to
// yield to.
func (e *Engine) yieldDominated(w *work, ks []scored) {
	cov := &w.rk.cover
	cov.ready = false // the index of fully matched names, lazily
	// Only a candidate whose mentions are all dominated may yield: they
	// are listed once for both passes.
	dom := w.rk.dom[:0]
	for i := range ks {
		if allDominated(ks[i].c) {
			dom = append(dom, int32(i))
		}
	}
	w.rk.dom = dom
	// Two passes: a code that yields to a name which itself yields to a
	// longer one ("infection" in "TB infection" in "Latent TB
	// infection") yields to the longest in the second. A first pass that
	// lowers nothing leaves the second nothing new to read.
	for pass := 0; pass < 2; pass++ {
		if !e.yieldPass(ks, dom, cov) {
			break
		}
	}
}

// yieldPass is one pass of yieldDominated over the candidates dom (the
// indices in ks of those allDominated); it reports whether it lowered
// one.
func (e *Engine) yieldPass(ks []scored, dom []int32, cov *coverIndex) bool {
	lowered := false
	for _, i32 := range dom {
		i := int(i32)
		k := &ks[i]
		if !cov.ready {
			cov.build(ks, dom)
		}
		best := -1
		for _, j32 := range cov.around(ks, k.c) {
			j := int(j32)
			if j == i || ks[j].code == k.code || !statesAround(ks[j].c, k.c) {
				continue
			}
			if best < 0 || ks[j].conf > ks[best].conf || ks[j].conf == ks[best].conf && ks[j].z > ks[best].z {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		if d := ks[best]; k.conf > d.conf || k.conf == d.conf && k.z >= d.z {
			k.conf = round(math.Max(0, d.conf-0.0001), 4)
			k.z = round(d.z-1e-6, 6)
			lowered = true
		}
	}
	return lowered
}

// fullName reports whether mention o is one statesAround can take: a
// fully matched, not learned, not partly negated name.
func fullName(o *mention) bool {
	return !o.learned && o.hit.Coverage >= 0.99 && o.partNeg == 0
}

// coverIndex lists, per token position asked, the candidates (indices
// into the scored candidates, ascending) with a fullName mention holding
// that position: statesAround(d, c) needs d among those of the first
// position of c's first mention, so yieldPass asks only them. Only the
// positions of the candidates that may yield (dom) are listed.
type coverIndex struct {
	ready bool
	all   []int32    // every candidate with a fullName mention
	pairs [][2]int32 // position, candidate: each pair once
	seen  []int32    // per position, the last candidate paired with it, plus one
	start []int32    // per position p, at[start[p]:start[p+1]]
	at    []int32
	asked []uint64 // bit p: around may ask of position p
}

// askedAt returns the position around reads for candidate c: the first
// of c's first mention, -1 when there is none (around returns all).
func askedAt(c *candidate) int32 {
	if len(c.mentions) == 0 || len(c.mentions[0].hit.Positions) == 0 {
		return -1
	}
	return c.mentions[0].hit.Positions[0]
}

// build indexes the fullName mentions of ks at the positions around asks
// for the candidates dom (indices into ks).
func (x *coverIndex) build(ks []scored, dom []int32) {
	x.ready = true
	x.all, x.pairs = x.all[:0], x.pairs[:0]
	clear(x.asked)
	for _, i := range dom {
		if p := askedAt(ks[i].c); p >= 0 {
			if w := int(p / 64); w >= len(x.asked) {
				x.asked = append(x.asked, make([]uint64, w+1-len(x.asked))...)
			}
			x.asked[p/64] |= 1 << (p % 64)
		}
	}
	asked := x.asked
	top := int32(-1)
	// One pass over each candidate's mentions: seen grows as a position
	// past it comes.
	for j := range ks {
		ms := ks[j].c.mentions
		has := false
		for m := range ms {
			o := &ms[m]
			if !fullName(o) {
				continue
			}
			if !has {
				has = true
				x.all = append(x.all, int32(j))
			}
			for _, p := range o.hit.Positions {
				if p < 0 || int(p/64) >= len(asked) || asked[p/64]&(1<<(p%64)) == 0 {
					continue
				}
				top = max(top, p)
				if int(p) >= len(x.seen) {
					x.seen = append(x.seen, make([]int32, int(p)+1-len(x.seen))...)
				}
				if x.seen[p] != int32(j)+1 {
					x.seen[p] = int32(j) + 1
					x.pairs = append(x.pairs, [2]int32{p, int32(j)})
				}
			}
		}
	}
	clear(x.seen)
	// Counting sort by position; candidates stay ascending.
	x.start = slices.Grow(x.start[:0], int(top)+2)[:top+2]
	clear(x.start)
	for _, pj := range x.pairs {
		x.start[pj[0]+1]++
	}
	for p := 1; p < len(x.start); p++ {
		x.start[p] += x.start[p-1]
	}
	x.at = slices.Grow(x.at[:0], len(x.pairs))[:len(x.pairs)]
	for _, pj := range x.pairs {
		x.at[x.start[pj[0]]] = pj[1]
		x.start[pj[0]]++
	}
	// start[p] now ends position p: shift back.
	copy(x.start[1:], x.start[:len(x.start)-1])
	x.start[0] = 0
}

// around returns the candidates that may state c in full around it
// (ascending): those with a fullName mention holding the first position
// of c's first mention, or all with a fullName mention when it has none.
// c is one of the candidates build was given (dom).
func (x *coverIndex) around(ks []scored, c *candidate) []int32 {
	p := askedAt(c)
	if p < 0 {
		return x.all
	}
	if int(p)+1 >= len(x.start) {
		return nil
	}
	return x.at[x.start[p]:x.start[p+1]]
}

// allDominated reports whether every mention of c that matched a name of
// the code set is dominated, and one did. A learned phrase's span is not
// compared with code-set names when it is found ("TB" for A15.9 inside
// "Latent TB infection"): statesAround checks it by its words.
func allDominated(c *candidate) bool {
	named := false
	for i := range c.mentions { // by index: a mention is too large to copy
		m := &c.mentions[i]
		if m.learned {
			continue
		}
		if !m.dominated {
			return false
		}
		named = true
	}
	return named
}

// statesAround reports whether every mention of c lies inside a fully
// matched, longer name of d that the note does not partly negate.
func statesAround(d, c *candidate) bool {
	if len(c.mentions)*len(d.mentions) > statesScanMax {
		return statesAroundByPosition(d, c)
	}
	return statesAroundScan(d, c)
}

// statesAroundScan is statesAround by comparing every pair of mentions.
func statesAroundScan(d, c *candidate) bool {
	// By index: a mention is too large to copy per pair.
	for i := range c.mentions {
		m := &c.mentions[i]
		found := false
		for k := range d.mentions {
			o := &d.mentions[k]
			if o.learned || o.hit.Coverage < 0.99 || o.partNeg != 0 || len(o.hit.Positions) <= len(m.hit.Positions) {
				continue
			}
			if holdsPositions(o.hit.Positions, m.hit.Positions) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
