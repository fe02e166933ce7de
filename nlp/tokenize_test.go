package nlp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"medcode/internal/testenv"
)

// FuzzTokenize holds tokenize, with its byte-class table and its folding
// as it scans, to tokenizePlain, the byte tests it replaced, folding each
// token by foldHashInto.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add(benchNote)
	f.Add("a\u2019b c\u2018 d\u2019\xe2\x80 7.5.6 x.y. 1) 22. 333. 'a' é'é \xff1.2")
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	var raw []rawToken
	var buf []byte
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenizeFold(t, p, text, nil, nil)
		// Reused buffers, as Analyze passes them.
		raw, buf = checkTokenizeFold(t, p, text, raw, buf)
	})
}

// checkTokenizeFold holds tokenizeFold(text, dst, buf) to tokenizePlain:
// the same tokens with the same folded forms, which lie elsewhere in its
// buffer (the first len(text) bytes line up with text). It returns
// tokenizeFold's buffers.
func checkTokenizeFold(t *testing.T, p *Pipeline, text string, dst []rawToken, buf []byte) ([]rawToken, []byte) {
	t.Helper()
	got, gotBuf := p.tokenizeFold(text, dst[:0], buf[:0])
	want, wantBuf := p.tokenizePlain(text, nil)
	if len(got) != len(want) {
		t.Fatalf("tokenizeFold(%.80q) = %v, want %v", text, got, want)
	}
	for i := range got {
		g, w := got[i], want[i]
		gf, wf := gotBuf[g.lo:g.hi], wantBuf[w.lo:w.hi]
		g.lo, g.hi, w.lo, w.hi = 0, 0, 0, 0
		if g != w || !bytes.Equal(gf, wf) {
			t.Fatalf("tokenizeFold(%.80q): token %d = %v folded %q, want %v folded %q", text, i, got[i], gf, want[i], wf)
		}
		if fnv1a(gf) != got[i].h {
			t.Fatalf("tokenizeFold(%.80q): token %d's hash is not its folded form's", text, i)
		}
	}
	return got, gotBuf
}

// testNotes returns the texts of testdata/notes and the CodiEsp dev notes.
func testNotes(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("testdata/notes/*.txt")
	if err != nil || len(paths) < 2 {
		t.Fatalf("notes: %v", err)
	}
	var notes []string
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, string(b))
	}
	return append(notes, testenv.DevNotes(t)...)
}

// TestTokenizeNotes holds tokenizeFold to tokenizePlain on the test and
// dev notes, with new buffers and with reused ones.
func TestTokenizeNotes(t *testing.T) {
	p := testPipeline(t)
	var raw []rawToken
	var buf []byte
	for _, text := range testNotes(t) {
		checkTokenizeFold(t, p, text, nil, nil)
		raw, buf = checkTokenizeFold(t, p, text, raw, buf)
	}
}

// TestByteClassTable holds byteClass to the byte tests it stands for.
func TestByteClassTable(t *testing.T) {
	for i := 0; i < 256; i++ {
		c := byte(i)
		cl := byteClass[c]
		end := c < utf8.RuneSelf && !isWordByte(c) && !strings.ContainsRune(".'/-)", rune(c))
		if cl&classWord != 0 != isWordByte(c) || cl&classHigh != 0 != (c >= utf8.RuneSelf) || cl&classEnd != 0 != end {
			t.Errorf("byte %#x: class %#x", c, cl)
		}
	}
}

// TestFoldWordByte holds foldWordByte to isWordByte and lowerByte for
// every byte.
func TestFoldWordByte(t *testing.T) {
	for i := 0; i < 256; i++ {
		c := byte(i)
		want := byte(0)
		if isWordByte(c) {
			want = lowerByte[c]
		}
		if foldWordByte[c] != want {
			t.Errorf("foldWordByte[%#x] = %#x, want %#x", c, foldWordByte[c], want)
		}
	}
}

// tokenizePlain is tokenize as written before its byte-class table and
// its folding as it scans: the plain form FuzzTokenize holds it to. It
// folds each token by foldHashInto into a buffer of its own, which it
// returns too.
func (p *Pipeline) tokenizePlain(text string, dst []rawToken) ([]rawToken, []byte) {
	var buf []byte
	n := len(text)
	for i := 0; i < n; {
		if c := text[i]; c < utf8.RuneSelf && !isWordByte(c) {
			i++
			continue
		}
		size, ok := wordRuneAt(text, i)
		if !ok {
			i += size
			continue
		}
		start := i
		// Dotted acronym: letter '.' letter '.' ... (dottedEnd only when a
		// dot follows the first byte).
		if i+1 < n && text[i+1] == '.' {
			if j := dottedEnd(text, i); j > 0 {
				t := rawToken{start: start, end: j, dotted: true}
				buf = t.fold(buf, text)
				dst = append(dst, t)
				i = j
				continue
			}
		}
		j := i + size
		for j < n {
			if c := text[j]; c < utf8.RuneSelf && isWordByte(c) {
				j++
				continue
			}
			if s, ok := wordRuneAt(text, j); ok {
				j += s
				continue
			}
			c := text[j]
			if c == '.' && j+1 < n && isDigitByte(text[j-1]) && isDigitByte(text[j+1]) {
				j++
				continue
			}
			if a := apostropheAt(text, j); a > 0 && j+a < n {
				if _, ok := wordRuneAt(text, j+a); ok {
					j += a
					continue
				}
			}
			break
		}
		if j < n && text[j] == '/' && j-start <= 3 {
			j = p.slashEnd(text, start, j)
		}
		if j < n && text[j] == '-' && j-start <= maxHyphenHead {
			j = p.hyphenEnd(text, start, j)
		}
		t := rawToken{start: start, end: j}
		if j-start <= 2 && isDigitByte(text[start]) && isDigitByte(text[j-1]) && j < n && (text[j] == ')' || text[j] == '.') &&
			(j+1 == n || text[j+1] == ' ' || text[j+1] == '\t' || text[j+1] == '\n' || text[j+1] == '\r') &&
			(text[j] == ')' || lineStartBefore(text, start)) {
			t.marker = true
		}
		buf = t.fold(buf, text)
		dst = append(dst, t)
		i = j
	}
	return dst, buf
}
