//go:build race

package testenv

import "testing"

// Race reports a build with the race detector.
const Race = true

// SkipUnderRace skips a test that exercises no concurrency and is heavy:
// it reads the full real data, or holds a fast form to its plain one over
// many random inputs. Several times slower under the race detector, and
// with nothing for it to find, it runs in the non-race pass of `make test`
// instead (see the Makefile, which names the tests of that pass).
func SkipUnderRace(tb testing.TB) {
	tb.Helper()
	tb.Skip("heavy test without concurrency: run by the non-race pass of make test")
}
