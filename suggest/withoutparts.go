package suggest

import (
	"strings"

	"medcode/index"
)

// withoutParts are the stems of a "without" name's negative part (what
// follows each "without" up to a comma, "with" or "in") and of its
// positive part (what comes before the first "without" or after a
// "with"), as withoutClash reads them.
type withoutParts struct {
	neg, pos []string
}

// withoutPartsOf splits name into its parts; pos is left empty when the
// name has no negative part (withoutClash then says nothing).
func withoutPartsOf(ix *index.Index, name string) *withoutParts {
	lower := strings.ToLower(name)
	var neg []string
	parts := strings.Split(lower, "without ")
	positive := parts[0]
	for _, part := range parts[1:] {
		cut := len(part)
		for _, stop := range []string{",", " with ", " in ", ";", "(", "["} {
			if i := strings.Index(part, stop); i >= 0 && i < cut {
				cut = i
			}
		}
		neg = append(neg, ix.Stems(part[:cut])...)
		if rest := part[cut:]; strings.HasPrefix(rest, " with ") || strings.HasPrefix(rest, ", with ") {
			positive += " " + rest // "fluctuations" of "..., with fluctuations"; ", involving the body" says neither
		}
	}
	if len(neg) == 0 {
		return &withoutParts{}
	}
	return &withoutParts{neg: neg, pos: ix.Stems(positive)}
}

// withoutOf is withoutPartsOf the text of name n of ix (the learned index
// when learned), split once per engine.
func (e *Engine) withoutOf(ix *index.Index, learned bool, n int32) *withoutParts {
	return e.without.get(ix, learned, n, withoutPartsOf)
}
