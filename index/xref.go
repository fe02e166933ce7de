package index

import "medcode/corpus"

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
