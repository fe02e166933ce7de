package suggest

import (
	"slices"

	"medcode/corpus"
)

// Grounding keeps learned phrases honest: a phrase mined from labelled
// notes may point at its code only when at least half its content words
// (stems the analyser keeps, stop words aside) occur in the names of the
// code or of its ancestors. "diabetic" may point at E11.9; "insulin pump" may not
// point at a code whose names never say so, whatever the training notes'
// code distribution. Priors and learned phrases break ties; they never
// stand in for documented words.

// Grounder answers Grounded for many phrases, remembering each code's
// name stems.
type Grounder struct {
	set     *corpus.Set
	stems   func(string) []string
	memo    map[corpus.ID][]string
	generic map[string]bool
}

// groundingGeneric are words of code names that say what kind of thing a
// code is, not which: they ground nothing ("coronary disease" does not
// name Z87.891 through its ancestor's "Personal history of other diseases
// and conditions").
var groundingGeneric = append([]string{"disease", "diseases", "disorder", "disorders", "condition", "conditions", "history", "personal", "status", "type", "and", "or"}, vagueWords...)

// NewGrounder returns a Grounder over set; stems analyses text as the
// index does (index.Index.Stems).
func NewGrounder(set *corpus.Set, stems func(string) []string) *Grounder {
	g := &Grounder{set: set, stems: stems, memo: map[corpus.ID][]string{}, generic: map[string]bool{}}
	for _, w := range groundingGeneric {
		for _, s := range stems(w) {
			g.generic[s] = true
		}
	}
	return g
}

// Grounded reports whether at least half the content stems of phrase (and
// one at least) occur in the names of the code (system, code) or of its
// ancestors; the names' generic words (groundingGeneric) ground nothing. A code not in the set is not grounded.
func (g *Grounder) Grounded(sys corpus.System, code, phrase string) bool {
	id, ok := g.set.ID(sys, code)
	if !ok {
		return false
	}
	names, ok := g.memo[id]
	if !ok {
		for c := id; c != 0; {
			cd := g.set.Code(c)
			if cd == nil {
				break
			}
			for _, n := range cd.Names {
				if n.Kind == corpus.NameLearned || n.Kind == corpus.NameCrossRef {
					continue // not the code's own words: learned, or a pointer to it
				}
				for _, s := range g.stems(n.Text) {
					if !g.generic[s] && !slices.Contains(names, s) {
						names = append(names, s)
					}
				}
			}
			if cd.Parent == "" {
				break
			}
			c, _ = g.set.ID(sys, cd.Parent)
		}
		g.memo[id] = names
	}
	// At least half the phrase's words, not one word of many: "deep
	// vein thrombosis" shares only "vein" with R58's index entry "Rupture,
	// splenic vein" and does not name a hemorrhage.
	ps := g.stems(phrase)
	shared := 0
	for _, s := range ps {
		if slices.Contains(names, s) {
			shared++
		}
	}
	return shared > 0 && 2*shared >= len(ps)
}
