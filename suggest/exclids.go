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
	num   map[string]int32               // distinct excluded prefix -> its number (from 0)
	codes fieldMemo[exclCode, exclField] // in the engine's codeRecords
}

// exclCode is one code's Excludes1 prefixes as numbers: the prefixes its
// notes (and its ancestors') exclude, in table order, then its own
// prefixes ("E11", "E11.4", ...) that some note excludes, shortest first.
// It is one 64-byte object, the lists in it when they fit (nine numbers:
// ~95% of the codes a note reads), so that the resolve loop's clash test
// reads one cache line where the code's struct and its two lists were
// three objects (TestExclCodePacked).
type exclCode struct {
	lists  []int32 // excludes, then own
	nExcl  int32
	inline [9]int32
}

// excludes are the prefixes ec's notes exclude.
func (ec *exclCode) excludes() []int32 { return ec.lists[:ec.nExcl:ec.nExcl] }

// own are ec's own prefixes some note excludes.
func (ec *exclCode) own() []int32 { return ec.lists[ec.nExcl:] }

// packExclCode returns the exclCode of the lists excludes and own.
func packExclCode(excludes, own []int32) *exclCode {
	c := &exclCode{nExcl: int32(len(excludes))}
	c.lists = c.inline[:0]
	if n := len(excludes) + len(own); n > len(c.inline) {
		c.lists = make([]int32, 0, n)
	}
	c.lists = append(append(c.lists, excludes...), own...)
	c.lists = c.lists[:len(c.lists):len(c.lists)]
	return c
}

// orNil is ec, or nil when it lists no prefix (so a code of another
// system): its clashes need no read of it (clashOf, addOf).
func (ec *exclCode) orNil() *exclCode {
	if len(ec.lists) == 0 {
		return nil
	}
	return ec
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
	excludes, own := e.exclLists(x, id)
	return x.codes.store(e.set, id, packExclCode(excludes, own))
}

// exclLists are code id's excluded prefixes and its own excluded
// prefixes, as numbers of x (none for a code not of ICD-10-CM).
func (e *Engine) exclLists(x *exclIndex, id corpus.ID) (excludes, own []int32) {
	b := e.set.Brief(id)
	if b.System != corpus.ICD10CM {
		return nil, nil
	}
	for _, sp := range e.excl.prefixes(id) {
		excludes = append(excludes, x.num[e.excl.str(sp)])
	}
	for n := 3; n <= len(b.Code); n++ {
		if !codePrefix(b.Code, n) {
			continue
		}
		if k, ok := x.num[b.Code[:n]]; ok {
			own = append(own, k)
		}
	}
	return excludes, own
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
// conflictNames hold: nil when it lists no prefix).
func (x *keptExclusions) clashOf(ec *exclCode) corpus.ID {
	if ec == nil {
		return 0
	}
	for _, p := range ec.excludes() {
		if x.inPrefixes[p/64]&(1<<(p%64)) != 0 {
			return x.prefixes[p]
		}
	}
	for _, p := range ec.own() {
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
	if ec == nil || c == 0 {
		return
	}
	// A prefix's bit is set exactly when its table's entry is (c is not
	// 0): the bits, 32 times denser, are tested rather than the tables,
	// which are only written.
	for _, p := range ec.own() {
		if x.inPrefixes[p/64]&(1<<(p%64)) == 0 {
			x.prefixes[p] = c
			x.inPrefixes[p/64] |= 1 << (p % 64)
			x.touched = append(x.touched, p)
		}
	}
	for _, p := range ec.excludes() {
		if x.inExcluded[p/64]&(1<<(p%64)) == 0 {
			x.excluded[p] = c
			x.inExcluded[p/64] |= 1 << (p % 64)
			x.touched = append(x.touched, p)
		}
	}
}
