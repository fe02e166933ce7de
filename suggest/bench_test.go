package suggest_test

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
	"medcode/suggest"
)

// note2KB is a realistic 2 KB note made from the sample notes.
func note2KB(b *testing.B) string {
	b.Helper()
	var sb strings.Builder
	for _, f := range []string{"diabetes_followup", "chest_pain_ed", "ankle_fracture", "copd_exacerbation"} {
		t, err := os.ReadFile("testdata/notes/" + f + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteByte('\n')
	}
	s := sb.String()
	if len(s) > 2048 {
		s = s[:2048]
		s = s[:strings.LastIndexByte(s, '\n')]
	}
	return s
}

// BenchmarkSuggest2KB: target median under 1 ms per 2 KB note on one core.
func BenchmarkSuggest2KB(b *testing.B) {
	eng := engine(b)
	text := note2KB(b)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := eng.Suggest(ctx, suggest.Request{Text: text})
		if err != nil {
			b.Fatal(err)
		}
		eng.Release(res) // as the server does once the answer is written
	}
}

// BenchmarkIndexBuild: target under 15 s for the full FY2026 ICD-10-CM,
// HCPCS and CPT starter names.
func BenchmarkIndexBuild(b *testing.B) {
	dir := testenv.DataDir(b)
	set, err := corpus.Load(context.Background(), corpus.Options{Dir: dir + "/codesets"})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := index.Build(set, index.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSnapshotLoad: target under 1 s, heap in use after load under
// 400 MB (reported as heapMB).
func BenchmarkSnapshotLoad(b *testing.B) {
	path := testenv.DataDir(b) + "/index.snap"
	if _, err := os.Stat(path); err != nil {
		b.Fatalf("no snapshot (run make data): %v", err)
	}
	var ix *index.Index
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		var err error
		if ix, err = index.ReadFile(path); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	_ = start
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heapMB")
	runtime.KeepAlive(ix)
}

// BenchmarkSuggest2KBTrained is BenchmarkSuggest2KB with the default model
// (data/model.json, trained by `make data`): learned names add a second
// index search per sentence.
func BenchmarkSuggest2KBTrained(b *testing.B) {
	dir := testenv.DataDir(b)
	eng, err := suggest.Open(context.Background(), suggest.OpenOptions{DataDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	if eng.Model() == nil {
		b.Fatalf("no model at %s/model.json (run make data)", dir)
	}
	text := note2KB(b)
	ctx := context.Background()
	// Untimed: the first notes build the per-code tables of their codes.
	if err := eng.Warm(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := eng.Suggest(ctx, suggest.Request{Text: text}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu0 := cpuTime(b)
	for i := 0; i < b.N; i++ {
		res, err := eng.Suggest(ctx, suggest.Request{Text: text})
		if err != nil {
			b.Fatal(err)
		}
		eng.Release(res) // as the server does once the answer is written
	}
	// CPU time: wall time per op is inflated on a shared machine.
	b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
}
