package suggest

import (
	"slices"

	"medcode/corpus"
)

// The slot tables of an engine's ICD-10-CM releases (one per release
// engine, buildSlots) differ in the few codes a release adds, drops or
// retitles and in the slots those change; the rest, the title terms, slot
// records and value lists of tens of thousands of codes, is the same.
// shareSlots lays the tables over one set of arrays so that what they
// share is held once: each table keeps its own dense index,
// pointing at the shared entries where its entry equals the first
// table's and at entries of its own, appended, where not. A value list is
// compared as a set (buildSlots fills it in map order). The alt keys every
// table holds go into one map; each table keeps the keys only it holds.
// The tables answer every lookup as before; they are read-only after.

// shareSlots makes tables (the release engines', oldest first) share
// their arrays and alt keys.
func shareSlots(tables []*slotTable) {
	if len(tables) < 2 {
		return
	}
	base := tables[0]
	sh := slotArrays{terms: base.terms, at: base.at, slots: base.slots, rec: base.rec, altVals: base.altVals}
	for _, st := range tables[1:] {
		sh.rebase(base, st)
	}
	// The appends left the arrays up to a quarter unused: hold them at
	// their length.
	sh.terms, sh.at, sh.slots = slices.Clone(sh.terms), slices.Clone(sh.at), slices.Clone(sh.slots)
	sh.rec, sh.altVals = slices.Clone(sh.rec), slices.Clone(sh.altVals)
	for _, st := range tables {
		st.terms, st.at, st.slots, st.rec, st.altVals = sh.terms, sh.at, sh.slots, sh.rec, sh.altVals
	}
	shareAlt(tables)
}

// slotArrays are the arrays the tables share.
type slotArrays struct {
	terms, at []uint32
	slots     []uint16
	rec       []uint32
	altVals   []uint64
}

// rebase points st's dense index at base's entries where
// they are equal and appends st's own entries to sh where not. st's
// arrays are read as built (before shareSlots changes them).
func (sh *slotArrays) rebase(base, st *slotTable) {
	dense := make([]codeSpans, len(st.dense))
	for id := range st.dense {
		tsp, ssp, ok := st.spans(corpus.ID(id))
		if !ok {
			continue
		}
		btsp, bssp, bok := base.spans(corpus.ID(id))
		d := &dense[id]
		if bok && slices.Equal(st.terms[tsp[0]:tsp[0]+tsp[1]], base.terms[btsp[0]:btsp[0]+btsp[1]]) &&
			slices.Equal(st.at[tsp[0]:tsp[0]+tsp[1]], base.at[btsp[0]:btsp[0]+btsp[1]]) {
			d.terms = base.dense[id].terms
		} else {
			d.terms = [2]uint32{uint32(len(sh.terms)), tsp[1] + 1}
			sh.terms = append(sh.terms, st.terms[tsp[0]:tsp[0]+tsp[1]]...)
			sh.at = append(sh.at, st.at[tsp[0]:tsp[0]+tsp[1]]...)
		}
		switch {
		case ssp[1] == 0:
		case bok && slices.Equal(st.slots[ssp[0]:ssp[0]+ssp[1]], base.slots[bssp[0]:bssp[0]+bssp[1]]):
			d.slots = base.dense[id].slots
		default:
			d.slots = [2]uint32{uint32(len(sh.slots)), ssp[1] + 1}
			sh.slots = append(sh.slots, st.slots[ssp[0]:ssp[0]+ssp[1]]...)
		}
		if r := st.dense[id].rec; r > 0 {
			if bok && base.dense[id].rec > 0 && sameRecord(st, r-1, base, base.dense[id].rec-1) {
				d.rec = base.dense[id].rec
			} else {
				d.rec = sh.appendRecord(st, r-1)
			}
		}
	}
	st.dense = dense
}

// record returns the record at r of st: its terms and its slots (position,
// value-list offset, length).
func record(st *slotTable, r uint32) (terms, slots []uint32) {
	return recordParts(st.rec[r:])
}

// recordParts returns the terms and slots of the record r starts with.
func recordParts(r []uint32) (terms, slots []uint32) {
	nt, ns := r[0], r[1]
	return r[recHead : recHead+nt], r[recHead+nt : recHead+nt+3*ns]
}

// sameRecord reports whether the records at ra of a and rb of b hold the
// same terms and slots with the same value sets.
func sameRecord(a *slotTable, ra uint32, b *slotTable, rb uint32) bool {
	ta, sa := record(a, ra)
	tb, sb := record(b, rb)
	if !slices.Equal(ta, tb) || len(sa) != len(sb) {
		return false
	}
	for i := 0; i < len(sa); i += 3 {
		if sa[i] != sb[i] || sa[i+2] != sb[i+2] {
			return false
		}
		va := slices.Clone(a.altVals[sa[i+1] : sa[i+1]+sa[i+2]])
		vb := slices.Clone(b.altVals[sb[i+1] : sb[i+1]+sb[i+2]])
		slices.Sort(va)
		slices.Sort(vb)
		if !slices.Equal(va, vb) {
			return false
		}
	}
	return true
}

// appendRecord copies the record at r of st, with its value lists, to sh
// and returns its offset plus one.
func (sh *slotArrays) appendRecord(st *slotTable, r uint32) uint32 {
	terms, slots := record(st, r)
	at := uint32(len(sh.rec)) + 1
	sh.rec = append(sh.rec, st.rec[r:r+recHead]...) // n, m and the contextMask
	sh.rec = append(sh.rec, terms...)
	for i := 0; i < len(slots); i += 3 {
		off := uint32(len(sh.altVals))
		sh.altVals = append(sh.altVals, st.altVals[slots[i+1]:slots[i+1]+slots[i+2]]...)
		sh.rec = append(sh.rec, slots[i], off, slots[i+2])
	}
	return at
}

// shareAlt puts the alt keys every table holds in one map and leaves
// each table its own others (altOwn).
func shareAlt(tables []*slotTable) {
	common := make(map[uint64]struct{}, len(tables[0].alt))
	for k := range tables[0].alt {
		all := true
		for _, st := range tables[1:] {
			if _, ok := st.alt[k]; !ok {
				all = false
				break
			}
		}
		if all {
			common[k] = struct{}{}
		}
	}
	for _, st := range tables {
		var own map[uint64]struct{}
		for k := range st.alt {
			if _, ok := common[k]; !ok {
				if own == nil {
					own = map[uint64]struct{}{}
				}
				own[k] = struct{}{}
			}
		}
		st.alt, st.altOwn = common, own
	}
}
