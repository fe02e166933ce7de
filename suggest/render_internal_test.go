package suggest

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestMatchedMessage checks appendMatchedMessage against the fmt format it
// replaces: quoting, rounding, signs, NaN and infinities.
func TestMatchedMessage(t *testing.T) {
	for _, tc := range []struct {
		kind, name string
		a, b, c    float64
	}{
		{"title", "Type 2 diabetes mellitus", 1, 0.876, 0.5},
		{"index", "Fracture, \"ankle\"\tlateral\u00e9", 0.005, 0.015, 0.125},
		{"learned", "", math.Copysign(0, -1), -0.004, 2.675},
		{"kind9", "x\x00y", math.NaN(), math.Inf(1), math.Inf(-1)},
	} {
		want := fmt.Sprintf("matched %s %q (coverage %.2f, cosine %.2f, order %.2f)", tc.kind, tc.name, tc.a, tc.b, tc.c)
		if got := string(appendMatchedMessage(nil, tc.kind, tc.name, tc.a, tc.b, tc.c)); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// TestAppendQuoted checks appendQuoted against strconv.AppendQuote for
// every byte alone and inside a name, and for runes beyond ASCII.
func TestAppendQuoted(t *testing.T) {
	var names []string
	for b := range 256 {
		names = append(names, string([]byte{byte(b)}), "ab"+string([]byte{byte(b)})+"cd")
	}
	names = append(names, "", "Type 2 diabetes mellitus", "caf\u00e9", "a\u2028b", "\xff\xfe", "tab\there")
	for _, s := range names {
		want := strconv.AppendQuote([]byte("x"), s)
		if got := appendQuoted([]byte("x"), s); string(got) != string(want) {
			t.Errorf("appendQuoted(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPlainQuoted checks plainQuoted's word-at-a-time test against the
// byte-by-byte one, and appendQuoted against strconv.AppendQuote, for
// every byte at every place of names of up to two words and a tail.
func TestPlainQuoted(t *testing.T) {
	plain := func(s string) bool {
		for i := range len(s) {
			if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	base := "Abcdefgh ijk~ Z0 "
	for n := 0; n <= len(base); n++ {
		for at := range n {
			for b := range 256 {
				s := []byte(base[:n])
				s[at] = byte(b)
				if got, want := plainQuoted(string(s)), plain(string(s)); got != want {
					t.Fatalf("plainQuoted(%q) = %v, want %v", s, got, want)
				}
				if got, want := appendQuoted(nil, string(s)), strconv.AppendQuote(nil, string(s)); string(got) != string(want) {
					t.Fatalf("appendQuoted(%q) = %q, want %q", s, got, want)
				}
			}
		}
		if !plainQuoted(base[:n]) {
			t.Fatalf("plainQuoted(%q) = false", base[:n])
		}
	}
}

// TestSharedAssertionNames checks the shared lists against assertionNames
// for every flag combination, the flags assertionNames ignores included.
func TestSharedAssertionNames(t *testing.T) {
	for i := range 256 {
		a := nlp.Assertion(i)
		got, want := sharedAssertionNames(a), assertionNames(a)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) || cap(got) != len(got) {
			t.Errorf("%b: got %q (cap %d), want %q", a, got, cap(got), want)
		}
	}
}

// TestAppendFixed2 holds appendFixed2 to strconv's 'f' format with two
// decimals: hundredths and halves of them with their neighbours one ulp
// away, random values, signs, NaN and infinities.
func TestAppendFixed2(t *testing.T) {
	testenv.SkipUnderRace(t)
	xs := []float64{0, math.Copysign(0, -1), -0.004, -1.5, math.NaN(), math.Inf(1), math.Inf(-1), 1e7 - 0.001, 1e7, 1e9, 1e300, 5e-324, 2.675, 1.005, 0.125, 0.375}
	for k := range 20001 {
		for _, v := range []float64{float64(k) / 100, float64(k) / 200, (float64(k) + 0.5) / 100} {
			xs = append(xs, v, math.Nextafter(v, 0), math.Nextafter(v, 1e9))
		}
	}
	r := rand.New(rand.NewSource(1))
	for range 200000 {
		xs = append(xs, r.Float64(), r.Float64()*1000, r.ExpFloat64()*1e5)
	}
	for _, x := range xs {
		want := strconv.AppendFloat([]byte("x"), x, 'f', 2, 64)
		if got := appendFixed2([]byte("x"), x); string(got) != string(want) {
			t.Fatalf("appendFixed2(%v) = %q, want %q", x, got, want)
		}
	}
}

// TestPartsLen holds partsLen to the plain count of its five optional
// parts (two always), over every combination of them and a candidate
// without mentions.
func TestPartsLen(t *testing.T) {
	for bits := range 64 {
		on := func(i int) bool { return bits&(1<<i) != 0 }
		c := &candidate{historyOf: ""}
		if on(5) {
			c.mentions = []mention{{}, {dominated: on(0)}}
			c.best = 1
		}
		if on(4) {
			c.historyOf = "I10"
		}
		k := &scored{c: c, f: make([]float64, 20)}
		if on(1) {
			k.f[18] = -0.5
		}
		if on(2) {
			k.f[10] = 1
		}
		if on(3) {
			k.adj = 0.25
		}
		want := 2
		for _, b := range [...]bool{c.topRef().dominated, k.f[18] != 0, k.f[10] > 0, k.adj != 0, c.historyOf != ""} {
			if b {
				want++
			}
		}
		if got := partsLen(k); got != want {
			t.Errorf("bits %06b: partsLen = %d, want %d", bits, got, want)
		}
	}
}

// TestRenderWritesEveryField: render writes a suggestion field by field
// into its slot of the arena, which may hold another note's suggestion.
// Into a slot with every field set (through reflection, so that a field
// added later is covered too) it must write what it writes into a zero
// one, for suggestions with and without features, evidence, history and
// the optional explanation parts.
func TestRenderWritesEveryField(t *testing.T) {
	e, ids := orderEngine()
	for bits := range 32 {
		c := &candidate{mentions: []mention{{sent: 0, assert: nlp.Historical}, {sent: 2, dominated: bits&1 != 0}}, best: 1}
		if bits&2 != 0 {
			c.historyOf = "I10"
		}
		k := &scored{c: c, code: ids[bits%len(ids)], f: make([]float64, 20), score: 0.5, conf: 0.25}
		if bits&16 != 0 {
			k.f[18], k.f[10], k.f[11], k.adj = -0.5, 1, 0.75, 0.125
			k.edits = []Edit{{Kind: "specificity", Message: "m"}}
		}
		req := Request{Features: bits&4 != 0}
		var ev []Evidence
		if bits&8 != 0 {
			ev = []Evidence{{Start: 1, End: 3, Text: "ab"}}
		}
		var zero, dirty Suggestion
		fillEvery(reflect.ValueOf(&dirty).Elem(), 3)
		e.render(&zero, k, req, "matched x", make([]Explanation, 0, partsLen(k)), ev)
		e.render(&dirty, k, req, "matched x", make([]Explanation, 0, partsLen(k)), ev)
		if !reflect.DeepEqual(zero, dirty) {
			t.Fatalf("bits %05b: into a used slot render wrote\n%+v\ninto a zero one\n%+v", bits, dirty, zero)
		}
	}
}

// fillEvery sets every field reachable in v (slices to one element, to
// depth levels) to a value other than its zero.
func fillEvery(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("stale")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(7)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(7)
	case reflect.Struct:
		for i := range v.NumField() {
			fillEvery(v.Field(i), depth)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		if depth > 0 {
			fillEvery(v.Index(0), depth-1)
		}
	default:
		panic("fillEvery: no value for " + v.Type().String())
	}
}

// TestDigits3 holds digits3 to strconv's two decimals of u/100 for every
// u under 1000.
func TestDigits3(t *testing.T) {
	for u := range uint32(1000) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], digits3(u))
		if want := strconv.FormatFloat(float64(u)/100, 'f', 2, 64); string(b[:]) != want {
			t.Fatalf("digits3(%d) = %q, want %q", u, b[:], want)
		}
	}
}
