package suggest

import (
	"math/rand"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// randomSpelling is a code spelled as a caller might: letters of either
// case, digits, dots, spaces, a non-ASCII letter, of any length to 7.
func randomSpelling(r *rand.Rand) string {
	const bytes = "AaBbEeJj0123456789.. \t"
	n := r.Intn(8)
	b := make([]byte, 0, n+2)
	for range n {
		b = append(b, bytes[r.Intn(len(bytes))])
	}
	if r.Intn(20) == 0 {
		b = append(b, "é"...)
	}
	return string(b)
}

// TestSpelledCodesAsMap: spelledCodes.has is the plain lookup of
// NormalizeCode's spelling in its map, and categorySet.mayHold passes
// every code whose category (or whole code) is a key of the table it was
// made from, over random tables and spellings.
func TestSpelledCodesAsMap(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(1))
	for trial := range 2000 {
		var s spelledCodes
		var exact categorySet
		keys := map[string]bool{}
		for range 1 + r.Intn(20) {
			k := randomSpelling(r)
			if trial%2 == 0 {
				k = corpus.NormalizeCode(corpus.ICD10CM, k)
			}
			s.add(corpus.NormalizeCode(corpus.ICD10CM, k))
			exact.add(k)
			exact.add(category(k))
			keys[k] = true
		}
		for range 200 {
			q := randomSpelling(r)
			if r.Intn(4) == 0 { // a key, respelled
				for k := range keys {
					q = k
					break
				}
				if r.Intn(2) == 0 {
					q = " " + q
				}
			}
			if got, want := s.has(q), s.codes[corpus.NormalizeCode(corpus.ICD10CM, q)]; got != want {
				t.Fatalf("trial %d: has(%q) = %v, the map says %v", trial, q, got, want)
			}
			if (keys[q] || keys[category(q)]) && !exact.mayHold(q) {
				t.Fatalf("trial %d: mayHold(%q) = false, a key", trial, q)
			}
		}
	}
}

// TestCategoryFiltersAsTables: over every ICD-10-CM code of the real
// engine, the rules' filtered lookups (openInfections, unidentified,
// sequelaOf, the sequela families' categories) answer as their plain
// tables do.
func TestCategoryFiltersAsTables(t *testing.T) {
	e := realEngine(t)
	open, unid := e.coder.rules.per.openInfections(e), e.coder.rules.per.unidentified(e)
	conds := e.sequelaConditions()
	for _, id := range codeIDsAndPast(e.set) {
		code := e.set.CodeString(id)
		for _, c := range []string{code, " " + code, corpus.NormalizeCode(corpus.ICD10CM, code)} {
			n := corpus.NormalizeCode(corpus.ICD10CM, c)
			if open.has(c) != open.codes[n] || unid.has(c) != unid.codes[n] {
				t.Fatalf("%q: has disagrees with the maps", c)
			}
			if got, want := e.sequelaOf(c), e.coder.sequelaCat[c]; got != want {
				t.Fatalf("sequelaOf(%q) = %q, the map %q", c, got, want)
			}
			if len(e.sequela[category(c)]) > 0 && !conds.mayHold(c) {
				t.Fatalf("%q: a sequela family's category turned away", c)
			}
		}
	}
}
