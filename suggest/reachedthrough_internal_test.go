package suggest

import (
	"cmp"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// namesOfPaths is the conflictNames conflictNames makes of a code whose
// own Index paths are paths and whose (and whose ancestors') Index names
// are names (ASCII): paths lower-cased, each name's prefixes at a comma
// kept in their own case, in hash order, once each.
func namesOfPaths(paths, names []string) *conflictNames {
	n := &conflictNames{}
	var strs []string
	for _, p := range paths {
		p = strings.ToLower(p)
		h := pathHash(p)
		strs = append(strs, p)
		n.pathHashes = append(n.pathHashes, h)
		n.pathsBits.set(h)
	}
	type prefix struct {
		h uint64
		p string
	}
	var within []prefix
	for _, t := range names {
		for i := range len(t) {
			if t[i] == ',' {
				within = append(within, prefix{pathHash(strings.ToLower(t[:i])), t[:i]})
			}
		}
	}
	slices.SortFunc(within, func(a, b prefix) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return strings.Compare(a.p, b.p)
	})
	within = slices.CompactFunc(within, func(a, b prefix) bool { return a.p == b.p })
	for _, w := range within {
		strs = append(strs, w.p)
		n.withinHashes = append(n.withinHashes, w.h)
		n.withinBits.set(w.h)
	}
	n.strs, n.nPaths = packStrings(strs), int32(len(paths))
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
