package suggest

import (
	"cmp"
	"slices"
)

// sortSlotEntries sorts es by (h, v), as slices.SortFunc with that
// comparison does (entries equal in both may land in another order: the
// grouping reads only h and v, and lr, which h decides). Two passes of a
// byte each (least significant first, each stable, through a scratch
// copy) put the entries in order of h's top 16 bits; then each run of
// equal top bits, a few entries, is sorted by insertion. A comparison
// sort of the release's ~500,000 holes through a closure was most of
// buildSlots (and most of the first engine's Open under -race). A run of
// many entries (holes that hash alike: every two-term title's hole of
// both terms) is left to slices.SortFunc.
func sortSlotEntries(es []slotEntry) {
	if len(es) < 256 {
		sortSlotRun(es)
		return
	}
	var lowAt, highAt [256]int // bits 48-55, then 56-63: counts, then places
	for _, e := range es {
		lowAt[byte(e.h>>48)]++
		highAt[byte(e.h>>56)]++
	}
	sumLow, sumHigh := 0, 0
	for b := range 256 {
		lowAt[b], sumLow = sumLow, sumLow+lowAt[b]
		highAt[b], sumHigh = sumHigh, sumHigh+highAt[b]
	}
	tmp := make([]slotEntry, len(es))
	for _, e := range es {
		d := byte(e.h >> 48)
		tmp[lowAt[d]] = e
		lowAt[d]++
	}
	for _, e := range tmp {
		d := byte(e.h >> 56)
		es[highAt[d]] = e
		highAt[d]++
	}
	for lo := 0; lo < len(es); {
		top := es[lo].h >> 48
		hi := lo + 1
		for hi < len(es) && es[hi].h>>48 == top {
			hi++
		}
		sortSlotRun(es[lo:hi])
		lo = hi
	}
}

// sortSlotRun sorts a bucket of entries by (h, v): by insertion when it
// is short, else by slices.SortFunc.
func sortSlotRun(es []slotEntry) {
	if len(es) > 24 {
		slices.SortFunc(es, compareSlotEntries)
		return
	}
	for i := 1; i < len(es); i++ {
		e := es[i]
		j := i
		for ; j > 0 && (es[j-1].h > e.h || es[j-1].h == e.h && es[j-1].v > e.v); j-- {
			es[j] = es[j-1]
		}
		es[j] = e
	}
}

// compareSlotEntries orders slot entries by (h, v).
func compareSlotEntries(a, b slotEntry) int {
	if c := cmp.Compare(a.h, b.h); c != 0 {
		return c
	}
	return cmp.Compare(a.v, b.v)
}
