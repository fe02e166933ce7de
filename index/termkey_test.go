package index

import (
	"encoding/binary"
	"testing"
)

// termKeyPlain is termKey as written before termHead: the stem's first
// termInline bytes copied into a zero-padded array, read as numbers. It
// is the plain form FuzzTermKey holds termKey to.
func termKeyPlain(s string) (a uint64, b uint32, h uint32) {
	var pre [termInline]byte
	copy(pre[:], s)
	a = binary.LittleEndian.Uint64(pre[0:8])
	b = binary.LittleEndian.Uint32(pre[8:12])
	x := (a ^ (uint64(b)|uint64(len(s))<<32)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
	x ^= x >> 29
	x *= 0x94d049bb133111eb
	x ^= x >> 32
	return a, b, uint32(x)
}

// FuzzTermKey holds termKey to termKeyPlain.
func FuzzTermKey(f *testing.F) {
	for _, s := range []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijk", "abcdefghijkl", "abcdefghijklmnopq", "\x00", "\xff\xfe\xfd\xfc\xfb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, h := termKey(s)
		pa, pb, ph := termKeyPlain(s)
		if a != pa || b != pb || h != ph {
			t.Fatalf("termKey(%q) = %#x, %#x, %#x, want %#x, %#x, %#x", s, a, b, h, pa, pb, ph)
		}
	})
}

// TestTermKeyLengths holds termKey to termKeyPlain on every length up to
// past termInline, each byte distinct.
func TestTermKeyLengths(t *testing.T) {
	var buf []byte
	for n := 0; n <= 2*termInline; n++ {
		s := string(buf)
		a, b, h := termKey(s)
		pa, pb, ph := termKeyPlain(s)
		if a != pa || b != pb || h != ph {
			t.Fatalf("termKey(%q) = %#x, %#x, %#x, want %#x, %#x, %#x", s, a, b, h, pa, pb, ph)
		}
		buf = append(buf, byte(0xa1+n*7))
	}
}
