package suggest

import (
	"slices"

	"medcode/corpus"
)

// slotEntry is one title with a hole: h hashes the title's terms around
// the hole (its prefix and suffix, and where the hole is), v is the
// value in the hole (one term or two) and lr the terms beside it
// (left<<32 | right, unknownTerm: none).
type slotEntry struct {
	h, v, lr uint64
}

// appendSlotEntries appends to es an entry for every hole of the title
// t (its terms; a title of 2 to 24 terms): each run of one or two terms
// holding no unknown term, hashed with the terms around it and where it
// is, in the order of its position and length.
func appendSlotEntries(es []slotEntry, t []uint32) []slotEntry {
	if len(t) < 2 || len(t) > 24 {
		return es
	}
	const prime = 1099511628211
	for i := range t {
		for n := 1; n <= 2 && i+n <= len(t); n++ {
			if t[i] == unknownTerm || n == 2 && t[i+1] == unknownTerm {
				continue
			}
			v := pair(t[i], noTerm)
			if n == 2 {
				v = pair(t[i], t[i+1])
			}
			h := uint64(14695981039346656037) ^ uint64(i)<<8 ^ uint64(len(t)-i-n)<<20
			for j, x := range t {
				if j < i || j >= i+n {
					h = (h ^ uint64(x)) * prime
				}
			}
			left, right := uint32(unknownTerm), uint32(unknownTerm)
			if i > 0 {
				left = t[i-1]
			}
			if i+n < len(t) {
				right = t[i+n]
			}
			es = append(es, slotEntry{h: h, v: v, lr: uint64(left)<<32 | uint64(right)})
		}
	}
	return es
}

// slotAlternatives groups the titles (spans of terms, per code) equal
// but for one or two terms at one position, and returns, for each value
// of a group of 2 to maxSlotValues values, keyed slotKey(left, right,
// value), the other values of every such group (each once): the values
// that replace it between its neighbours. A group of more values names
// different things (drugs, sites), not one detail's alternatives.
//
// The titles with a hole are sorted by (hash, value) rather than
// gathered in a map of groups: one array, and each group's distinct
// values side by side.
func slotAlternatives(terms []uint32, spans map[corpus.ID][2]uint32) map[uint64][]uint64 {
	size := 0 // at most the titles' holes
	for _, span := range spans {
		if k := int(span[1]); k >= 2 && k <= 24 {
			size += 2*k - 1
		}
	}
	es := make([]slotEntry, 0, size)
	for _, span := range spans {
		es = appendSlotEntries(es, terms[span[0]:span[0]+span[1]])
	}
	sortSlotEntries(es) // slotsort.go
	altOf := map[uint64][]uint64{}
	var vals []uint64
	for lo := 0; lo < len(es); {
		hi := lo + 1
		for hi < len(es) && es[hi].h == es[lo].h {
			hi++
		}
		vals = vals[:0]
		for _, e := range es[lo:hi] {
			if len(vals) == 0 || vals[len(vals)-1] != e.v { // sorted: a repeat follows its first
				vals = append(vals, e.v)
			}
		}
		left, right := uint32(es[lo].lr>>32), uint32(es[lo].lr)
		lo = hi
		if len(vals) < 2 || len(vals) > maxSlotValues {
			continue
		}
		for _, x := range vals {
			k := slotKey(left, right, x)
			l := altOf[k]
			for _, y := range vals {
				if x != y && !slices.Contains(l, y) {
					l = append(l, y)
				}
			}
			altOf[k] = l
		}
	}
	return altOf
}
