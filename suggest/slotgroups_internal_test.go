package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
)

// slotAlternativesByMap is slotAlternatives the plain way: a map of
// groups keyed by the hash of the title around the hole (the entries of
// appendSlotEntries, which both read: this holds the grouping), each group's
// values in the order they came.
func slotAlternativesByMap(terms []uint32, spans map[corpus.ID][2]uint32) map[uint64][]uint64 {
	type group struct {
		left, right uint32
		vals        []uint64
	}
	groups := map[uint64]*group{}
	var es []slotEntry
	for _, span := range spans {
		es = appendSlotEntries(es[:0], terms[span[0]:span[0]+span[1]])
		for _, e := range es {
			g := groups[e.h]
			if g == nil {
				g = &group{left: uint32(e.lr >> 32), right: uint32(e.lr)}
				groups[e.h] = g
			}
			if !slices.Contains(g.vals, e.v) && len(g.vals) <= maxSlotValues {
				g.vals = append(g.vals, e.v)
			}
		}
	}
	altOf := map[uint64][]uint64{}
	for _, g := range groups {
		if len(g.vals) < 2 || len(g.vals) > maxSlotValues {
			continue
		}
		for _, x := range g.vals {
			k := slotKey(g.left, g.right, x)
			l := altOf[k]
			for _, y := range g.vals {
				if x != y && !slices.Contains(l, y) {
					l = append(l, y)
				}
			}
			altOf[k] = l
		}
	}
	return altOf
}

// slotTitleSpans analyses set's ICD-10-CM titles as buildSlots does.
func slotTitleSpans(set *corpus.Set, ix *index.Index) ([]uint32, map[corpus.ID][2]uint32) {
	pipe := ix.Analyzer()
	var terms []uint32
	spans := map[corpus.ID][2]uint32{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if index.SeventhCharacter(b, set.SevenChr(id)) || len(b.Display) >= 1<<16 {
			continue
		}
		off := len(terms)
		terms = titleTerms(ix, pipe, b.Display, terms)
		spans[id] = [2]uint32{uint32(off), uint32(len(terms) - off)}
	}
	return terms, spans
}

// TestSlotAlternatives holds slotAlternatives to the map of groups it
// stands for, over the test titles and the real code set's: the same
// keys, each with the same values (in any order).
func TestSlotAlternatives(t *testing.T) {
	testenv.SkipUnderRace(t)
	fset, fix := slotFixture(t)
	e := SharedEngine(t)
	for _, c := range []struct {
		name string
		set  *corpus.Set
		ix   *index.Index
	}{{"fixture", fset, fix}, {"real", e.set, e.ix}} {
		terms, spans := slotTitleSpans(c.set, c.ix)
		got, want := slotAlternatives(terms, spans), slotAlternativesByMap(terms, spans)
		if len(want) == 0 {
			t.Fatalf("%s: no alternatives", c.name)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d keys, want %d", c.name, len(got), len(want))
		}
		for k, w := range want {
			g, ok := got[k]
			if !ok {
				t.Errorf("%s: key %x missing", c.name, k)
				continue
			}
			g, w = slices.Clone(g), slices.Clone(w)
			slices.Sort(g)
			slices.Sort(w)
			if !slices.Equal(g, w) {
				t.Errorf("%s: key %x: values %v, want %v", c.name, k, g, w)
			}
		}
	}
}
