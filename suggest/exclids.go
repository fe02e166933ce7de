package suggest

import (
	"sync"

	"medcode/corpus"
)

// Excludes1 bookkeeping by small integers: resolveConflicts checks every
// ranked code against the codes kept before it. Only a code prefix an
// Excludes1 note names (the exclTable's distinct prefixes) can make two
// codes clash, so each gets a number once per engine, and each code's
// excluded prefixes and its own prefixes among them are listed as numbers
// once per code; a note's bookkeeping is then two slices indexed by
// prefix number.

// exclIndex numbers the exclTable's prefixes and lists each code's.
type exclIndex struct {
	once  sync.Once
	num   map[string]int32 // distinct excluded prefix -> its number (from 0)
	codes idMemo[exclCode]
}

// exclCode is one code's Excludes1 prefixes as numbers.
type exclCode struct {
	icd      bool
	excludes []int32 // the prefixes its notes (and its ancestors') exclude, in table order
	own      []int32 // its own prefixes ("E11", "E11.4", ...) that some note excludes, shortest first
}

// exclNumbers returns the engine's exclIndex, its prefixes numbered.
func (e *Engine) exclNumbers() *exclIndex {
	x := &e.rank.excl
	x.once.Do(func() {
		x.num = map[string]int32{}
		for _, sp := range e.excl.pref {
			p := e.excl.str(sp)
			if _, ok := x.num[p]; !ok {
				x.num[p] = int32(len(x.num))
			}
		}
	})
	return x
}

// exclCodeOf returns code id's exclCode.
func (e *Engine) exclCodeOf(id corpus.ID) *exclCode {
	x := e.exclNumbers()
	if c, ok := x.codes.load(e.set, id); ok {
		return c
	}
	c := &exclCode{}
	if b := e.set.Brief(id); b.System == corpus.ICD10CM {
		c.icd = true
		for _, sp := range e.excl.prefixes(id) {
			c.excludes = append(c.excludes, x.num[e.excl.str(sp)])
		}
		for n := 3; n <= len(b.Code); n++ {
			if !codePrefix(b.Code, n) {
				continue
			}
			if k, ok := x.num[b.Code[:n]]; ok {
				c.own = append(c.own, k)
			}
		}
	}
	return x.codes.store(e.set, id, c)
}

// keptExclusions tracks the ICD-10-CM codes kept so far: per prefix
// number, the first kept code holding the prefix (prefixes) and the first
// kept code whose notes exclude it (excluded); 0 when none.
type keptExclusions struct {
	e        *Engine
	prefixes []corpus.ID
	excluded []corpus.ID
	touched  []int32 // prefix numbers set since the last reset
	// inPrefixes and inExcluded have bit p set when prefixes[p] and
	// excluded[p] are: a few cache lines to test instead of the tables'
	// many.
	inPrefixes, inExcluded []uint64
}

// keptExclusions returns w's Excludes1 bookkeeping, empty.
func (e *Engine) keptExclusions(w *work) *keptExclusions {
	x := &w.rk.excl
	x.e = e
	if n := len(e.exclNumbers().num); len(x.prefixes) < n {
		x.prefixes, x.excluded, x.touched = make([]corpus.ID, n), make([]corpus.ID, n), x.touched[:0]
		x.inPrefixes, x.inExcluded = make([]uint64, (n+63)/64), make([]uint64, (n+63)/64)
	}
	x.reset()
	return x
}

// reset forgets every kept code.
func (x *keptExclusions) reset() {
	for _, p := range x.touched {
		x.prefixes[p], x.excluded[p] = 0, 0
		x.inPrefixes[p/64], x.inExcluded[p/64] = 0, 0
	}
	x.touched = x.touched[:0]
}

// clash returns a kept code that c and it exclude each other, else 0:
// first a kept code holding a prefix c's notes exclude, then one whose
// notes exclude a prefix of c.
func (x *keptExclusions) clash(c corpus.ID) corpus.ID {
	return x.clashOf(x.e.exclCodeOf(c))
}

// clashOf is clash for a code of exclCode ec (exclCodeOf, or the one its
// conflictNames hold).
func (x *keptExclusions) clashOf(ec *exclCode) corpus.ID {
	if !ec.icd {
		return 0
	}
	for _, p := range ec.excludes {
		if x.inPrefixes[p/64]&(1<<(p%64)) != 0 {
			return x.prefixes[p]
		}
	}
	for _, p := range ec.own {
		if x.inExcluded[p/64]&(1<<(p%64)) != 0 {
			return x.excluded[p]
		}
	}
	return 0
}

// add records a kept code.
func (x *keptExclusions) add(c corpus.ID) {
	x.addOf(c, x.e.exclCodeOf(c))
}

// addOf is add for code c of exclCode ec.
func (x *keptExclusions) addOf(c corpus.ID, ec *exclCode) {
	if !ec.icd || c == 0 {
		return
	}
	for _, p := range ec.own {
		if x.prefixes[p] == 0 {
			x.prefixes[p] = c
			x.inPrefixes[p/64] |= 1 << (p % 64)
			x.touched = append(x.touched, p)
		}
	}
	for _, p := range ec.excludes {
		if x.excluded[p] == 0 {
			x.excluded[p] = c
			x.inExcluded[p/64] |= 1 << (p % 64)
			x.touched = append(x.touched, p)
		}
	}
}
