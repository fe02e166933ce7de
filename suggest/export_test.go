package suggest

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"medcode/internal/testenv"
)

// TestToday is the engine's clock in tests: requests without a date of
// service are coded as of this day (FY2027), so golden files stay put.
var TestToday = time.Date(2026, 12, 3, 15, 4, 5, 0, time.UTC)

// sharedEngine is the one untrained engine over the real code sets that
// the package's internal and external tests share (one test binary holds
// both): opening it and filling its per-engine tables takes seconds under
// -race. Tests only read it; a test that needs another model or a cold
// engine builds its own with New.
var sharedEngine struct {
	once sync.Once
	eng  *Engine
	err  error
}

// SharedEngine returns the shared untrained engine, opened on first use.
func SharedEngine(tb testing.TB) *Engine {
	tb.Helper()
	dir := testenv.DataDir(tb)
	sharedEngine.once.Do(func() {
		sharedEngine.eng, sharedEngine.err = Open(context.Background(), OpenOptions{DataDir: dir, ModelPath: "none",
			Options: Options{Now: func() time.Time { return TestToday }}})
	})
	if sharedEngine.err != nil {
		tb.Fatal(sharedEngine.err)
	}
	return sharedEngine.eng
}

// ownEngine returns an engine of the test's own over the shared one's code
// sets, index and tables (Options.Base): its pooled work is no other
// test's, so a test may read the work a note leaves behind.
func ownEngine(tb testing.TB) *Engine {
	tb.Helper()
	base := SharedEngine(tb)
	e, err := New(base.Set(), base.Index(), Options{Base: base})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// firstDevNotes returns up to n of the CodiEsp dev notes.
func firstDevNotes(tb testing.TB, n int) []string {
	tb.Helper()
	notes := testenv.DevNotes(tb)
	return notes[:min(len(notes), n)]
}

// devNotesJoined returns up to n of the CodiEsp dev notes, then each run
// of four of the list joined into one longer note (more candidates than
// any one of them carries), the joined notes' runs too.
func devNotesJoined(tb testing.TB, n int) []string {
	tb.Helper()
	notes := firstDevNotes(tb, n)
	for i := 0; i+4 <= len(notes); i += 4 {
		notes = append(notes, strings.Join(notes[i:i+4], "\n\n"))
	}
	return notes
}
