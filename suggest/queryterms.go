package suggest

import "medcode/nlp"

// queryTerm is what a sentence's searches read of one of the note's
// terms besides its ids: its token (the query position) and its flags
// (qtKept, qtPrefix, qtExpanded). noteTermIDs finds them in its one pass
// over the note's terms, with the sentences' ends, so that the two
// searches of a sentence read eight bytes a term and not the term, a
// line every term or so, which the searches between two sentences had
// evicted; the sentences' bounds are not found by another scan of the
// terms (TestQueryTermsAgree holds them to keptTerms and that scan).
type queryTerm struct {
	tok   int32
	flags uint8
}

// Flags of a queryTerm.
const (
	// qtKept: the searches read the term (keptTerms): it is in no
	// section's header nor a body-system sub-heading.
	qtKept = 1 << iota
	// qtPrefix: the term starts before its token, a compound's prefix
	// ("pre-eclampsia"), part of its evidence.
	qtPrefix
	// qtExpanded: the term comes from an abbreviation's expansion.
	qtExpanded
)

// queryTermOf is the queryTerm of t, a term of doc (label: per token of
// the note, in a body-system sub-heading).
func queryTermOf(doc *nlp.Document, t *nlp.Term, label []bool) queryTerm {
	q := queryTerm{tok: int32(t.Tok)}
	if !inHeader(doc, *t) && !label[t.Tok] {
		q.flags |= qtKept
	}
	if t.Start < doc.Tokens[t.Tok].Start {
		q.flags |= qtPrefix
	}
	if t.Expanded {
		q.flags |= qtExpanded
	}
	return q
}
