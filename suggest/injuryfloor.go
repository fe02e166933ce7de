package suggest

import (
	"slices"
	"strings"
	"unicode"

	"medcode/corpus"
	"medcode/nlp"
)

// injuryFloor raises the injury code (chapter 19, S00-T88 but T14.-) the
// note documents best to the decision threshold. The ranker learned its
// priors from case reports where most injury codes never occur, so a
// fracture, sprain or complication the note names in the code set's own
// words ("nondisplaced fracture of the right lateral malleolus") would sit
// far below the threshold on the prior alone; priors break ties, they do
// not override documented words.
//
// A candidate qualifies when it was found by a name of the code set (not
// a learned phrase) covering at least injuryFloorCoverage of the name's
// words; its title contradicts no sibling word the note says (siblingSaid
// 0: not "left" where the note says right); the note says a word setting
// it apart from its parent (distinctSaid above 0: not an unspecified or
// "other" code, whose order among siblings the ranker decides); the
// matched words name the kind of injury its title names (namesInjuryKind:
// "fracture", "sprain", not a "stenosis" read as a vessel injury); its
// sentence does not call the condition nontraumatic, pathological or
// osteoporotic (notTraumaticCues: chapter 13 codes those); and the
// mention is affirmed and current, or past for a subsequent-encounter or
// sequela code, which is past by nature ("Right distal radius fracture 10
// weeks ago ... delayed union" is the fracture under care, S52.501G).
//
// Of qualifying candidates whose best mentions overlap, only the one
// whose title the note affirms most (then the ranker's order) is raised,
// and none where an injury candidate is already at the threshold on words
// of the mention (any of its mentions: the Colles fracture of the
// diagnosis, read again in the imaging, stands for them).
func (e *Engine) injuryFloor(doc *nlp.Document, ks []scored) {
	thr := e.DecisionThreshold()
	eligible := func(k *scored) bool {
		if !e.floorableInjury(k.code) {
			return false
		}
		m := k.c.mentions[k.c.best]
		return !m.learned && !m.dominated && (m.assert == 0 || e.laterEncounter(k.code) && m.assert&^(nlp.Historical|nlp.Ended) == 0) && m.partNeg == 0 &&
			m.hit.Coverage >= injuryFloorCoverage && k.f[43] == 0 && k.f[41] >= injuryFloorTitle && k.f[42] > 0 &&
			namesInjuryKind(doc, m, e.set.Brief(k.code).Display) && !notTraumatic(doc, m.sent)
	}
	overlap := func(a, b mention) bool { return a.sent == b.sent && a.start < b.end && b.start < a.end }
	for i := range ks {
		k := &ks[i]
		if k.conf >= thr || !eligible(k) {
			continue
		}
		m := k.c.mentions[k.c.best]
		best := true
		for j := range ks {
			o := &ks[j]
			if j == i || !e.floorableInjury(o.code) {
				continue
			}
			// An injury at the threshold on any words of this mention
			// stands for them (the Colles fracture of the diagnosis, read
			// again in the imaging); of the others, the best documented.
			if o.conf >= thr && slices.ContainsFunc(o.c.mentions, func(x mention) bool { return overlap(m, x) }) ||
				overlap(m, o.c.mentions[o.c.best]) && eligible(o) && (o.f[41] > k.f[41] || o.f[41] == k.f[41] && (o.z > k.z || o.z == k.z && o.code < k.code)) {
				best = false
				break
			}
		}
		if best {
			k.conf = thr
		}
	}
}

// injuryFloorCoverage and injuryFloorTitle are the least share of its
// matched name's words, and of its title's content words, a note must
// say for an injury code to be raised.
const (
	injuryFloorCoverage = 0.75
	injuryFloorTitle    = 0.6
)

// floorableInjury reports an ICD-10-CM code of chapter 19 (S00-T88) other
// than the unspecified-region injuries T14.-.
func (e *Engine) floorableInjury(id corpus.ID) bool {
	code := e.set.CodeString(id)
	if code == "" || code[0] != 'S' && code[0] != 'T' || e.set.SystemOf(id) != corpus.ICD10CM {
		return false
	}
	return code[0] == 'S' || code < "T89" && code[:3] != "T14"
}

// namesInjuryKind reports whether the words mention m matched, spread
// over at most twice as many tokens as its name has words, or the
// kindReach tokens of its sentence either side of them, hold an injury
// kind (injuryKinds) the code's title names, other than the bare "injury"
// or "complication": "tear of the anterior cruciate ligament" finds the
// sprain code on the ligament's words (a tear of a ligament or muscle is
// its sprain or strain), while a "renal injury" of a case report names no
// kind of injury a coder could code from chapter 19, and "renal failure
// ... received a transplant" no transplant failure.
func namesInjuryKind(doc *nlp.Document, m mention, title string) bool {
	first, last := -1, -1
	for i, t := range doc.Tokens {
		if t.Start >= m.start && t.End <= m.end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || last-first+1 > 2*len(strings.Fields(m.name)) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) })
	inTitle := func(kind string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return samePrefix(w, kind, 5) })
	}
	for i := max(0, first-kindReach); i <= min(len(doc.Tokens)-1, last+kindReach); i++ {
		t := doc.Tokens[i]
		if t.Sent != m.sent || !injuryKinds[t.Norm] || t.Norm == "injury" || t.Norm == "complication" {
			continue
		}
		if inTitle(t.Norm) || t.Norm == "tear" && (inTitle("sprain") || inTitle("strain") || inTitle("rupture") || inTitle("laceration")) {
			return true
		}
	}
	return false
}

// samePrefix reports whether a and b agree in their first n letters, or
// are equal when shorter ("crush" and "crushing", "infected" and
// "infection").
func samePrefix(a, b string, n int) bool {
	if len(a) < n || len(b) < n {
		return a == b
	}
	return a[:n] == b[:n]
}

// kindReach is how many tokens from a mention an injury kind may stand.
const kindReach = 3

// notTraumaticCues say a fracture or tear is no injury: the musculoskeletal
// chapter codes pathological, osteoporotic, stress and degenerative ones.
var notTraumaticCues = map[string]bool{"nontraumatic": true, "atraumatic": true, "non-traumatic": true, "degenerative": true,
	"pathologic": true, "pathological": true, "osteoporotic": true, "osteoporosis": true, "stress": true, "insufficiency": true,
	"fragility": true, "spontaneous": true}

// notTraumatic reports whether sentence sent holds a notTraumaticCues word.
func notTraumatic(doc *nlp.Document, sent int) bool {
	if sent < 0 || sent >= len(doc.Sentences) {
		return false
	}
	sp := doc.Sentences[sent]
	for _, t := range doc.Tokens {
		if t.Start >= sp.Start && t.End <= sp.End && notTraumaticCues[t.Norm] {
			return true
		}
	}
	return false
}

// laterEncounter reports a code whose seventh character is a subsequent
// encounter or a sequela.
func (e *Engine) laterEncounter(id corpus.ID) bool {
	d := e.set.Brief(id).Display
	return strings.Contains(d, "subsequent encounter") || strings.HasSuffix(d, "sequela")
}
