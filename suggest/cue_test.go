package suggest

import (
	"reflect"
	"testing"

	"medcode/nlp"
)

// findCuesNaive is findCues without the first-word filter: every phrase
// tried at every token.
func findCuesNaive(doc *nlp.Document, ps []phrase) []cue {
	var out []cue
	toks := doc.Tokens
	for i := range toks {
		best := -1
		for _, p := range ps {
			j := i + len(p) - 1
			if j >= len(toks) || toks[j].Sent != toks[i].Sent || j <= best {
				continue
			}
			ok := true
			for k, w := range p {
				ok = ok && wordMatch(toks[i+k].Norm, w)
			}
			if ok {
				best = j
			}
		}
		if best >= 0 {
			c := cue{start: toks[i].Start, end: toks[best].End, sent: toks[i].Sent, sec: toks[i].Section, tok: i, last: best}
			for k := i; k <= best; k++ {
				c.assert |= toks[k].Assert
			}
			out = append(out, c)
		}
	}
	return out
}

// TestFindCuesFilter: the first-word filter never drops an occurrence,
// for exact words, wildcards of any prefix length, one-letter tokens and
// phrases cut by a sentence end.
func TestFindCuesFilter(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	note := "Pt is a 4 y/o boy seen for well child exam. Vaccines given today: DTaP, IPV. " +
		"No history of vaccination reaction. Currently taking insulin glargine and aspirin 81 mg daily. " +
		"Mother states he was vaccinated. A. Plan: return in 1 month. Insulin. Glargine given."
	doc := pipe.Analyze(note)
	for _, tc := range []struct {
		name string
		ps   []phrase
		want int // occurrences at least: the test must see some
	}{
		{"exact words", phrases("insulin|aspirin|mother|plan"), 4},
		{"multi-word", phrases("insulin glargine|well child exam|return in"), 3},
		{"long wildcard", phrases("vaccin*|glarg*"), 4},
		{"short wildcard", phrases("v*|i*"), 5},
		{"one-letter word", phrases("a|a plan"), 2},
		{"phrase across a sentence end", phrases("insulin glargine given|daily mother"), 0},
		{"empty list", nil, 0},
	} {
		got, want := findCues(doc, tc.ps), findCuesNaive(doc, tc.ps)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: findCues = %+v, want %+v", tc.name, got, want)
		}
		if len(want) < tc.want {
			t.Errorf("%s: %d occurrences, want at least %d", tc.name, len(want), tc.want)
		}
	}
}
