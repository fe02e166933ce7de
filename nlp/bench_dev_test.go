package nlp

import (
	"syscall"
	"testing"
	"time"

	"medcode/internal/testenv"
)

// BenchmarkAnalyzeDev analyses the CodiEsp dev notes in turn into one
// reused Document, as the suggest engine does: the varied words of a
// realistic load, not one note's warm few. It reports the process CPU per
// op (cpu-ns/op), steadier than wall time on a shared machine.
func BenchmarkAnalyzeDev(b *testing.B) {
	p := benchPipeline(b)
	notes := testenv.DevNotes(b)
	var size int64
	for _, n := range notes {
		size += int64(len(n))
	}
	b.SetBytes(size / int64(len(notes)))
	b.ReportAllocs()
	var d Document
	cpu0 := cpuTime(b)
	i := 0
	for b.Loop() {
		p.AnalyzeInto(&d, notes[i%len(notes)])
		i++
	}
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time the process used so far.
func cpuTime(b *testing.B) time.Duration {
	b.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
