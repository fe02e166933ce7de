package nlp

import (
	"slices"
	"strings"
	"testing"
)

// FuzzFindSections holds findSections, with its searches for the header
// ends, to findSectionsPlain, the byte loop it replaced.
func FuzzFindSections(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add(benchNote)
	f.Add("PMH: HTN. PSH: none; Allergies: NKDA\nx. Plan - rest. Labs - ok\n - Plan - x\nA - B: c. D: e - f")
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := p.findSections(text, nil), p.findSectionsPlain(text, nil); !slices.Equal(got, want) {
			t.Fatalf("findSections(%q) = %v, want %v", text, got, want)
		}
	})
}

// TestFindSectionsNotes holds findSections to findSectionsPlain on the
// test and dev notes.
func TestFindSectionsNotes(t *testing.T) {
	p := testPipeline(t)
	n := 0
	for _, text := range testNotes(t) {
		got, want := p.findSections(text, nil), p.findSectionsPlain(text, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("findSections differs from findSectionsPlain on a note: %v vs %v", got, want)
		}
		n += len(got)
	}
	if n == 0 {
		t.Fatal("no sections found: the test cannot fail")
	}
}

// FuzzSpacedDash holds spacedDash to strings.Index(s, " - ").
func FuzzSpacedDash(f *testing.F) {
	for _, s := range []string{"", "-", " - ", "a - b", "a -b - c", "--  - ", "x -", "- x", "a-b", " -- - "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := spacedDash(s), strings.Index(s, " - "); got != want {
			t.Fatalf("spacedDash(%q) = %d, want %d", s, got, want)
		}
	})
}

// FuzzHeaderKey holds headerKey to headerKeyPlain.
func FuzzHeaderKey(f *testing.F) {
	for _, s := range append(fuzzSeeds, "Assessment and Plan", "and", "AND 2", "a b c d e f", "a b c d e f g", "1 2", "Pre-op dx #2", "x \xc3\xa9 y", "History & Physical") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf [96]byte
		small := len(s) <= len(buf)
		got, ok := headerKey(buf[:0], s)
		want, wantOK := headerKeyPlain(nil, s)
		if ok != wantOK || ok && string(got) != string(want) {
			t.Fatalf("headerKey(%q) = %q, %t, want %q, %t", s, got, ok, want, wantOK)
		}
		if ok && small && len(got) > 0 && &got[0] != &buf[0] {
			t.Fatalf("headerKey(%q) did not write its key in buf", s)
		}
	})
}

// TestHeaderKeyNotes holds headerKey to headerKeyPlain on every line of
// the test and dev notes and on every known header.
func TestHeaderKeyNotes(t *testing.T) {
	var lines []string
	for _, text := range testNotes(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for k := range sectionHeaders {
		lines = append(lines, k, strings.ToUpper(k)+":", "  "+k+" and ")
	}
	var buf [96]byte
	for _, s := range lines {
		got, ok := headerKey(buf[:0], s)
		want, wantOK := headerKeyPlain(nil, s)
		if ok != wantOK || ok && string(got) != string(want) {
			t.Fatalf("headerKey(%q) = %q, %t, want %q, %t", s, got, ok, want, wantOK)
		}
	}
}

// headerKeyPlain is headerKey as written before it folded by a table in
// one pass: the plain form FuzzHeaderKey holds it to. It builds the
// lookup key of a candidate header: ASCII letters and
// digits lower-cased, other bytes separate words, "and" dropped. ok is false
// when the candidate is too long or has no letter.
func headerKeyPlain(buf []byte, s string) (key []byte, ok bool) {
	key = buf[:0]
	words := 0
	letter := false
	for i := 0; i < len(s); {
		for i < len(s) && !isWordByte(s[i]) {
			if s[i] >= 0x80 {
				return key, false
			}
			i++
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			if isLetterByte(s[j]) {
				letter = true
			}
			j++
		}
		if j == i {
			break
		}
		w := s[i:j]
		i = j
		if len(w) == 3 && strings.EqualFold(w, "and") {
			continue
		}
		words++
		if words > maxHeaderWords {
			return key, false
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			key = append(key, c)
		}
	}
	return key, letter
}

// findSectionsPlain is findSections as written before it searched for
// the header ends (sharing its whole-line headers and spans): the plain
// form FuzzFindSections holds it to.
func (p *Pipeline) findSectionsPlain(text string, dst []Section) []Section {
	var buf [96]byte
	n := len(text)
	for ls := 0; ls < n; {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = n
		} else {
			le += ls
		}
		// Headers ended by a colon anywhere in the line, each starting at
		// the line start or after ". ", "; ".
		start := lineHeaderStart(text, ls, le)
		found := false
		// "Past surgical history - appendectomy": the first " - " of a line
		// ends a header too.
		dashAt := -1
		if k := strings.Index(text[start:le], " - "); k > 0 {
			dashAt = start + k + 1
		}
		// Only a colon or that dash ends a header: a line with neither
		// (most of a narrative's) skips the byte loop.
		k0 := start
		if dashAt < 0 && strings.IndexByte(text[start:le], ':') < 0 {
			k0 = le
		}
		for k := k0; k < le; k++ {
			c := text[k]
			if c == '.' || c == ';' || c == '!' || c == '?' {
				if k+1 < le && text[k+1] == ' ' {
					start = k + 1
					for start < le && text[start] == ' ' {
						start++
					}
				}
				continue
			}
			dash := c == '-' && k == dashAt
			if c != ':' && !dash || k == start || k-start > 60 {
				continue
			}
			hs, he := start, k
			for he > hs && (text[he-1] == ' ' || text[he-1] == '\t') {
				he--
			}
			if key, ok := headerKeyPlain(buf[:0], text[hs:he]); ok {
				if kind, ok := p.headerKind(key); ok {
					dst = append(dst, Section{Kind: kind, Header: Span{hs, he}})
					found = true
				}
			}
			start = k + 1
			for start < le && text[start] == ' ' {
				start++
			}
		}
		if !found {
			hs, he := lineHeaderSpan(text, ls, le)
			dst = p.headerAlone(text, hs, he, buf[:0], dst)
		}
		ls = le + 1
	}
	spanSections(dst, n)
	return dst
}
