package index

import (
	"testing"

	"medcode/internal/testenv"
)

// TestOpens holds SearchInto's early return to the full search: a query
// opens reports as reading no record finds nothing when searched in full
// (every record of its terms walked, not the pair lists whose gates opens
// reads), at each coverage the engine searches with, and some queries
// open records while others do not (so the test sees both branches).
func TestOpens(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix, qs := sentenceQueries(t)
	// Single terms too: the sentences of dev nearly all open a record.
	for id := uint32(0); id < uint32(ix.Terms()); id += 7 {
		qs = append(qs, Query{Terms: []uint32{id}, Pos: []int32{0}})
	}
	for _, cov := range []float64{0.5, 0.65, 0.99} {
		pairs := ix.pairLists(cov)
		open, closed := 0, 0
		for _, q := range qs {
			if ix.opens(q.Terms, pairs) {
				open++
				continue
			}
			closed++
			opts := SearchOptions{MinCoverage: cov}
			if hits, _ := ix.searchInto(nil, nil, q, opts, cov, nil); len(hits) > 0 {
				t.Fatalf("cov %v: query %v opens no record, but the full search finds %d hits", cov, q.Terms, len(hits))
			}
		}
		if open == 0 || closed == 0 {
			t.Errorf("cov %v: %d queries open records, %d do not: want both", cov, open, closed)
		}
	}
}
