package server

import (
	"bytes"
	"context"
	"sync"
	"testing"

	gojson "github.com/goccy/go-json"

	"medcode/internal/testenv"
	"medcode/suggest"
)

// BenchmarkSuggestJSON encodes suggest answers as respond does, through
// appendJSON and through goccy: the canned answer, and (when the data
// loads) the engine's answers to 20 CodiEsp dev notes, one an op in turn.
func BenchmarkSuggestJSON(b *testing.B) {
	canned := []suggestResponse{{RequestID: "r", Result: cannedResult()}}
	var (
		once sync.Once
		dev  []suggestResponse
	)
	devAnswers := func(b *testing.B) []suggestResponse {
		once.Do(func() {
			ctx := context.Background()
			eng, err := suggest.Open(ctx, suggest.OpenOptions{DataDir: testenv.DataDir(b)})
			if err != nil {
				b.Skip(err)
			}
			for _, note := range testenv.DevNotes(b)[:20] {
				res, err := eng.Suggest(ctx, suggest.Request{Text: note})
				if err != nil {
					b.Fatal(err)
				}
				dev = append(dev, suggestResponse{RequestID: "req", Result: res})
			}
		})
		return dev
	}
	run := func(b *testing.B, answers []suggestResponse, appendJSON bool) {
		var buf bytes.Buffer
		var out []byte
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			v := answers[i%len(answers)]
			i++
			if appendJSON {
				out, _ = v.appendJSON(out[:0])
				continue
			}
			buf.Reset()
			if err := gojson.NewEncoder(&buf).Encode(v); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("canned/append", func(b *testing.B) { run(b, canned, true) })
	b.Run("canned/goccy", func(b *testing.B) { run(b, canned, false) })
	b.Run("dev/append", func(b *testing.B) { run(b, devAnswers(b), true) })
	b.Run("dev/goccy", func(b *testing.B) { run(b, devAnswers(b), false) })
}
