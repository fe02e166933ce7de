package index

import (
	"syscall"
	"testing"
	"time"

	"medcode/internal/testenv"
)

// sentenceQueries analyses the CodiEsp dev notes with the snapshot's
// pipeline and returns one query per sentence, as the engine builds them.
func sentenceQueries(b testing.TB) (*Index, []Query) {
	b.Helper()
	dir := testenv.DataDir(b)
	ix, err := ReadFile(dir + "/index.snap")
	if err != nil {
		b.Fatalf("%v (run make data)", err)
	}
	var qs []Query
	for _, text := range testenv.DevNotes(b) {
		var q Query
		sent := -1
		for _, t := range ix.Analyzer().Analyze(text).Terms {
			if t.Sent != sent && len(q.Terms) > 0 {
				qs = append(qs, q)
				q = Query{}
			}
			sent = t.Sent
			if id, ok := ix.TermID(t.Stem); ok {
				q.Terms = append(q.Terms, id)
				q.Pos = append(q.Pos, int32(t.Tok))
			}
		}
		if len(q.Terms) > 0 {
			qs = append(qs, q)
		}
	}
	return ix, qs
}

// BenchmarkSearchSentences searches every sentence of CodiEsp dev at the
// engine's coverage bounds (0.65 for the code sets, 0.99 for learned
// names); one op is the whole dev set.
func BenchmarkSearchSentences(b *testing.B) {
	ix, qs := sentenceQueries(b)
	for _, tc := range []struct {
		name string
		cov  float64
	}{{"cov0.65", 0.65}, {"cov0.99", 0.99}} {
		b.Run(tc.name, func(b *testing.B) {
			var hits []Hit
			var pos []int32
			// Untimed: the first search at a coverage builds its pair lists.
			ix.Search(qs[0], SearchOptions{MinCoverage: tc.cov})
			cpu0 := cpuTime(b)
			for b.Loop() {
				for _, q := range qs {
					hits, pos = ix.SearchInto(hits, pos[:0], q, SearchOptions{MinCoverage: tc.cov, MinScore: 0.2, Limit: 300})
				}
			}
			// CPU time: wall time per op is inflated on a shared machine.
			b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(len(qs)), "sentences")
		})
	}
}

// cpuTime is the process's user and system CPU time.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
