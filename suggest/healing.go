package suggest

import (
	"maps"
	"slices"

	"medcode/corpus"
	"medcode/nlp"
)

// A fracture's seventh character states the encounter and how the
// fracture heals (routine, delayed, nonunion, malunion). Radiology reports
// and follow-up notes state the healing in a sentence of its own
// ("IMPRESSION: Nonunion at the fracture site") and in their own words
// ("delayed union", "callus formation", "non-union"): healingSaid reads
// them for the seventh-character chooser. A fracture that is healing,
// healed badly or not at all is seen at a subsequent encounter.

// healingWords are the words that state how a fracture heals, mapped to
// the words of the Tabular List's seventh-character meanings they stand
// for (besides "subsequent encounter"). "Healed" alone is not among them:
// a healed fracture is history (Z87.81), unless it healed badly.
var healingWords = map[string][]string{
	"nonunion": {"nonunion"}, "ununited": {"nonunion"},
	"malunion": {"malunion"}, "malunited": {"malunion"},
	"healing": {"healing"}, "callus": {"healing"},
}

// fractureWords name a fracture in a sentence that states its healing.
var fractureWords = map[string]bool{"fracture": true, "fractures": true, "fx": true}

// healingSaid returns said with the healing the note states for a
// fracture stem (one whose seventh-character rows name a nonunion): the
// words of the sentences that name a fracture and its healing join the
// candidate's sentences' words, a note's "delayed union" is the
// Tabular's "delayed healing" and "non-union" its "nonunion", and any
// healing word says the encounter is a subsequent one. said is not
// changed; a clone is returned when anything is added.
func healingSaid(doc *nlp.Document, sr *sentenceRanges, said map[string]bool, ext []corpus.Extension) map[string]bool {
	if !slices.ContainsFunc(ext, func(x corpus.Extension) bool { return slices.Contains(sr.meaningWords(x.Text), "nonunion") }) {
		return said
	}
	var add []string
	for s := range doc.Sentences {
		if s >= len(sr.tok) {
			break
		}
		fracture := false
		var words []string
		for i := sr.tok[s][0]; i < sr.tok[s][1]; i++ {
			t := &doc.Tokens[i]
			if t.Assert&nlp.Negated != 0 {
				continue
			}
			fracture = fracture || fractureWords[t.Norm]
			words = append(words, healingWords[t.Norm]...)
			next := ""
			if i+1 < sr.tok[s][1] && doc.Tokens[i+1].Assert&nlp.Negated == 0 {
				next = doc.Tokens[i+1].Norm
			}
			switch {
			case (t.Norm == "non" || t.Norm == "mal") && next == "union":
				words = append(words, t.Norm+"union")
			case t.Norm == "delayed" && (next == "union" || next == "healing"):
				words = append(words, "delayed", "healing")
			}
		}
		if fracture && len(words) > 0 {
			add = append(add, words...)
		}
	}
	if len(add) == 0 {
		return said
	}
	// The worse healing is the one stated: "incomplete healing ... delayed
	// union" is not routine healing.
	if slices.ContainsFunc(add, func(w string) bool { return w == "nonunion" || w == "malunion" || w == "delayed" }) {
		add = slices.DeleteFunc(add, func(w string) bool { return w == "healing" && !slices.Contains(add, "delayed") })
	}
	out := maps.Clone(said)
	for _, w := range append(add, "subsequent", "encounter") {
		out[w] = true
	}
	return out
}
