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

// TestCodeOrdHeadAgrees: makeCodeOrd's numbers are those of the byte
// loop it replaced, on codes of every length up to eight and every byte
// value, in systems of every rank.
func TestCodeOrdHeadAgrees(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for trial := range 20000 {
		b := make([]byte, trial%9)
		for i := range b {
			b[i] = byte(r.Intn(256))
		}
		code, sys := string(b), r.Intn(256)
		var h uint64
		for j := 0; j < len(code); j++ {
			h = h<<8 | uint64(code[j])
		}
		h <<= 8 * (8 - len(code))
		want := codeOrd{hi: uint64(sys)<<56 | h>>8, lo: h<<56 | uint64(len(code))<<48, i: int32(trial)}
		if got := makeCodeOrd(sys, code, trial); got != want {
			t.Fatalf("%d %q: got %+v, want %+v", sys, code, got, want)
		}
	}
}

// TestCodeOrdBefore: before is compare below zero, on keys equal in
// neither, one or both words.
func TestCodeOrdBefore(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	for range 20000 {
		a := codeOrd{hi: uint64(r.Intn(3)) << 62, lo: uint64(r.Intn(3)) << 62}
		b := codeOrd{hi: uint64(r.Intn(3)) << 62, lo: uint64(r.Intn(3)) << 62}
		if got, want := a.before(&b), a.compare(&b) < 0; got != want {
			t.Fatalf("%+v before %+v: got %v, want %v", a, b, got, want)
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
