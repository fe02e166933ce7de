package index

import (
	"slices"
	"strings"

	"medcode/corpus"
)

// matchSource returns the part of a name the index analyses: a
// cross-reference name (corpus.CrossRefName) is matched on its referring
// path alone, "Stenosis, carotid" of "Stenosis, carotid -> see Occlusion,
// artery, carotid"; the target stays in the name's text as provenance.
func matchSource(kind corpus.NameKind, text string) string {
	if kind == corpus.NameCrossRef {
		if from, _, ok := corpus.CutCrossRef(text); ok {
			return from
		}
	}
	return text
}

// crossRefWithoutVariants is WithoutVariants for a cross-reference name:
// the referring path loses its main term's variants ("Stenosis, stenotic,
// carotid" is also "Stenosis, carotid"), the target is kept; "" when the
// path has none.
func crossRefWithoutVariants(text string) string {
	from, to, ok := corpus.CutCrossRef(text)
	if !ok {
		return ""
	}
	v := WithoutVariants(from)
	if v == "" {
		return ""
	}
	return corpus.CrossRefName(v, to)
}

// weighsTerms reports whether names of kind k count in the document
// frequencies behind term weights. Cross-reference names do not: they
// repeat the words of other index paths (a main term heads hundreds of
// references), and counting them would make every such word look common
// and shift the weight of every name's terms.
func weighsTerms(k corpus.NameKind) bool { return k != corpus.NameCrossRef }

// commonWordNames is how many other names a word must appear in to be too
// common to stand alone as a cross-reference name.
const commonWordNames = 200

// dropRedundantCrossRefs removes the cross-reference names that add
// nothing a note could be matched on, or match what they should not:
//   - one common word: "Age - see Senility", "Condition - see Disease",
//     "Admission - see Encounter" point a coder who looks the word up
//     somewhere, but a note writes "age", "condition" and "admission" in
//     every other sentence ("gestational age", "advanced maternal age").
//     A word is common when the other names (official titles, inclusion
//     terms, index paths, tables) hold it commonWordNames times or more;
//     "Fibroid - see Leiomyoma" and "Bruise - see Contusion" stay;
//   - one word that is a form of the target's own main term: "Adherent -
//     see Adhesions", "Calcified - see Calcification" send the adjective
//     to its noun, but a note's lone adjective is seldom the condition
//     ("medication adherence" is no adhesion);
//   - words that one of the code's own names already holds: "Mellitus,
//     diabetes - see Diabetes" says nothing "Type 2 diabetes mellitus"
//     does not, and would only compete with it in the wrong order.
func dropRedundantCrossRefs(raw []rawName) []rawName {
	df := map[string]int{}
	own := map[int32][][]string{}
	for _, r := range raw {
		if weighsTerms(r.kind) {
			for _, s := range r.stems {
				df[s]++
			}
			own[r.code] = append(own[r.code], r.stems)
		}
	}
	return slices.DeleteFunc(raw, func(r rawName) bool {
		if r.kind != corpus.NameCrossRef {
			return false
		}
		if len(r.stems) == 1 && (df[r.stems[0]] >= commonWordNames || adjectiveRef(r.text)) {
			return true
		}
		for _, o := range own[r.code] {
			if subset(r.stems, o) {
				return true
			}
		}
		return false
	})
}

// subset reports whether every stem of a is in b.
func subset(a, b []string) bool {
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}

// adjectiveRef reports whether a cross-reference name is a lone word
// referring to its own noun (variantOf): "Adherent -> see Adhesions".
func adjectiveRef(text string) bool {
	from, to, ok := corpus.CutCrossRef(text)
	if !ok || strings.ContainsAny(from, ", ") {
		return false
	}
	head, _, _ := strings.Cut(to, ",")
	head = strings.ToLower(strings.TrimSpace(head))
	if strings.Contains(head, " ") {
		return false
	}
	return variantOf(head, strings.ToLower(from))
}
