package suggest

import (
	"math/rand"
	"strings"
	"testing"
)

// namesOfPaths is the conflictNames conflictNames makes of a code whose
// own Index paths are paths and whose (and whose ancestors') Index names
// are names (ASCII): paths lower-cased, each name's prefixes at a comma
// kept in their own case, laid by lay as conflictNames lays them.
func namesOfPaths(paths, names []string) *conflictNames {
	n := &conflictNames{}
	var lower []string
	for _, p := range paths {
		lower = append(lower, strings.ToLower(p))
	}
	var within []pathPrefix
	for _, t := range names {
		for i := range len(t) {
			if t[i] == ',' {
				within = append(within, pathPrefix{pathHash(strings.ToLower(t[:i])), t[:i]})
			}
		}
	}
	n.lay(lower, nil, within)
	return n
}

// reachedThroughPlain is reachedThrough comparing each of a's paths to
// each of b's within prefixes, lower-cased, without hashes or bits.
func reachedThroughPlain(a, b *conflictNames) bool {
	for i := range a.pathCount() {
		for j := range b.withinHashes {
			if strings.ToLower(b.withinAt(j)) == a.path(i) {
				return true
			}
		}
	}
	return false
}

// TestReachedThroughAgrees holds reachedThrough, its bits' test and the
// scan of b's within hashes, to the plain comparison of every path with
// every within prefix, over random names of few words in mixed case (one
// prefix in several cases: a run of equal hashes) and many paths (bits
// set by other paths than the one matched).
func TestReachedThroughAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(37))
	words := []string{"pain", "Pain", "PAIN", "chest", "Chest", "acute", "kidney", "ulcer", "a", "b", "c", "d", "e", "f", "g", "h"}
	phrase := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		return strings.Join(ws, " ")
	}
	name := func() string { // a path and subterms, at commas
		parts := make([]string, 1+r.Intn(4))
		for i := range parts {
			parts[i] = phrase(1 + r.Intn(2))
		}
		return strings.Join(parts, ", ")
	}
	found := 0
	for range 20000 {
		var paths, names []string
		for range r.Intn(12) {
			paths = append(paths, name())
		}
		for range r.Intn(6) {
			names = append(names, name())
		}
		a, b := namesOfPaths(paths, nil), namesOfPaths(nil, names)
		got, want := reachedThrough(a, b), reachedThroughPlain(a, b)
		if got != want {
			t.Fatalf("reachedThrough(paths %q, names %q) = %v, plain %v", paths, names, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d of the pairs reached: the test reads too few", found)
	}
}
