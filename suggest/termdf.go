package suggest

import "slices"

// dfTable is the model's TermDF (the share of training notes holding each
// stem) laid out for the features' per-position look-up (f[22]): an
// open-addressed table of 32-byte slots, each holding its stem's bytes
// and value, two to a cache line. A look-up reads one slot's line, where
// the map's read its group's control word, its slot, its key's bytes and
// hashed the key with aeshash first: the map, some 2,500 stems each in
// three places, mostly missed the cache for each of a note's ~45 looks
// (TestDFTableAgrees holds the table to the map). A stem the table lacks
// has the map's answer for a missing key, 0.
type dfTable struct {
	slots []dfSlot // len a power of two, at least twice the stems; n == 0: empty
}

// dfSlot is one stem of a dfTable: its bytes word[:n] and its value.
type dfSlot struct {
	value float64
	n     uint8
	word  [dfWordMax]byte
}

// dfWordMax is the longest stem a dfTable holds (a slot is 32 bytes).
const dfWordMax = 23

// newDFTable lays df out as a dfTable, nil when it cannot (no stems, or a
// stem empty or longer than dfWordMax): features then reads the map.
func newDFTable(df map[string]float64) *dfTable {
	if len(df) == 0 {
		return nil
	}
	stems := make([]string, 0, len(df))
	for s := range df {
		if len(s) == 0 || len(s) > dfWordMax {
			return nil
		}
		stems = append(stems, s)
	}
	slices.Sort(stems) // a deterministic layout
	size := 1
	for size < 2*len(stems) {
		size *= 2
	}
	t := &dfTable{slots: make([]dfSlot, size)}
	mask := uint32(size - 1)
	for _, s := range stems {
		i := fnv1a(s) & mask
		for t.slots[i].n != 0 {
			i = (i + 1) & mask
		}
		sl := &t.slots[i]
		sl.value, sl.n = df[s], uint8(len(s))
		copy(sl.word[:], s)
	}
	return t
}

// fnv1a is FNV-1a of s: cheap over a stem's few bytes (a dfTable's slot,
// a stem's bit in a conflictNames mask).
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// get returns the share of training notes holding stem, 0 when the
// model lists it not (TermDF[stem]).
func (t *dfTable) get(stem string) float64 {
	if len(stem) == 0 || len(stem) > dfWordMax {
		return 0 // no stem of the table
	}
	mask := uint32(len(t.slots) - 1)
	for i := fnv1a(stem) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.n == 0 {
			return 0
		}
		if int(sl.n) == len(stem) && string(sl.word[:len(stem)]) == stem {
			return sl.value
		}
	}
}
