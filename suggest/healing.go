package suggest

import (
	"slices"

	"medcode/nlp"
)

// A fracture's seventh character states the encounter and how the
// fracture heals (routine, delayed, nonunion, malunion). Radiology reports
// and follow-up notes state the healing in a sentence of its own
// ("IMPRESSION: Nonunion at the fracture site") and in their own words
// ("delayed union", "callus formation", "non-union"): noteHealing reads
// them for the seventh-character chooser. A fracture that is healing,
// healed badly or not at all is seen at a subsequent encounter.

// healingWord returns the word of the Tabular List's seventh-character
// meanings (besides "subsequent encounter") that a note's word stating how
// a fracture heals stands for, "" for any other word. "Healed" alone is
// not among them: a healed fracture is history (Z87.81), unless it healed
// badly. A switch, not a map: it is asked of every token of every note.
func healingWord(w string) string {
	switch w {
	case "nonunion", "ununited":
		return "nonunion"
	case "malunion", "malunited":
		return "malunion"
	case "healing", "callus":
		return "healing"
	}
	return ""
}

// fractureWord says whether w names a fracture in a sentence that states
// its healing.
func fractureWord(w string) bool {
	return w == "fracture" || w == "fractures" || w == "fx"
}

// fractureCues are the words fractureWord tells, a list of ruleCueLists:
// the rule note's one pass over the tokens finds them, and noteHealing
// reads only their sentences.
var fractureCues = phrases("fracture|fractures|fx")

// healingNote is the healing a note states for a fracture, read once
// per note (noteHealing).
type healingNote struct {
	done  bool
	words []string
	// rn, when set, is the rule note of the note (discriminate sets it
	// after index, which clears it): its cues of fractureCues are the
	// tokens namesFracture looks for, so only their sentences are read.
	rn *ruleNote
}

// reset forgets the note's healing words.
func (h *healingNote) reset() {
	h.done = false
	h.words = h.words[:0]
	h.rn = nil
}

// noteHealing returns the words the healing the note states adds to the
// words of a fracture stem's sentences (one whose seventh-character rows
// name a nonunion: the caller asks only for such a stem): the words of
// the sentences that name a fracture and its healing, a note's "delayed
// union" read as the Tabular's "delayed healing" and "non-union" as its
// "nonunion", and, when there is any, "subsequent encounter": any
// healing word says the encounter is a subsequent one. The note is read
// once; callers only read the result.
func (r *sentenceRanges) noteHealing(doc *nlp.Document) []string {
	if !r.heal.done {
		if rn := r.heal.rn; rn != nil && rn.doc == doc && r.tokRun {
			r.heal.words = readHealingCues(doc, r, rn.cues(fractureCues), r.heal.words[:0])
		} else {
			r.heal.words = readHealing(doc, r, r.heal.words[:0])
		}
		r.heal.done = true
	}
	return r.heal.words
}

// readHealingCues is readHealing reading only the sentences of the
// fracture words fx (the cues of fractureCues) that are not negated: the
// sentences namesFracture passes, when each sentence's tokens are one run
// of doc.Tokens (sr.tokRun), fx then in sentence order
// (TestReadHealingCues holds it to readHealing).
func readHealingCues(doc *nlp.Document, sr *sentenceRanges, fx []cue, add []string) []string {
	last := -1
	for _, c := range fx {
		if c.assert&nlp.Negated != 0 || c.sent <= last || c.sent >= len(sr.tok) {
			continue
		}
		last = c.sent
		add = sentenceHealing(doc, sr, c.sent, add)
	}
	return settleHealing(add)
}

// readHealing appends to add the healing words of the note (see
// noteHealing).
func readHealing(doc *nlp.Document, sr *sentenceRanges, add []string) []string {
	for s := range doc.Sentences {
		if s >= len(sr.tok) {
			break
		}
		// Only a sentence naming a fracture states its healing: most
		// name none, and are read once, for the fracture word alone.
		if !namesFracture(doc, sr.tok[s][0], sr.tok[s][1]) {
			continue
		}
		add = sentenceHealing(doc, sr, s, add)
	}
	return settleHealing(add)
}

// sentenceHealing appends to add the healing words of sentence s, one
// naming a fracture (readHealing).
func sentenceHealing(doc *nlp.Document, sr *sentenceRanges, s int, add []string) []string {
	for i := sr.tok[s][0]; i < sr.tok[s][1]; i++ {
		t := &doc.Tokens[i]
		if t.Assert&nlp.Negated != 0 {
			continue
		}
		if hw := healingWord(t.Norm); hw != "" {
			add = append(add, hw)
		}
		next := ""
		if i+1 < sr.tok[s][1] && doc.Tokens[i+1].Assert&nlp.Negated == 0 {
			next = doc.Tokens[i+1].Norm
		}
		switch {
		case (t.Norm == "non" || t.Norm == "mal") && next == "union":
			add = append(add, t.Norm+"union")
		case t.Norm == "delayed" && (next == "union" || next == "healing"):
			add = append(add, "delayed", "healing")
		}
	}
	return add
}

// settleHealing is readHealing's answer from the healing words add of the
// sentences naming a fracture.
func settleHealing(add []string) []string {
	if len(add) == 0 {
		return add
	}
	// The worse healing is the one stated: "incomplete healing ... delayed
	// union" is not routine healing.
	if slices.ContainsFunc(add, func(w string) bool { return w == "nonunion" || w == "malunion" || w == "delayed" }) {
		add = slices.DeleteFunc(add, func(w string) bool { return w == "healing" && !slices.Contains(add, "delayed") })
	}
	return append(add, "subsequent", "encounter")
}

// namesFracture reports whether a token of doc.Tokens[lo:hi] that is not
// negated names a fracture (fractureWord).
func namesFracture(doc *nlp.Document, lo, hi int32) bool {
	for i := lo; i < hi; i++ {
		if t := &doc.Tokens[i]; t.Assert&nlp.Negated == 0 && fractureWord(t.Norm) {
			return true
		}
	}
	return false
}
