package server

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"medcode/suggest"
)

// benchAnswers are n suggest answers shaped like the engine's to CodiEsp
// dev notes: 50 suggestions each with 1–5 matched names (1.33 on
// average, a quarter of them on two spans), their codes drawn, more often
// the common ones, from 3,000 of three systems (mostly one after another),
// and the names from each code's handful. The strings are shared between
// answers as the engine's code set shares them.
func benchAnswers(n int) [][]suggest.Suggestion { return benchAnswersNames(n, 5, 0) }

// benchAnswersNames is benchAnswers with perCode names a code, a span's
// name past the one benchAnswers picks by one more at odds of spread in 5
// (none for 0).
func benchAnswersNames(n, perCode, spread int) [][]suggest.Suggestion {
	r := rand.New(rand.NewPCG(1, 2))
	systems := []string{"ICD-10-CM", "CPT", "HCPCS"}
	type code struct {
		sys, code string
		names     []string
	}
	codes := make([]code, 3000)
	for i := range codes {
		c := code{sys: systems[i%7/5], code: fmt.Sprintf("%c%02d.%d", 'A'+i%26, i/26%100, i%10)}
		for j := range perCode {
			c.names = append(c.names, fmt.Sprintf("name %d of code %d%s", j, i, strings.Repeat(" and more", (i+j)%5)))
		}
		codes[i] = c
	}
	out := make([][]suggest.Suggestion, n)
	for i := range out {
		sgs := make([]suggest.Suggestion, 50)
		for j := range sgs {
			c := codes[int(float64(len(codes))*r.Float64()*r.Float64())]
			sg := suggest.Suggestion{System: c.sys, Code: c.code}
			names := 1
			for names < 5 && r.IntN(4) == 0 {
				names++
			}
			for k := range names {
				at := k
				for spread > 0 && at < len(c.names)-1 && r.IntN(5) < spread {
					at++
				}
				sg.Evidence = append(sg.Evidence, suggest.Evidence{Matched: c.names[at]})
				if r.IntN(4) == 0 {
					sg.Evidence = append(sg.Evidence, suggest.Evidence{Matched: c.names[at]})
				}
			}
			sgs[j] = sg
		}
		slices.SortStableFunc(sgs, func(a, b suggest.Suggestion) int { return strings.Compare(a.System, b.System) })
		out[i] = sgs
	}
	return out
}

// fullMemory is a memory holding 10,000 answers of 50 suggestions, as the
// server's in the steady state, the ids of 20,000 requests (the first
// 10,000 remembered) and the 1,000 answers they cycle through.
func fullMemory() (*requestMemory, []string, [][]suggest.Suggestion) {
	return fullMemoryOf(benchAnswers(1000))
}

// fullMemoryOf is fullMemory with answers its answers.
func fullMemoryOf(answers [][]suggest.Suggestion) (*requestMemory, []string, [][]suggest.Suggestion) {
	m := newRequestMemory(10000)
	ids := make([]string, 20000)
	for i := range ids {
		ids[i] = fmt.Sprintf("req-%08d", i)
	}
	for i := range 10000 {
		m.put(ids[i], answers[i%len(answers)])
	}
	return m, ids, answers
}

// BenchmarkRequestMemoryPut remembers answers of 50 suggestions in a
// memory holding 10,000, as the server's: a put in the steady state,
// which forgets the oldest answer too.
func BenchmarkRequestMemoryPut(b *testing.B) {
	m, ids, answers := fullMemory()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.put(ids[i%len(ids)], answers[i%len(answers)])
		i++
	}
}

// BenchmarkRequestMemoryPutCold is BenchmarkRequestMemoryPut with the
// caches emptied before each put by a sweep of 4 MB (outside the timer,
// not outside callgrind's counts: diff put's own functions), its answer's
// suggestions read first: the server's case, where the engine's work on a
// note has pushed the table out of the caches and left the answer in.
func BenchmarkRequestMemoryPutCold(b *testing.B) {
	benchPutCold(b, fullMemory)
}

// BenchmarkRequestMemoryPutColdNames is BenchmarkRequestMemoryPutCold
// with codes of 30 names, a span's name past the first as often as in the
// engine's answers to CodiEsp dev notes (a look-up in two past the
// first, some of them a dozen or more names past it).
func BenchmarkRequestMemoryPutColdNames(b *testing.B) {
	benchPutCold(b, func() (*requestMemory, []string, [][]suggest.Suggestion) {
		return fullMemoryOf(benchAnswersNames(1000, 30, 3))
	})
}

// benchPutCold runs BenchmarkRequestMemoryPutCold over the memory full
// makes.
func benchPutCold(b *testing.B, full func() (*requestMemory, []string, [][]suggest.Suggestion)) {
	m, ids, answers := full()
	sweep := make([]byte, 4<<20)
	sink := 0
	i := 0
	for b.Loop() {
		b.StopTimer()
		for j := 0; j < len(sweep); j += 64 {
			sweep[j]++
		}
		a := answers[i%len(answers)]
		for k := range a {
			sink += len(a[k].System) + len(a[k].Code) + len(a[k].Evidence)
			for _, e := range a[k].Evidence {
				sink += len(e.Matched)
			}
		}
		b.StartTimer()
		m.put(ids[i%len(ids)], a)
		i++
	}
	_ = sink
}
