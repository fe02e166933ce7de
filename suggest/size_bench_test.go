package suggest_test

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"medcode/internal/testenv"
	"medcode/suggest"
)

// noteOfSize joins dev notes, in file order, one per line, up to size
// bytes (the last one cut at a line end): a long note of many visits.
func noteOfSize(notes []string, size int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		n := notes[i%len(notes)] + "\n"
		if sb.Len()+len(n) > size {
			n = n[:size-sb.Len()]
			if k := strings.LastIndexByte(n, '\n'); k >= 0 {
				n = n[:k+1]
			} else if k = strings.LastIndexByte(n, ' '); k >= 0 {
				n = n[:k+1]
			}
			sb.WriteString(n)
			break
		}
		sb.WriteString(n)
	}
	return sb.String()
}

// warmDevEngine opens the default engine (trained by make data), warms
// it, and returns it with the CodiEsp dev notes.
func warmDevEngine(b *testing.B) (*suggest.Engine, []string) {
	b.Helper()
	eng, err := suggest.Open(context.Background(), suggest.OpenOptions{DataDir: testenv.DataDir(b)})
	if err != nil {
		b.Fatal(err)
	}
	if err := eng.Warm(context.Background()); err != nil {
		b.Fatal(err)
	}
	return eng, testenv.DevNotes(b)
}

// BenchmarkSuggestSizeTrained codes notes of 1 to 100 KB (the limit) with
// the default model: the time per byte must stay flat as notes grow.
func BenchmarkSuggestSizeTrained(b *testing.B) {
	eng, notes := warmDevEngine(b)
	ctx := context.Background()
	for _, kb := range []int{1, 2, 8, 32, 100} {
		text := noteOfSize(notes, min(kb<<10, suggest.MaxNoteBytes))
		// Once untimed: the first note builds the tables of its codes.
		if _, err := eng.Suggest(ctx, suggest.Request{Text: text}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) { benchNote(b, eng, text) })
	}
}

// benchNote codes text once an op, reporting its bytes and CPU time.
func benchNote(b *testing.B, eng *suggest.Engine, text string) {
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	cpu0 := cpuTime(b)
	for b.Loop() {
		res, err := eng.Suggest(ctx, suggest.Request{Text: text})
		if err != nil {
			b.Fatal(err)
		}
		eng.Release(res) // as the server does once the answer is written
	}
	// CPU time stays meaningful on a machine shared with other work,
	// where wall time per op is inflated by waiting for a core.
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSuggestDevTrained codes the CodiEsp dev notes in turn, one a
// op, with the default model: the varied notes of a realistic load, whose
// per-code tables are not all warm as a repeated note's are.
func BenchmarkSuggestDevTrained(b *testing.B) {
	eng, notes := warmDevEngine(b)
	ctx := context.Background()
	var size int64
	for _, n := range notes {
		size += int64(len(n))
	}
	b.SetBytes(size / int64(len(notes)))
	cpu0 := cpuTime(b)
	i := 0
	for b.Loop() {
		res, err := eng.Suggest(ctx, suggest.Request{Text: notes[i%len(notes)]})
		if err != nil {
			b.Fatal(err)
		}
		eng.Release(res) // as the server does once the answer is written
		i++
	}
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkSuggestRepeatedTrained codes long notes that repeat
// themselves, as copied-forward notes do: one dev note pasted over and
// over, and one sentence ("Essential hypertension.") said in every line,
// to 8, 32 and 100 KB. A code named in thousands of sentences must cost
// time linear in them, not in their pairs.
func BenchmarkSuggestRepeatedTrained(b *testing.B) {
	eng, notes := warmDevEngine(b)
	ctx := context.Background()
	for _, kind := range []string{"pasted", "sentence"} {
		unit := notes[0] + "\n"
		if kind == "sentence" {
			unit = "Essential hypertension.\n"
		}
		for _, kb := range []int{8, 32, 100} {
			text := noteOfSize([]string{strings.TrimSuffix(unit, "\n")}, min(kb<<10, suggest.MaxNoteBytes))
			if _, err := eng.Suggest(ctx, suggest.Request{Text: text}); err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dKB", kind, kb), func(b *testing.B) { benchNote(b, eng, text) })
		}
	}
}
