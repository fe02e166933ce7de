package suggest

import (
	"math/rand"
	"slices"
	"testing"

	"medcode/nlp"
)

// overlapRangeByScan is overlapRange as dropScreened first read it: every
// token of the note tested against the span.
func overlapRangeByScan(doc *nlp.Document, start, end int) []int {
	var out []int
	for k := range doc.Tokens {
		if doc.Tokens[k].End <= start || doc.Tokens[k].Start >= end {
			continue
		}
		out = append(out, k)
	}
	return out
}

// TestOverlapRangeAgreesWithScan: the binary-searched run of overlapRange
// is the tokens a scan of the whole note finds sharing a byte with the
// span, for random spans (empty ones, ones starting or ending inside a
// token, beyond the text) of analysed notes.
func TestOverlapRangeAgreesWithScan(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	for _, text := range []string{"", "HIV screening today.", "Screened for depression, colon cancer screening with colonoscopy.",
		"  Pt.  is a 54 y/o  w/ h/o HTN; DM2 (A1c 7.2%).\n\nPLAN: mammogram for breast cancer screening.  ", "x"} {
		doc := pipe.Analyze(text)
		for trial := range 2000 {
			start := r.Intn(len(text)+4) - 2
			end := start + r.Intn(12) - 2
			lo, hi := overlapRange(doc, start, end)
			var got []int
			for k := lo; k < hi; k++ {
				got = append(got, k)
			}
			if want := overlapRangeByScan(doc, start, end); !slices.Equal(got, want) {
				t.Fatalf("%q trial %d: overlapRange(%d, %d) = %v, want %v", text, trial, start, end, got, want)
			}
		}
	}
}

// TestTokenRangeAgreesWithScan: tokenRange's run is the tokens a scan of
// the whole note finds within the span, for random spans (empty ones,
// ones starting or ending inside a token, beyond the text) of analysed
// notes.
func TestTokenRangeAgreesWithScan(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(36))
	nonEmpty := 0
	for _, text := range []string{"", "HIV screening today.", "Fracture of the left radius, initial encounter; fall from ladder.",
		"  Pt.  is a 54 y/o  w/ h/o HTN; DM2 (A1c 7.2%).\n\nPLAN: cast, follow up in 2 weeks.  ", "x"} {
		doc := pipe.Analyze(text)
		for trial := range 2000 {
			start := r.Intn(len(text)+4) - 2
			end := start + r.Intn(30) - 2
			lo, hi := tokenRange(doc, start, end)
			var got, want []int
			for k := lo; k < hi; k++ {
				got = append(got, k)
			}
			for k := range doc.Tokens {
				if doc.Tokens[k].Start >= start && doc.Tokens[k].End <= end {
					want = append(want, k)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%q trial %d: tokenRange(%d, %d) = %v, want %v", text, trial, start, end, got, want)
			}
			if len(want) > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty == 0 {
		t.Fatal("no span holds a token: the test holds nothing")
	}
}
