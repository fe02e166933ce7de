//go:build race

package corpus

import "testing"

// raceDetector reports a build with the race detector, which slows the
// full-data tests tenfold; they run in the non-race pass instead.
const raceDetector = true

// skipUnderRace skips a test that reads the full real data and exercises
// no concurrency: ten times slower under the race detector, it runs in
// the non-race pass of `make test` (see Makefile).
func skipUnderRace(t *testing.T) {
	t.Helper()
	t.Skip("full-data test without concurrency: run by the non-race pass of make test")
}
