package index

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestShareTexts: an index reading its names' texts from the code set
// reads every text, code and term it read from its own arena, writes the
// same snapshot and searches alike; its arena keeps only what it does not
// share.
func TestShareTexts(t *testing.T) {
	for _, how := range []string{"built", "read"} {
		t.Run(how, func(t *testing.T) {
			ix := build(t)
			if how == "read" {
				var buf bytes.Buffer
				if err := ix.Write(&buf); err != nil {
					t.Fatal(err)
				}
				var err error
				if ix, err = Read(buf.Bytes()); err != nil {
					t.Fatal(err)
				}
			}
			var before bytes.Buffer
			if err := ix.Write(&before); err != nil {
				t.Fatal(err)
			}
			texts := make([]string, ix.Len())
			for n := range texts {
				texts[n] = ix.NameText(int32(n))
			}
			codes := make([]CodeRef, ix.Codes())
			for c := range codes {
				codes[c] = ix.Code(int32(c))
			}
			terms := make([]string, ix.Terms())
			for id := range terms {
				terms[id] = ix.Term(uint32(id))
			}
			q := query(t, ix, "type 2 diabetes mellitus with hyperglycemia and essential hypertension")
			hits := ix.Search(q, SearchOptions{MinCoverage: 0.5})
			arena := len(ix.arena)

			shared := ix.ShareTexts(testSet())
			if shared == 0 || shared > ix.Len() {
				t.Fatalf("ShareTexts shared %d of %d names", shared, ix.Len())
			}
			if len(ix.arena) >= arena {
				t.Errorf("arena %d bytes after sharing, %d before", len(ix.arena), arena)
			}
			if again := ix.ShareTexts(testSet()); again != 0 {
				t.Errorf("a second ShareTexts shared %d", again)
			}
			for n, want := range texts {
				if got := ix.NameText(int32(n)); got != want {
					t.Errorf("name %d: %q, was %q", n, got, want)
				}
			}
			for c, want := range codes {
				if got := ix.Code(int32(c)); got != want {
					t.Errorf("code %d: %v, was %v", c, got, want)
				}
			}
			for id, want := range terms {
				if got := ix.Term(uint32(id)); got != want {
					t.Errorf("term %d: %q, was %q", id, got, want)
				}
				if got, ok := ix.TermID(want); !ok || got != uint32(id) {
					t.Errorf("TermID(%q) = %d, %v, want %d", want, got, ok, id)
				}
			}
			if got := ix.Search(q, SearchOptions{MinCoverage: 0.5}); len(hits) == 0 || !reflect.DeepEqual(got, hits) {
				t.Errorf("search: %v, was %v", got, hits)
			}
			var after bytes.Buffer
			if err := ix.Write(&after); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after.Bytes(), before.Bytes()) {
				t.Error("the snapshot differs after ShareTexts")
			}
		})
	}
}

func TestWithin(t *testing.T) {
	base := strings.Clone("heart failure, unspecified")
	tests := []struct {
		name    string
		t, s    string
		wantOff uint32
		wantOK  bool
	}{
		{"a part of base", base[6:13], "failure", 6, true},
		{"all of base", base, base, 0, true},
		{"equal bytes elsewhere", strings.Clone("failure"), "failure", 0, false},
		{"longer than base, elsewhere", strings.Clone(base + " and more"), base + " and more", 0, false},
		{"t does not hold s", base[6:13], "heart", 0, false},
		{"empty", base[:0], "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, ok := within(base, tt.t, tt.s)
			if off != tt.wantOff || ok != tt.wantOK {
				t.Errorf("within = %d, %v; want %d, %v", off, ok, tt.wantOff, tt.wantOK)
			}
		})
	}
}
