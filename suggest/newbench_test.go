package suggest_test

import (
	"testing"

	"medcode/suggest"
)

// BenchmarkNewWithBase builds an engine beside the shared test engine
// (Options.Base), as the tests' withModel and training's folds do: what
// depends on the code sets and the index only is taken from the base.
func BenchmarkNewWithBase(b *testing.B) {
	base := engine(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := suggest.New(base.Set(), base.Index(), suggest.Options{Base: base}); err != nil {
			b.Fatal(err)
		}
	}
}
