package suggest

import (
	"context"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// BenchmarkCollect runs collect alone over the CodiEsp dev notes,
// analysed once, with the trained engine; one op is the whole dev set.
func BenchmarkCollect(b *testing.B) {
	e, err := Open(context.Background(), OpenOptions{DataDir: testenv.DataDir(b)})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*nlp.Document
	for _, text := range testenv.DevNotes(b) {
		docs = append(docs, e.pipe.Analyze(text))
	}
	// Untimed: the first searches build the index's strict pair lists.
	for _, doc := range docs {
		w := e.getWork(0)
		e.collect(w, doc, Request{})
		e.putWork(w)
	}
	for b.Loop() {
		for _, doc := range docs {
			w := e.getWork(0)
			e.collect(w, doc, Request{})
			e.putWork(w)
		}
	}
}
