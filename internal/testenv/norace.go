//go:build !race

package testenv

import "testing"

// Race reports a build with the race detector (see race.go).
const Race = false

// SkipUnderRace skips nothing without the race detector (see race.go).
func SkipUnderRace(testing.TB) {}
