package suggest

import (
	"math/rand/v2"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestSeventhMasked: for every stem of the code set with seventh-character
// rows, each row's last row of its character is the last of the walk, and
// for those rows and rows whose float sums round apart on a tie in tenths, the
// scores in tenths from bit sets choose the row, and whether it is
// documented, as the walk over every word does, for random words said and
// every encounter.
func TestSeventhMasked(t *testing.T) {
	testenv.SkipUnderRace(t)
	set := testCodeSet(t)
	rng := rand.New(rand.NewPCG(26, 7))
	wants := []encounterBit{0, startsInitial, startsSubsequent, startsSequela}
	check := func(name string, sr *seventhRows, saidV []bool) {
		var said uint64
		for k, s := range saidV {
			if s {
				said |= 1 << k
			}
		}
		for _, want := range wants {
			gb, gd := sr.bestMasked(saidV, said, want)
			wb, wd := sr.bestPlain(saidV, want)
			if gb != wb || gd != wd {
				t.Fatalf("%s said %v want %d: masked row %d documented %v, plain row %d documented %v", name, saidV, want, gb, gd, wb, wd)
			}
		}
	}
	var r sentenceRanges
	stems, masked := 0, 0
	for _, id := range set.IDs(corpus.ICD10CM) {
		if len(set.SevenChr(id)) == 0 {
			continue
		}
		stems++
		sr := r.readSeventhRows(set, id)
		for i, x := range sr.ext {
			last := -1
			for j, y := range sr.ext {
				if y.Char == x.Char {
					last = j
				}
			}
			if sr.last[i] != last {
				t.Fatalf("%s row %d: last %d, the last of its character is %d", set.CodeString(id), i, sr.last[i], last)
			}
		}
		if !sr.masked {
			continue
		}
		masked++
		saidV := make([]bool, len(sr.vocab))
		check(set.CodeString(id), sr, saidV) // nothing said
		for range 20 {
			p := rng.Float64()
			for k := range saidV {
				saidV[k] = rng.Float64() < p
			}
			check(set.CodeString(id), sr, saidV)
		}
	}
	if stems == 0 || masked < stems*9/10 {
		t.Fatalf("%d of %d stems masked", masked, stems)
	}
	// Rows tied at 0.4 in tenths whose float sums differ: 1-0.3-0.3 and
	// -0.3-0.3+1 round apart, so word order decides, as it does for the walk.
	sr := &seventhRows{
		ext:      []corpus.Extension{{Char: "A"}, {Char: "D"}, {Char: "S"}},
		words:    [][]string{{"a", "b", "c"}, {"b", "c", "a"}, {"c", "a", "b"}},
		wid:      [][]uint16{{0, 1, 2}, {1, 2, 0}, {2, 0, 1}},
		vocab:    []string{"a", "b", "c"},
		distinct: [][]bool{{true, false, false}, {false, false, true}, {false, true, false}},
		side:     make([][]bool, 3),
		low:      make([]bool, 3),
		starts:   make([]encounterBit, 3),
	}
	for i := range sr.side {
		sr.side[i] = make([]bool, 3)
	}
	sr.setMasks()
	if !sr.masked {
		t.Fatal("synthetic rows not masked")
	}
	for said := range 8 {
		check("synthetic", sr, []bool{said&1 != 0, said&2 != 0, said&4 != 0})
	}
}
