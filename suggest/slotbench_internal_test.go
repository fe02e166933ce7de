package suggest

import (
	"slices"
	"testing"
)

// BenchmarkBuildSlots times buildSlots over the release's titles: the
// slot mining every engine's Open pays (under -race, seconds of the first
// test to open the shared engine).
func BenchmarkBuildSlots(b *testing.B) {
	e := SharedEngine(b)
	for b.Loop() {
		buildSlots(e.set, e.ix)
	}
}

// BenchmarkSlotAlternatives times the grouping of the titles' holes alone
// (buildSlots' largest part).
func BenchmarkSlotAlternatives(b *testing.B) {
	e := SharedEngine(b)
	terms, spans := slotTitleSpans(e.set, e.ix)
	for b.Loop() {
		slotAlternatives(terms, spans)
	}
}

// BenchmarkSortSlotEntries sorts the release's title holes by
// sortSlotEntries and by the comparison sort it replaced (and the copy
// of the unsorted entries each starts from, alone).
func BenchmarkSortSlotEntries(b *testing.B) {
	e := SharedEngine(b)
	terms, spans := slotTitleSpans(e.set, e.ix)
	var es []slotEntry
	for _, span := range spans {
		es = appendSlotEntries(es, terms[span[0]:span[0]+span[1]])
	}
	work := make([]slotEntry, len(es))
	for _, c := range []struct {
		name string
		sort func([]slotEntry)
	}{
		{"buckets", sortSlotEntries},
		{"SortFunc", func(es []slotEntry) { slices.SortFunc(es, compareSlotEntries) }},
		{"copy", func([]slotEntry) {}}, // the copy each sort starts from, alone
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				copy(work, es)
				c.sort(work)
			}
		})
	}
}
