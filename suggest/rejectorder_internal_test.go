package suggest

import (
	"cmp"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// randomCode is a code for the rejection order tests, at most long
// bytes: sharing heads, some with NUL bytes, from a few letters so that
// codes repeat.
func randomCode(r *rand.Rand, long int) string {
	n := r.Intn(long + 1)
	b := make([]byte, n)
	for i := range b {
		b[i] = "\x00AB.9"[r.Intn(5)]
	}
	if r.Intn(3) == 0 && n >= 7 {
		copy(b, "S72.001")
	}
	return string(b)
}

// codeLimit is how long the codes of a trial may be: at most eight
// bytes (the numbers) in most, longer (the strings) in some.
func codeLimit(trial int) int {
	if trial%4 == 3 {
		return 11
	}
	return 8
}

// TestCompareCodeOrd: the numbers of codes at most eight bytes long
// order (system, code) pairs as their strings do.
func TestCompareCodeOrd(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(1))
	for range 200000 {
		a, b := randomCode(r, 8), randomCode(r, 8)
		sa, sb := r.Intn(3)*100, r.Intn(3)*100
		ka, kb := makeCodeOrd(sa, a, 0), makeCodeOrd(sb, b, 0)
		want := cmp.Compare(sa, sb)
		if want == 0 {
			want = strings.Compare(a, b)
		}
		if got := ka.compare(&kb); got != want {
			t.Fatalf("%d %q vs %d %q: got %d, want %d", sa, a, sb, b, got, want)
		}
	}
}

// sortRejectionsBySlice is sortRejections as it was first written.
func sortRejectionsBySlice(rs []Rejection) {
	sort.Slice(rs, func(i, j int) bool {
		a, b := &rs[i], &rs[j]
		if a.System != b.System {
			return a.System < b.System
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Rule < b.Rule
	})
}

// TestSortRejectionsAsSlice: sorting indices by the numbers leaves the
// rejections where sort.Slice did, equal ones included (told apart by
// Reason), from short lists (insertion sort) to long ones with long
// runs of equal keys and sorted stretches (pdqsort's other paths).
func TestSortRejectionsAsSlice(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(1))
	var s rejectOrder
	sys := []string{"ICD-10-CM", "CPT", "HCPCS", "CPT2"}
	rules := []string{"negated", "family", "excludes1", "less_specific"}
	for trial := range 3000 {
		n := r.Intn(40)
		if trial%10 == 0 {
			n = r.Intn(400)
		}
		var rs []Rejection
		for i := range n {
			rs = append(rs, Rejection{System: sys[r.Intn(1+trial%4)], Code: randomCode(r, codeLimit(trial)), Rule: rules[r.Intn(4)], Reason: fmt.Sprint(i)})
		}
		switch trial % 5 {
		case 1: // sorted already
			sortRejectionsBySlice(rs)
		case 2: // reversed
			sortRejectionsBySlice(rs)
			slices.Reverse(rs)
		case 3: // a few codes only
			for i := range rs {
				rs[i].Code = rs[i].Code[:min(len(rs[i].Code), 1)]
			}
		}
		want := slices.Clone(rs)
		sortRejectionsBySlice(want)
		sortRejections(rs, &s)
		if !slices.Equal(reasons(rs), reasons(want)) {
			t.Fatalf("trial %d: got %v, want %v", trial, reasons(rs), reasons(want))
		}
		for i := range s.keys { // the keys follow the rejections
			k, r := s.keys[i], &rs[i]
			if want := makeCodeOrd(int(s.rank[slices.Index(s.systems, r.System)]), r.Code, 0); k.hi != want.hi || k.lo != want.lo {
				t.Fatalf("trial %d: key %d %+v is not of %+v", trial, i, k, *r)
			}
		}
		if s.packed != !slices.ContainsFunc(rs, func(r Rejection) bool { return len(r.Code) > 8 }) {
			t.Fatalf("trial %d: packed %v", trial, s.packed)
		}
	}
}

func reasons(rs []Rejection) []string {
	out := make([]string, len(rs))
	for i := range rs {
		out[i] = rs[i].Reason
	}
	return out
}

// TestDedupeRejectedLongCodes: the walk along the suggested codes keeps
// what the maps did when codes are long, share heads or hold NUL bytes,
// and when a suggestion's system has no rejection.
func TestDedupeRejectedLongCodes(t *testing.T) {
	testenv.SkipUnderRace(t)
	r := rand.New(rand.NewSource(2))
	var s rejectOrder
	sys := []string{"ICD-10-CM", "CPT", "HCPCS"}
	for trial := range 5000 {
		var rs []Rejection
		for i := range r.Intn(30) {
			rs = append(rs, Rejection{System: sys[r.Intn(2)], Code: randomCode(r, codeLimit(trial)), Rule: sys[r.Intn(2)], Reason: fmt.Sprint(i)})
		}
		var kept []Suggestion
		for range r.Intn(20) {
			k := Suggestion{System: sys[r.Intn(3)], Code: randomCode(r, codeLimit(trial+r.Intn(2)))}
			if len(rs) > 0 && r.Intn(2) == 0 {
				o := rs[r.Intn(len(rs))]
				k = Suggestion{System: o.System, Code: o.Code}
			}
			kept = append(kept, k)
		}
		sortRejections(rs, &s)
		want := dedupeByMaps(rs, kept)
		got := dedupeRejected(slices.Clone(rs), kept, &s)
		if !slices.Equal(reasons(got), reasons(want)) {
			t.Fatalf("trial %d: got %v, want %v", trial, reasons(got), reasons(want))
		}
	}
}
