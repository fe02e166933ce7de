package suggest

import (
	"slices"
	"testing"

	"medcode/internal/testenv"
	"medcode/nlp"
)

// keptTerms appends to dst the indexes in sent of the terms a search
// reads: all but those of a section's header or a sub-heading (label, per
// token of the note). It is the plain form of the queryTerms' qtKept.
func keptTerms(doc *nlp.Document, sent []nlp.Term, label []bool, dst []int32) []int32 {
	for k := range sent {
		t := &sent[k]
		if inHeader(doc, *t) || label[t.Tok] {
			continue
		}
		dst = append(dst, int32(k))
	}
	return dst
}

// TestQueryTermsAgree holds what noteTermIDs finds of the terms for the
// searches to what searchSentence read of them: over the CodiEsp dev
// notes, the sentences' ends are those of the scan for runs of terms of
// one sentence, a term is kept exactly when keptTerms keeps it, and its
// token, prefix and expansion flags are the term's.
func TestQueryTermsAgree(t *testing.T) {
	testenv.SkipUnderRace(t)
	t.Parallel()
	e := SharedEngine(t)
	notes := firstDevNotes(t, 80)
	prefixes, expanded, dropped := 0, 0, 0
	for i, text := range notes {
		doc := e.pipe.Analyze(text)
		w := e.getWork(0)
		w.sc.label = doc.LabelTokens(w.sc.label)
		e.noteTermIDs(w, doc, w.sc.label)
		terms := doc.Terms
		var ends []int32
		for lo := 0; lo < len(terms); {
			hi := lo + 1
			for hi < len(terms) && terms[hi].Sent == terms[lo].Sent {
				hi++
			}
			ends = append(ends, int32(hi))
			lo = hi
		}
		if !slices.Equal(w.sc.ends, ends) {
			t.Fatalf("note %d: sentence ends %v, want %v", i, w.sc.ends, ends)
		}
		lo := 0
		for _, end := range ends {
			sent := terms[lo:end]
			kept := keptTerms(doc, sent, w.sc.label, nil)
			for k := range sent {
				tm, qt := &sent[k], w.sc.qterms[lo+k]
				isKept := false
				for _, j := range kept {
					isKept = isKept || int(j) == k
				}
				if qt.flags&qtKept != 0 != isKept || qt.tok != int32(tm.Tok) ||
					qt.flags&qtPrefix != 0 != (tm.Start < doc.Tokens[tm.Tok].Start) || qt.flags&qtExpanded != 0 != tm.Expanded {
					t.Fatalf("note %d term %d (%q): query term %+v, kept %v", i, lo+k, tm.Stem, qt, isKept)
				}
				if isKept && tm.Start < doc.Tokens[tm.Tok].Start {
					prefixes++
				}
				if isKept && tm.Expanded {
					expanded++
				}
			}
			dropped += len(sent) - len(kept)
			lo = int(end)
		}
		e.putWork(w)
	}
	if prefixes == 0 || expanded == 0 || dropped == 0 {
		t.Fatalf("a case untested: %d prefixes, %d expanded, %d dropped", prefixes, expanded, dropped)
	}
}
