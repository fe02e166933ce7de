//go:build linux

package nlp

import (
	"testing"

	"medcode/internal/testenv"
)

// coldBytes is the size of the buffer BenchmarkAnalyzeDevCold writes
// between notes: larger than the last-level cache of the machines it
// runs on, so that the vocabulary's tables and words are evicted.
const coldBytes = 16 << 20

// BenchmarkAnalyzeDevCold is BenchmarkAnalyzeDev with the caches thrashed
// before every note (outside the timer), as inside Suggest, where the
// index and the rules evict the pipeline's tables between two notes: it
// shows what the analysis pays in cache misses. ns/op is the analysis
// alone.
func BenchmarkAnalyzeDevCold(b *testing.B) {
	p := benchPipeline(b)
	notes := testenv.DevNotes(b)
	var d Document
	for _, n := range notes {
		p.AnalyzeInto(&d, n) // the vocabulary holds every word, as in steady state
	}
	junk := make([]byte, coldBytes)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		for k := 0; k < len(junk); k += 64 {
			junk[k]++
		}
		b.StartTimer()
		p.AnalyzeInto(&d, notes[i%len(notes)])
		i++
	}
}
