package index

import (
	"testing"

	"medcode/internal/testenv"
)

// TestAppendTermIDsIsTermID looks the stems and words of CodiEsp dev, and
// each with a letter added, up at once and one by one: the ids agree,
// with the table and with the map it stands in for.
func TestAppendTermIDsIsTermID(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, _ := sentenceQueries(t)
	stems := devStems(t, ix, 50)
	for i := range ix.Terms() {
		s := ix.Term(uint32(i))
		stems = append(stems, s, s+"s")
	}
	for _, table := range []bool{true, false} {
		if !table {
			ix.termID = make(map[string]uint32, ix.Terms())
			for i := range ix.Terms() {
				ix.termID[ix.Term(uint32(i))] = uint32(i)
			}
			ix.termsOK = false
		}
		got := ix.AppendTermIDs([]int32{7}, stems)
		if len(got) != len(stems)+1 || got[0] != 7 {
			t.Fatalf("table %v: %d ids for %d stems after one", table, len(got), len(stems))
		}
		found := 0
		for i, s := range stems {
			if want := idOr(ix.TermID(s)); got[i+1] != want {
				t.Fatalf("table %v: %q: %d, TermID %d", table, s, got[i+1], want)
			}
			if got[i+1] >= 0 {
				found++
			}
		}
		if found == 0 || found == len(stems) {
			t.Fatalf("table %v: %d of %d stems found: the test cannot fail", table, found, len(stems))
		}
	}
}

// devStems returns the stems of the first n CodiEsp dev notes, as
// analysed with ix's pipeline.
func devStems(t testing.TB, ix *Index, n int) []string {
	t.Helper()
	var stems []string
	for _, text := range testenv.DevNotes(t)[:n] {
		for _, tm := range ix.Analyzer().Analyze(text).Terms {
			stems = append(stems, tm.Stem)
		}
	}
	return stems
}

// BenchmarkTermIDs looks the stems of CodiEsp dev notes up one note at a
// time, by TermID one by one and by AppendTermIDs; one op is 250 notes.
func BenchmarkTermIDs(b *testing.B) {
	ix, _ := sentenceQueries(b)
	var notes [][]string
	for _, text := range testenv.DevNotes(b) {
		var stems []string
		for _, tm := range ix.Analyzer().Analyze(text).Terms {
			stems = append(stems, tm.Stem)
		}
		notes = append(notes, stems)
	}
	var ids []int32
	b.Run("one", func(b *testing.B) {
		cpu0 := cpuTime(b)
		for b.Loop() {
			for _, stems := range notes {
				ids = ids[:0]
				for _, s := range stems {
					ids = append(ids, idOr(ix.TermID(s)))
				}
			}
		}
		b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
	})
	b.Run("batch", func(b *testing.B) {
		cpu0 := cpuTime(b)
		for b.Loop() {
			for _, stems := range notes {
				ids = ix.AppendTermIDs(ids[:0], stems)
			}
		}
		b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
	})
}
