package suggest

import (
	"math"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Specific beats unspecified. A candidate whose title says "unspecified"
// (or "without complications", the category's default) or that is a
// header steps aside when every one of its good mentions
// reads words that another candidate's fully matched name reads too, and
// more: "pneumonia" in "pneumonia due to Klebsiella pneumoniae" is J15.0,
// not J18.9; "burn ... degree" in "burn of first degree of trunk" is not
// T30.0. Priors and learned phrases may rank the unspecified code; they do
// not keep it against the documented one.

// vague reports whether a code's title names no detail of its category,
// or the code is a header (not billable).
func vague(b corpus.Brief) bool {
	if !b.Billable {
		return true
	}
	d := b.Display
	return strings.Contains(d, "nspecified") || strings.HasSuffix(d, "without complications")
}

// fullReading is a fully matched mention of a kept candidate.
type fullReading struct {
	c       *candidate
	sent    int
	pos     []int32
	chapter string // the chapter of c's code (titleFact.chapter), read once where the reading is found
	title   bool   // the code's official title, stated in full
}

// specific marks the vague candidates whose words a more specific
// candidate reads in full (candidate.lessThan); demote ranks them below it.
func (e *Engine) specific(w *work, doc *nlp.Document, live []*candidate) {
	sr := &w.sr
	full := w.full[:0]
	defer func() { clear(full); w.full = full[:0] }() // the pooled scratch holds no candidate
	// The live candidates' title facts, read once for every pass (titlelive.go).
	// Each pass tests the titles' bits first (titleBits, a dense array):
	// a candidate its title rules out is not read.
	tfs := w.liveTitle.of(e, live)
	bits := w.liveTitle.bitsOf(len(live))
	// refine's readings are read of the same candidates, while their
	// mentions are at hand (refinereadings.go).
	rsc := &w.refine
	rsc.startReadings(live, len(doc.Sentences))
	for i, c := range live {
		if bits[i]&titleICD == 0 || c.sibling {
			continue
		}
		for mi := range c.mentions {
			m := &c.mentions[mi]
			if m.hit.Coverage >= 0.99 && m.partNeg == 0 && !m.learned && len(m.hit.Positions) > 1 && !saysWithout(m.name) {
				full = append(full, fullReading{c, m.sent, m.hit.Positions, tfs[i].chapter, m.kind == corpus.NameTitle})
			}
		}
		rsc.rs = readingsOf(i, c, bits[i], rsc.vagueIn, rsc.rs)
	}
	if len(full) == 0 {
		return
	}
	// By sentence, each sentence's in the order they came: readsMore
	// reads only a mention's sentence's, first found first.
	byS := w.spec.bySentence(full, len(doc.Sentences)) // specificscratch.go
	defer w.spec.reset()
	for i, c := range live {
		if b := bits[i]; !b.vagueICD(b.billable()) || c.sibling || len(c.mentions) == 0 {
			continue
		}
		if by := readsMore(doc, c, tfs[i].chapter, byS, &w.spec); by != nil {
			c.lessThan = by
		}
	}
	// "Other X" claims a specified variety; when the note does not say
	// "other" or "specified" beside the words, it ranks below the
	// category's unspecified code reading the same words.
	type unspecCode struct {
		cat uint32 // categoryKey (refine.go)
		c   *candidate
	}
	var ubuf [32]unspecCode
	var unspec []unspecCode // in live order, built on first need
	built := false
	w.spec.other.reset(len(sr.tok)) // saysOther's answers, per sentence (saysother.go)
	for i, c := range live {
		if !bits[i].has(titleICD|titleOther) || c.lessThan != nil || c.sibling || len(c.mentions) == 0 {
			continue
		}
		m := c.mentions[c.best]
		if w.spec.other.says(doc, sr, m.sent) { // saysOther, once per sentence
			continue
		}
		if !built {
			built, unspec = true, ubuf[:0]
			for j, u := range live {
				if bits[j]&(titleICD|titleNspec|titleOther) == titleICD|titleNspec && !u.sibling && len(u.mentions) > 0 {
					unspec = append(unspec, unspecCode{w.liveTitle.cat(e, j), u})
				}
			}
		}
		cat := w.liveTitle.cat(e, i)
		for _, uc := range unspec {
			u := uc.c
			if uc.cat != cat || u == c || u.lessThan != nil {
				continue
			}
			um := u.mentions[u.best]
			if um.sent == m.sent && um.hit.Coverage >= 0.99 && containsAll(um.hit.Positions, m.hit.Positions) {
				c.lessThan = u
				break
			}
		}
	}
}

// otherCode reports whether a title claims an "other" (specified) variety.
func otherCode(b corpus.Brief) bool {
	d := b.Display
	return strings.HasPrefix(d, "Other ") || strings.HasPrefix(d, "other ") || strings.Contains(d, "ther specified")
}

// saysOther reports whether sentence s says "other" or "specified".
func saysOther(doc *nlp.Document, sr *sentenceRanges, s int) bool {
	return sr.affirmsWord(doc, s, "other") || sr.affirmsWord(doc, s, "specified")
}

// containsAll reports whether every position of sub is in set.
func containsAll(set, sub []int32) bool {
	for _, p := range sub {
		if !slices.Contains(set, p) {
			return false
		}
	}
	return true
}

// demote ranks each scored candidate marked lessThan just below the one
// that documents more, when that one is suggested (at or above the
// decision threshold), with an edit naming it:
// its prior or learned phrases may not put it above the documented code.
// The edit is added in w's result arena (withEdit).
func (e *Engine) demote(w *work, ks []scored) {
	if !slices.ContainsFunc(ks, func(k scored) bool { return k.c.lessThan != nil }) {
		return // nothing less specific
	}
	for i := range ks {
		k := &ks[i]
		if k.c.lessThan == nil {
			continue
		}
		j, ok := scoredAt(ks, k.c.lessThan) // refine.go
		if !ok {
			continue
		}
		s := &ks[j]
		if s.conf < e.DecisionThreshold() {
			continue // the specific code is not suggested: nothing to yield to
		}
		if k.conf > s.conf || k.conf == s.conf && k.z >= s.z {
			k.conf = round(math.Max(0, s.conf-0.0001), 4)
			k.z = round(math.Min(k.z, s.z)-1e-6, 6)
		}
		k.edits = w.withEdit(k.edits, Edit{Kind: "specificity", Message: e.lessSpecific(s.code)})
	}
}

// lessSpecific is lessSpecificMessage of id's code and display, made once
// per engine and code (Engine.lessMsg): demote gives it to every less
// specific candidate, most of which are never rendered.
func (e *Engine) lessSpecific(id corpus.ID) string {
	if m, ok := e.lessMsg.load(e.set, id); ok {
		return *m
	}
	b := e.set.Brief(id)
	m := lessSpecificMessage(b.Code, b.Display)
	return *e.lessMsg.store(e.set, id, &m)
}

// lessSpecificMessage is demote's edit message, fmt.Sprintf("less
// specific than %s (%s), whose name the note states in full", code,
// display), put together in one allocation (fmt boxes each argument).
func lessSpecificMessage(code, display string) string {
	return "less specific than " + code + " (" + display + "), whose name the note states in full"
}

// readsMore returns the candidate whose full reading (not of a "without"
// name) holds every good mention of c, with more words, or nil: a
// candidate of c's chapter, or of any chapter when the note states its
// official title in full ("calcification of muscles associated with
// burns" is M61.3-, not T30.0). c's own full readings keep it. full is
// ordered by sentence (stably: the first found in a sentence is the
// first candidate's); sc, when not nil, is the scratch that ordered it,
// whose counts find a sentence's readings (firstOf). chapter is the
// chapter of c's code (a word another chapter's name holds names another
// condition: "smoker" in "leukokeratosis nicotina palati"): c and each
// reading carry their title's (liveTitles), not two title fetches per
// reading compared.
func readsMore(doc *nlp.Document, c *candidate, chapter string, full []fullReading, sc *specificScratch) *candidate {
	best := c.bestScore()
	var by *candidate
	for i := range c.mentions {
		m := &c.mentions[i]
		if c.scoreAt(i) < 0.8*best {
			continue
		}
		found := false
		lo := sc.firstOf(full, m.sent) // specificscratch.go
		for _, f := range full[lo:] {
			if f.sent != m.sent {
				break // full is by sentence
			}
			if f.c == c || len(f.pos) <= len(m.hit.Positions) || f.c.tgt.anyCode() == c.tgt.anyCode() ||
				!f.title && f.chapter != chapter { // related: of one chapter
				continue
			}
			if readsWithin(doc, m.hit.Positions, f.pos) {
				found, by = true, f.c
				break
			}
		}
		if !found {
			return nil
		}
	}
	return by
}

// readsWithin reports whether every word at positions sub is read at
// positions set: the same token, or a token of the same stem ("opioid use
// ... opioid-induced" read once or twice).
func readsWithin(doc *nlp.Document, sub, set []int32) bool {
	for _, p := range sub {
		if slices.Contains(set, p) {
			continue
		}
		found := false
		for _, q := range set {
			if int(p) < len(doc.Tokens) && int(q) < len(doc.Tokens) && doc.Tokens[p].Stem == doc.Tokens[q].Stem {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sameCondition puts below the decision threshold each suggested code
// that demote ranked just below a more specific code of its own category
// that is still suggested above it: the same condition said with less
// detail ("Unspecified asthma, uncomplicated" beside "Unspecified asthma
// with (acute) exacerbation"), which a coder never reports beside it.
// Annotation keeps it (it lists every documented concept).
func (e *Engine) sameCondition(w *work, ks []scored, annotate bool) {
	if annotate {
		return
	}
	thr := e.DecisionThreshold()
	moved := false
	for i := range ks {
		k := &ks[i]
		if k.c.lessThan == nil || k.conf < thr {
			continue
		}
		for j := 0; j < i; j++ {
			s := &ks[j]
			if s.conf < thr || s.c.lessThan == k.c || category(e.set.CodeString(s.code)) != category(e.set.CodeString(k.code)) ||
				s.c != k.c.lessThan && !slices.Contains(s.extra, k.c.lessThan) {
				continue
			}
			k.conf = round(math.Max(0, thr-0.01), 4)
			moved = true
			break
		}
	}
	if moved {
		e.sortScored(w, ks)
	}
}
