package suggest

import (
	"math/bits"

	"medcode/corpus"
)

// headOpen is a "with" head a code's Index names open, with its rules and
// whether the code is the head's plain code (withHeads' own).
type headOpen struct {
	head  string
	rules []withRule
	keys  []withKey // per rule, what combinations tests first (withkeys.go)
	own   bool
}

// headOpens returns the heads the Index names of code id open, in name
// order, each (head, own) once: withHeads over every Index name of id.
func (e *Engine) headOpens(id corpus.ID) []headOpen {
	rec := e.coder.records.of(e.set, id)
	if got := rec.opens.Load(); got != nil {
		return *got
	}
	var out []headOpen
	for _, n := range e.set.Code(id).Names {
		if n.Kind != corpus.NameIndex {
			continue
		}
		heads, own := e.withHeads(id, n.Text)
		for _, h := range heads {
			dup := false
			for _, o := range out {
				if o.head == h && o.own == own {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, headOpen{head: h, rules: e.with[h], keys: e.withKeysOf(h), own: own})
			}
		}
	}
	return *keep(&rec.opens, &out)
}

// supportRow remembers, for one part of one combinations call and per
// "with" stem id, whether the part's evidence stems support the stem
// (supports with one stem): 0 not asked yet, 1 yes, 2 no.
type supportRow []int8

// supports reports supports(ev, r.sub) for the part whose evidence stems
// are ev, remembering each stem's answer; stems is how many "with" stems
// there are.
func (row *supportRow) supports(stems int, ev []string, r *withRule) bool {
	if *row == nil {
		*row = make(supportRow, stems)
	}
	m := *row
	for k, id := range r.subID {
		switch m[id] {
		case 1:
			return true
		case 2:
			continue
		}
		if supports(ev, r.sub[k:k+1]) {
			m[id] = 1
			return true
		}
		m[id] = 2
	}
	return false
}

// stemBits is a set of "with" stem ids (coderTables.stems), a bit each.
type stemBits []uint64

// hasAll reports whether every id is in the set.
func (b stemBits) hasAll(ids []int32) bool {
	for _, id := range ids {
		if b[id>>6]&(1<<(id&63)) == 0 {
			return false
		}
	}
	return true
}

// partMasks holds, per "with" stem id below 64, the parts of one
// combinations call (a bit each, by index, at most 64) whose code's
// names hold the stem.
type partMasks [64]uint64

// add records the stems part bi's code's names hold (named).
func (pm *partMasks) add(bi int, named stemBits) {
	for w, word := range named {
		for ; word != 0; word &= word - 1 {
			if k := w*64 + bits.TrailingZeros64(word); k < len(pm) {
				pm[k] |= 1 << bi
			}
		}
	}
}

// withKeysOf returns the withKeys of head's rules, made once per head
// and shared by the codes opening it.
func (e *Engine) withKeysOf(head string) []withKey {
	if got, ok := e.coder.withKeys.Load(head); ok {
		return got.([]withKey)
	}
	got, _ := e.coder.withKeys.LoadOrStore(head, newWithKeys(e.with[head]))
	return got.([]withKey)
}

// namedStems returns which "with" stems the names of code id (partNames'
// all: its names and its category's title) hold, once per code.
func (e *Engine) namedStems(id corpus.ID, code string) stemBits {
	rec := e.coder.records.of(e.set, id)
	if got := rec.named.Load(); got != nil {
		return *got
	}
	all := e.partNamesOf(id, code).all
	b := make(stemBits, (len(e.coder.stems)+63)/64+1)
	for k, t := range e.coder.stems {
		if all[t] {
			b[k>>6] |= 1 << (k & 63)
		}
	}
	return *keep(&rec.named, &b)
}
