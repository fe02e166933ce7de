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
			if key, ok := headerKey(buf[:0], text[hs:he]); ok {
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
