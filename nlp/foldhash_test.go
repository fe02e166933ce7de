package nlp

import "testing"

// TestFoldHashInto holds foldHashInto to foldInto and fnv1a, on ASCII and
// other text, dotted and not, appending after bytes already held.
func TestFoldHashInto(t *testing.T) {
	for _, s := range []string{"", "Pain", "B.I.D.", "b.i.d.", "Crohn's", "Crohn’s", "Café", "ÆSTHETIC", "straße", "7.5", "IBS-D", "h/o"} {
		for _, dotted := range []bool{false, true} {
			for _, prefix := range []string{"", "xy"} {
				want := foldInto([]byte(prefix), s, dotted)
				got, h := foldHashInto([]byte(prefix), s, dotted)
				if string(got) != string(want) || h != fnv1a(want[len(prefix):]) {
					t.Errorf("foldHashInto(%q, %q, %v) = %q %#x, want %q %#x", prefix, s, dotted, got, h, want, fnv1a(want[len(prefix):]))
				}
			}
		}
	}
}

// TestByteClasses holds isWordByte, isLetterByte and isDigitByte to the
// ASCII ranges for every byte.
func TestByteClasses(t *testing.T) {
	for i := 0; i < 256; i++ {
		c := byte(i)
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		digit := '0' <= c && c <= '9'
		if isLetterByte(c) != letter || isDigitByte(c) != digit || isWordByte(c) != (letter || digit) {
			t.Errorf("byte %#x: letter %t digit %t word %t", c, isLetterByte(c), isDigitByte(c), isWordByte(c))
		}
	}
}

// FuzzFoldHashInto holds foldHashInto to foldInto and fnv1a on any text.
func FuzzFoldHashInto(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, dotted bool) {
		want := foldInto([]byte("ab"), s, dotted)
		got, h := foldHashInto([]byte("ab"), s, dotted)
		if string(got) != string(want) || h != fnv1a(want[2:]) {
			t.Fatalf("foldHashInto(%q, %v) = %q %#x, want %q %#x", s, dotted, got, h, want, fnv1a(want[2:]))
		}
	})
}

// TestLowerByte holds lowerByte to the ASCII case rule for every byte.
func TestLowerByte(t *testing.T) {
	for i := 0; i < 256; i++ {
		c, want := byte(i), byte(i)
		if 'A' <= c && c <= 'Z' {
			want = c + 'a' - 'A'
		}
		if lowerByte[c] != want {
			t.Errorf("lowerByte[%#x] = %#x, want %#x", c, lowerByte[c], want)
		}
	}
}
