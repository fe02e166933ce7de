package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// checkLayout fails t unless every string of list is its span of the
// blob and the blob holds no more than the strings covered by no other.
func checkLayout(t *testing.T, list []string) []byte {
	t.Helper()
	blob, spans := layoutStrings(list)
	if len(spans) != len(list) {
		t.Fatalf("%d spans for %d strings", len(spans), len(list))
	}
	for i, s := range list {
		sp := spans[i]
		if int(sp.off)+int(sp.len) > len(blob) || string(blob[sp.off:sp.off+sp.len]) != s {
			t.Fatalf("string %d %q: span %+v of a blob of %d bytes", i, s, sp, len(blob))
		}
	}
	total := 0
	for _, s := range list {
		total += len(s)
	}
	if len(blob) > total {
		t.Errorf("blob of %d bytes for %d bytes of strings", len(blob), total)
	}
	return blob
}

func TestLayoutStrings(t *testing.T) {
	for _, tc := range []struct {
		list []string
		want string
	}{
		{nil, ""},
		{[]string{""}, ""},
		{[]string{"", "a"}, "a"},
		{[]string{"Fracture, femur", "Fracture, femur, neck", "Fracture"}, "Fracture, femur, neck"},
		{[]string{"neck", "Fracture, femur, neck", "femur, neck"}, "Fracture, femur, neck"},
		{[]string{"E11", "E11.9", "E11.65", "11.9"}, "E11.9E11.65"},
		{[]string{"ab", "b", "a", "abc", "bc", "c", "xy"}, "abcxy"},
	} {
		if got := string(checkLayout(t, tc.list)); got != tc.want {
			t.Errorf("layoutStrings(%q) = %q, want %q", tc.list, got, tc.want)
		}
	}
}

// TestLayoutStringsRandom holds the layout to the strings, and its size
// to what sharing prefixes and suffixes saves, on lists with many
// prefixes and suffixes of each other.
func TestLayoutStringsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		seen := map[string]bool{}
		var list []string
		for range rng.IntN(60) {
			var b strings.Builder
			for range rng.IntN(7) {
				b.WriteByte("ab, "[rng.IntN(4)])
			}
			if s := b.String(); !seen[s] {
				seen[s] = true
				list = append(list, s)
			}
		}
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			// Exactly the strings no longer one starts or ends with
			// take bytes of the blob.
			want := 0
			for _, s := range list {
				covered := false
				for _, o := range list {
					covered = covered || len(o) > len(s) && (strings.HasPrefix(o, s) || strings.HasSuffix(o, s))
				}
				if !covered {
					want += len(s)
				}
			}
			if blob := checkLayout(t, list); len(blob) != want {
				t.Errorf("blob of %d bytes, want %d", len(blob), want)
			}
		})
	}
}

func TestCompareReversed(t *testing.T) {
	for _, p := range [][2]string{{"", ""}, {"", "a"}, {"a", "ba"}, {"ab", "b"}, {"ba", "ab"}, {"xa", "ya"}, {"abc", "abc"}} {
		ra, rb := []byte(p[0]), []byte(p[1])
		slices.Reverse(ra)
		slices.Reverse(rb)
		if got, want := compareReversed(p[0], p[1]), strings.Compare(string(ra), string(rb)); got != want {
			t.Errorf("compareReversed(%q, %q) = %d, want %d", p[0], p[1], got, want)
		}
	}
}
