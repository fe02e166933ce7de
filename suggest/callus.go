package suggest

import (
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// boneCallus drops a skin code (chapter 12, L00-L99) found on the word
// "callus" when every sentence of its evidence names a fracture: the
// callus of a healing fracture ("Healing fracture with callus formation")
// is bone, not a corn or callosity of the skin. The fracture's seventh
// character reads the healing (healing.go).
func boneCallus(doc *nlp.Document, res *Result, rej []Rejection) []Rejection {
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		s := &res.Suggestions[i] // read in place, not copied: used before drop alone
		if s.System != string(corpus.ICD10CM) || s.Code == "" || s.Code[0] != 'L' || len(s.Evidence) == 0 {
			continue
		}
		bone := true
		for _, ev := range s.Evidence {
			if !strings.Contains(strings.ToLower(ev.Text), "callus") || !sentenceNamesFracture(doc, ev) {
				bone = false
				break
			}
		}
		if bone {
			rej = append(rej, drop(res, i, "contradicted", "the callus the note names is a healing fracture's bone callus, not the skin's"))
		}
	}
	return rej
}

// sentenceNamesFracture reports whether a sentence holding evidence ev
// names a fracture (fractureWord), affirmed.
func sentenceNamesFracture(doc *nlp.Document, ev Evidence) bool {
	for _, sn := range evidenceSentences(doc, []Evidence{ev}) {
		if sn < 0 || sn >= len(doc.Sentences) {
			continue
		}
		sp := doc.Sentences[sn]
		lo, hi := tokenRange(doc, sp.Start, sp.End)
		for _, t := range doc.Tokens[lo:hi] {
			if t.Assert&nlp.Negated == 0 && fractureWord(t.Norm) {
				return true
			}
		}
	}
	return false
}
