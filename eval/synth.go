package eval

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"medcode/corpus"
	"medcode/index"
)

// SynthOptions configure SyntheticCases. The zero value works.
type SynthOptions struct {
	Cases int    // notes to write; 0 = 500
	Codes int    // statements (codes) per note; 0 = 3
	Seed  uint64 // the same seed writes the same notes
}

// synthTemplates put a diagnostic statement in a sentence the way US notes
// state diagnoses.
var synthTemplates = []string{
	"Assessment: %s.",
	"Diagnosis: %s.",
	"Impression: %s.",
	"The patient is seen today for %s.",
	"Problem list includes %s.",
	"Findings are consistent with %s.",
	"Plan: continue treatment of %s.",
}

// SyntheticCases writes labelled notes from the code sets alone: each note
// states Codes random billable ICD-10-CM codes (a random category, then a
// random code of it), each by its long title or
// one of its Tabular inclusion terms (non-essential bracketed words
// dropped at random) in a sentence of synthTemplates; the gold codes are
// the stated ones. Training mixes them with labelled notes so the ranker
// and its calibration see notes that state diagnoses plainly, not only
// one corpus's case reports. They are written from the code sets, never
// from a test suite.
func SyntheticCases(set *corpus.Set, o SynthOptions) []Case {
	if o.Cases <= 0 {
		o.Cases = 500
	}
	if o.Codes <= 0 {
		o.Codes = 3
	}
	// Categories are drawn uniformly, then a billable code of the
	// category: every chapter is stated, not mostly injuries.
	var cats [][]corpus.ID
	at := map[string]int{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if !b.Billable {
			continue
		}
		i, ok := at[category(b.Code)]
		if !ok {
			i = len(cats)
			at[category(b.Code)] = i
			cats = append(cats, nil)
		}
		cats[i] = append(cats[i], id)
	}
	if len(cats) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	out := make([]Case, 0, o.Cases)
	for i := range o.Cases {
		var sents []string
		var gold []Gold
		for range o.Codes {
			cat := cats[r.IntN(len(cats))]
			c := set.Code(cat[r.IntN(len(cat))])
			names := []string{c.Display}
			for _, n := range c.Names {
				if n.Kind == corpus.NameInclusion {
					names = append(names, n.Text)
				}
			}
			name := names[r.IntN(len(names))]
			if r.IntN(2) == 0 {
				name = index.WithoutBracketed(name)
			}
			name = strings.TrimSuffix(strings.TrimSpace(name), ".")
			if name == "" {
				name = c.Display
			}
			// Lower-case the first letter at random, acronyms aside.
			if len(name) > 1 && name[1] >= 'a' && name[1] <= 'z' && r.IntN(2) == 0 {
				name = strings.ToLower(name[:1]) + name[1:]
			}
			sents = append(sents, fmt.Sprintf(synthTemplates[r.IntN(len(synthTemplates))], name))
			gold = append(gold, Gold{System: corpus.ICD10CM, Code: c.Code})
		}
		out = append(out, Case{ID: fmt.Sprintf("synthetic-%d", i+1), Text: strings.Join(sents, " "), Gold: gold})
	}
	return out
}

// category is the three-character category of an ICD-10-CM code.
func category(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
