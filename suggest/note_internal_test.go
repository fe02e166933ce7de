package suggest

import (
	"math"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkNoteRunes is CheckNote's control-character rule as it read the
// text rune by rune: the plain form CheckNote's byte count must agree with.
func checkNoteRunes(text string) bool {
	ctrl := 0
	for _, r := range text {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(text)
}

// FuzzCheckNoteControls: on valid UTF-8 without NUL bytes, CheckNote
// refuses a note for its control characters exactly when counting runes
// does.
func FuzzCheckNoteControls(f *testing.F) {
	for _, s := range []string{
		"Patient with chest pain.",
		"a\x01b\x02c",
		strings.Repeat("é\x07", 30),
		"naïve\x1b[0m colour ❤ \x03",
		strings.Repeat("x", 19) + "\x01",
		strings.Repeat("x", 18) + "\x01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.TrimSpace(s) == "" || len(s) > MaxNoteBytes || !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return
		}
		if got, want := CheckNote(s) != nil, checkNoteRunes(s); got != want {
			t.Errorf("%q: refused %v, counting runes %v", s, got, want)
		}
	})
}

// controlBytesPlain is controlBytes as CheckNote first counted: byte by
// byte.
func controlBytesPlain(text string) int {
	ctrl := 0
	for i := range len(text) {
		if c := text[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl
}

// TestControlBytesAgreesWithPlain: the eight-bytes-at-a-time count is the
// byte-by-byte one, on random texts of every control byte, line ends,
// multi-byte characters and bytes near 0x20 and 0x80 at every alignment
// and length.
func TestControlBytesAgreesWithPlain(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alphabet := []byte{0x00, 0x01, 0x07, 0x09, 0x0a, 0x0c, 0x0d, 0x1b, 0x1f, 0x20, 0x21, 'a', 'Z', 0x7f, 0x80, 0x9f, 0xa0, 0xc3, 0xe2, 0xff}
	for trial := range 20000 {
		b := make([]byte, r.Intn(40))
		for i := range b {
			if r.Intn(3) == 0 {
				b[i] = byte(r.Intn(256))
			} else {
				b[i] = alphabet[r.Intn(len(alphabet))]
			}
		}
		if got, want := controlBytes(string(b)), controlBytesPlain(string(b)); got != want {
			t.Fatalf("trial %d: controlBytes(%q) = %d, want %d", trial, b, got, want)
		}
	}
	for c := range 256 {
		for n := range 17 {
			s := strings.Repeat("ab", n/2) + strings.Repeat(string([]byte{byte(c)}), n%9)
			if got, want := controlBytes(s), controlBytesPlain(s); got != want {
				t.Fatalf("controlBytes(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestMinMath: minMath gives what math.Min gives, at NaN, signed zeros
// and infinities; the builtin min, which the features use beside a finite
// constant, too there.
func TestMinMath(t *testing.T) {
	vals := []float64{math.NaN(), math.Inf(-1), math.Inf(1), math.Copysign(0, -1), 0, -1.5, 0.25, 3}
	same := func(a, b float64) bool {
		return math.IsNaN(a) && math.IsNaN(b) || a == b && math.Signbit(a) == math.Signbit(b)
	}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := minMath(x, y), math.Min(x, y); !same(got, want) {
				t.Errorf("minMath(%v, %v) = %v, math.Min %v", x, y, got, want)
			}
		}
		if got, want := min(x, maxPriorLogit), math.Min(x, maxPriorLogit); !same(got, want) {
			t.Errorf("min(%v, maxPriorLogit) = %v, math.Min %v", x, got, want)
		}
	}
}
