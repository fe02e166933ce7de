//go:build !race

package corpus

import "testing"

// raceDetector reports a build with the race detector (see race_test.go).
const raceDetector = false

// skipUnderRace skips nothing without the race detector (see race_test.go).
func skipUnderRace(*testing.T) {}
