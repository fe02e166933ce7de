package suggest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// pairFacts' and pairLists' per-candidate answers must agree with explains and
// integralPair asked pair by pair.
func TestPairFactsAgree(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := &Engine{}
	var codes []string
	for k, v := range explainedBy {
		codes = append(codes, k, k+"1", k+"9X")
		for _, p := range strings.Fields(v) {
			codes = append(codes, p, p+"0", p+".9")
		}
	}
	for k, v := range integralPairs {
		codes = append(codes, k, k+"2")
		for _, p := range v {
			codes = append(codes, p, p+"1")
		}
	}
	codes = append(codes, "R10.9", "Z87.891", "I10", "R50.9", "R05.1", "N39.0", "J18.9", "M54.50", "S52.501A", "A41.9")
	facts := func(code string, reason bool) support {
		b := corpus.Brief{System: corpus.ICD10CM, Code: code}
		s := support{symptom: factOf(b).flags&factSymptom != 0, reason: reason, canExplain: factOf(b).flags&factCanExplain != 0}
		return *e.pairLists(&s, &b)
	}
	n := 0
	for _, a := range codes {
		sa := facts(a, true)
		for _, b := range codes {
			sb := facts(b, false)
			if got, want := explainedIn(b, &sb, &sa), explains(b, a); got != want {
				t.Errorf("explainedIn(%s, %s) = %v, explains says %v", b, a, got, want)
			}
			if sa.symptom {
				if got, want := integralIn(b, &sa), integralPair(a, b); got != want {
					t.Errorf("integralIn(%s, %s) = %v, integralPair says %v", b, a, got, want)
				}
			}
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d pairs checked", n)
	}
}

// TestIntegralLens holds integralLens to the lengths of integralPairs'
// keys: every key's length has its bit, and every bit a key.
func TestIntegralLens(t *testing.T) {
	var m uint64
	for k := range integralPairs {
		if len(k) >= 64 {
			t.Fatalf("key %q is too long for the mask", k)
		}
		m |= 1 << len(k)
	}
	if m != integralLens {
		t.Fatalf("integralLens = %b, keys' lengths %b", uint64(integralLens), m)
	}
}

// TestSortedPrefixOf holds sortedPrefixOf to strings.HasPrefix asked of
// every prefix, over random codes and sorted prefix lists.
func TestSortedPrefixOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 6))
	word := func(n int) string {
		const alphabet = "IJK0129."
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		d := word(rng.IntN(6))
		ps := make([]string, rng.IntN(8))
		for i := range ps {
			ps[i] = word(rng.IntN(4))
		}
		slices.Sort(ps)
		want := slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(d, p) })
		if got := sortedPrefixOf(d, ps); got != want {
			t.Fatalf("sortedPrefixOf(%q, %q) = %v, want %v", d, ps, got, want)
		}
	}
}
