//go:build race

package corpus

// raceDetector reports a build with the race detector, which slows the
// full-data tests tenfold; they run in the non-race pass instead.
const raceDetector = true
