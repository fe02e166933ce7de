//go:build linux

package suggest

import (
	"context"
	"runtime"
	"slices"
	"syscall"
	"testing"

	"medcode/internal/testenv"
)

// BenchmarkCoderRules runs the coding rules (coderRules) alone over the
// CodiEsp dev notes, one a op, on each note's analysis and final
// suggestions: the rules' own cost, which the Suggest benchmarks measure
// only as a share of the whole.
func BenchmarkCoderRules(b *testing.B) {
	ctx := context.Background()
	e, err := Open(ctx, OpenOptions{DataDir: testenv.DataDir(b)})
	if err != nil {
		b.Fatal(err)
	}
	if err := e.Warm(ctx); err != nil {
		b.Fatal(err)
	}
	type input struct {
		w   *work
		req Request
		res Result
	}
	var ins []input
	for _, text := range testenv.DevNotes(b) {
		req := Request{Text: text}
		res, err := e.Suggest(ctx, req)
		if err != nil {
			b.Fatal(err)
		}
		if err := e.validate(&req); err != nil {
			b.Fatal(err)
		}
		req.MaxResults += ruleSlack
		w := &work{cats: map[string]int{}}
		doc := e.pipe.AnalyzeInto(&w.doc, text)
		w.noteSections(doc)
		ins = append(ins, input{w: w, req: req, res: *res})
	}
	runtime.GC()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU(b)
	i := 0
	for b.Loop() {
		in := &ins[i%len(ins)]
		res := in.res
		res.Suggestions = slices.Clone(in.res.Suggestions)
		res.Notices, res.Rejected = nil, nil
		in.w.rn.reset(e, in.w, &in.w.doc) // as Suggest does: the rules' pass counts
		e.coderRules(in.w, &in.w.doc, in.req, &res, nil)
		i++
	}
	// The benchmark thread's own CPU time: wall time on a shared machine
	// counts the waits for a core.
	b.ReportMetric(float64(threadCPU(b)-cpu0)/float64(b.N), "cpu-ns/op")
}

// threadCPU is the calling thread's user and system CPU time so far
// (RUSAGE_THREAD).
func threadCPU(b *testing.B) int64 {
	const rusageThread = 1
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		b.Fatal(err)
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
