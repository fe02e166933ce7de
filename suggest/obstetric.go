package suggest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// The pregnancy a note documents, read as a coder reads it: weeks of
// gestation, the trimester (stated, or from the weeks by the chapter 15
// definitions: first trimester less than 14 weeks 0 days, second 14 weeks 0
// days to less than 28 weeks 0 days, third 28 weeks 0 days until
// delivery), first or later pregnancy, the fetus a condition concerns
// (seventh character 0 for a single gestation or an unstated fetus) and
// whether the note is about the puerperium.
type pregnancy struct {
	weeks      int    // weeks of gestation, -1 when not stated
	trimester  int    // 1-3, 0 when neither stated nor derivable
	why        string // how the trimester was read, for the edit
	gravida    int    // 1 first pregnancy, 2 a later one, 0 not stated
	fetus      string // seventh character of the fetus: "0" single or unstated, "1"-"5", "9"
	postpartum bool
	ev         []cue
	annotate   bool // Request.Annotate: the other chapter's code is kept below, never dropped
}

var (
	trimesterWords = guard(`(?i)\b(first|second|third|1st|2nd|3rd)[ -]trimester\b`, "trimester")
	gravidaNumber  = guardStart(`(?i)\b(?:g|gravida\s*)(\d{1,2})\s*(?:p|para\b|,|\s|$)`, "gravida", "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9")
	fetusLetter    = guardStart(`(?i)\b(?:twin|triplet|quadruplet|fetus|baby)\s*(?:#\s*)?([a-e1-9])\b`, "twin", "triplet", "quadruplet", "fetus", "baby")
	singleFetus    = guardStart(`(?i)\b(?:singleton|single (?:fetus|gestation|pregnancy|intrauterine pregnancy))\b`, "single")
	trimesterTitle = regexp.MustCompile(`\b(unspecified|first|second|third) trimester\b`)
	fetusTitle     = regexp.MustCompile(`, (not applicable or unspecified|fetus [1-5]|other fetus)$`)
)

// Cues of the obstetric rules.
var (
	firstPregnancyCues = phrases("first pregnancy|primigravida|primigravid|primagravida|nulligravida|g1|g1p0|g1p0000")
	laterPregnancyCues = phrases("multigravida|multigravid|multip|multiparous|second pregnancy|third pregnancy|fourth pregnancy")
	newbornCues        = phrases("newborn|neonate|neonatal|preterm infant|premature infant|infant born|baby boy|baby girl|male infant|female infant")
	postpartumCues     = phrases("postpartum|post partum|puerperium|puerperal|after delivery|following delivery|after her delivery|since delivery|after giving birth")
)

var trimesterName = [...]string{"unspecified", "first", "second", "third"}

// pregnancyOf reads the pregnancy of a note; ok is false when the note
// documents none (nlp's sense gate: a pregnancy word not negated, not a
// relative's, not hypothetical).
func (e *Engine) pregnancyOf(n *ruleNote) (pregnancy, bool) {
	doc := n.doc
	if !n.pregnant() {
		return pregnancy{}, false
	}
	p := pregnancy{weeks: -1, fetus: "0"}
	if wk, c, ok := n.weeks(); ok {
		p.weeks, p.ev = wk, append(p.ev, c)
		switch {
		case wk < 14:
			p.trimester = 1
		case wk < 28:
			p.trimester = 2
		default:
			p.trimester = 3
		}
		p.why = fmt.Sprintf("%d weeks of gestation is the %s trimester", wk, trimesterName[p.trimester])
	}
	for m := range trimesterMatches(doc.Text) { // trimesterWords' matches
		c := spanCue(doc, m[0], m[1])
		ok := c.tok >= 0
		if ok && c.assert&nlp.Negated != 0 && withoutOnly(doc, c.start, c.end) {
			c.assert &^= nlp.Negated // "without proteinuria, third trimester"
		}
		if !ok || c.assert&blockedAssert != 0 {
			continue
		}
		switch strings.ToLower(doc.Text[m[2]:m[3]]) {
		case "first", "1st":
			p.trimester = 1
		case "second", "2nd":
			p.trimester = 2
		default:
			p.trimester = 3
		}
		p.why = "the note documents the " + trimesterName[p.trimester] + " trimester"
		p.ev = append(p.ev, c)
		break
	}
	for _, c := range n.cues(firstPregnancyCues) {
		if c.assert&blockedAssert == 0 {
			p.gravida = 1
		}
	}
	if p.gravida == 0 {
		for _, c := range n.cues(laterPregnancyCues) {
			if c.assert&blockedAssert == 0 {
				p.gravida = 2
			}
		}
	}
	if p.gravida != 0 {
		// The cues said it: the number is not read.
	} else if g, ok := gravidaDigits(doc.Text); ok { // gravidaNumber's number
		if n, _ := strconv.Atoi(g); n == 1 {
			p.gravida = 1
		} else if n > 1 {
			p.gravida = 2
		}
	}
	if !saysSingleFetus(doc.Text) {
		if ch, ok := fetusCharacter(doc.Text); ok { // fetusLetter's m[1]
			switch ch := strings.ToLower(ch); {
			case ch >= "a" && ch <= "e":
				p.fetus = strconv.Itoa(int(ch[0]-'a') + 1)
			case ch >= "1" && ch <= "5":
				p.fetus = ch
			default:
				p.fetus = "9"
			}
		}
	}
	for _, c := range n.cues(postpartumCues) {
		if c.assert&(blockedAssert|nlp.Historical) == 0 {
			p.postpartum = true
		}
	}
	return p, true
}

// obstetric applies chapter 15 to the ranked suggestions of a note that
// documents a pregnancy: the trimester and fetus characters of each
// obstetric code follow the note (obstetricCharacters), and chapter 15
// codes the pregnant patient's conditions first (chapter15First); the
// supervision codes follow (supervision).
func (e *Engine) obstetric(n *ruleNote, req Request, res *Result, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	if !n.pregnant() && !anyNewbornRuled(res) {
		return nil, rej // neither branch below has anything to change
	}
	// A newborn's or a child's record speaks of the gestation the patient
	// was born at, not of a pregnancy of the patient.
	if a := n.age(); len(n.cues(newbornRecordCues)) > 0 || len(n.liveCues(newbornCues)) > 0 || a >= 0 && a < 10 {
		e.newbornGestation(doc, res)
		newbornExamAge(doc, res)
		for i := len(res.Suggestions) - 1; i >= 0; i-- {
			if s := &res.Suggestions[i]; s.System == string(corpus.ICD10CM) && strings.HasPrefix(s.Code, "Z3A") {
				rej = append(rej, drop(res, i, "maternal_record", "weeks of gestation (Z3A) are coded only on the maternal record; a newborn's gestational age is coded in P07"))
			}
		}
		return nil, rej
	}
	p, ok := e.pregnancyOf(n)
	if !ok {
		return nil, rej
	}
	p.annotate = req.Annotate
	rej = weeksContradicted(res, p, rej)
	e.obstetricCharacters(doc, res, p)
	adds, rej := e.chapter15First(n, res, p, rej)
	return e.supervision(n, res, p, adds), rej
}

// newbornPrefixes are the codes newbornRuled reads, by prefix.
var newbornPrefixes = [...]string{"P07.2", "P07.3", "Z00.11", "Z3A"}

// newbornRuled reports whether the newborn rules of obstetric may change
// or drop s: a preterm newborn's weeks (P07.2-, P07.3-, newbornGestation),
// a newborn examination (Z00.11-, newbornExamAge), weeks of gestation
// (Z3A, coded on the maternal record alone).
func newbornRuled(s *Suggestion) bool {
	// Every prefix starts with P or Z: most codes are told by their first
	// byte (TestNewbornRuled holds this to the prefixes alone).
	if s.System != string(corpus.ICD10CM) || s.Code == "" || s.Code[0] != 'P' && s.Code[0] != 'Z' {
		return false
	}
	for _, p := range newbornPrefixes {
		if strings.HasPrefix(s.Code, p) {
			return true
		}
	}
	return false
}

// anyNewbornRuled reports whether a suggestion of res is newbornRuled
// (read in place: a Suggestion is large).
func anyNewbornRuled(res *Result) bool {
	for i := range res.Suggestions {
		if newbornRuled(&res.Suggestions[i]) {
			return true
		}
	}
	return false
}

// obstetricCharacters rewrites the trimester and the fetus of chapter 15
// codes (and Z34) to what the note documents: a code naming another
// trimester than the note's, or an unspecified one, gives way to its
// sibling titled with the note's trimester ("Preterm labor without
// delivery, unspecified trimester" at 32 weeks -> "..., third trimester");
// a seventh character naming another fetus than the note's ("fetus 1"
// from the word "fetus" of a singleton) to the note's fetus. The sibling
// must exist: codes with no trimester axis keep theirs.
func (e *Engine) obstetricCharacters(doc *nlp.Document, res *Result, p pregnancy) {
	for i := 0; i < len(res.Suggestions); i++ {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || !(s.Code[0] == 'O' || strings.HasPrefix(s.Code, "Z34")) {
			continue
		}
		title, why := s.Display, []string{}
		if from, to, ok := titleTrimester(title); ok && p.trimester > 0 && title[from:to] != trimesterName[p.trimester] { // trimesterTitle's group
			title = title[:from] + trimesterName[p.trimester] + title[to:]
			why = append(why, p.why)
		}
		if from, to, ok := titleFetus(title); ok { // fetusTitle's group
			want := "not applicable or unspecified"
			switch p.fetus {
			case "0":
			case "9":
				want = "other fetus"
			default:
				want = "fetus " + p.fetus
			}
			if title[from:to] != want {
				title = title[:from] + want
				if p.fetus == "0" {
					why = append(why, "no fetus of a multiple gestation is named: seventh character 0")
				} else {
					why = append(why, "the note names "+want)
				}
			}
		}
		if title == s.Display {
			continue
		}
		b, ok := e.relativeTitled(s.Code, title)
		if !ok {
			continue
		}
		res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
		if j := has(res, corpus.ICD10CM, b.Code); j >= 0 {
			// The note's code is suggested already: it takes this one's
			// confidence when surer, and its evidence.
			o := res.Suggestions[j]
			res.Suggestions = append(res.Suggestions[:j], res.Suggestions[j+1:]...)
			o.Confidence, o.Score = max(o.Confidence, s.Confidence), max(o.Score, s.Score)
			o.Evidence = mergeEvidence(o.Evidence, s.Evidence)
			insert(res, o)
			i = -1 // the order changed: start over (each pass removes one suggestion)
			continue
		}
		old := s.Code
		s.Code, s.Display, s.Billable = b.Code, b.Display, b.Billable
		// An edit about the replaced code ("Z34.00 assumed") no longer applies.
		s.Edits = slices.DeleteFunc(slices.Clone(s.Edits), func(ed Edit) bool { return strings.Contains(ed.Message, old) })
		s.Evidence = mergeEvidence(s.Evidence, cueEvidence(doc, p.ev))
		s.Edits = append(s.Edits, Edit{Kind: "seventh_character", Message: fmt.Sprintf("%s rather than %s: %s", b.Code, old, strings.Join(why, "; "))})
		s.Alternatives = nil
		insert(res, s)
		i = -1
	}
}

// relativeTitled finds the billable code titled title among the
// descendants of code's parent, grandparent or great-grandparent (the
// trimester and seventh-character siblings of a chapter 15 code).
func (e *Engine) relativeTitled(code, title string) (corpus.Brief, bool) {
	id, ok := e.set.ID(corpus.ICD10CM, code)
	for k := 0; ok && k < 3; k++ {
		if id = e.parent(id); id == 0 {
			break
		}
		if b, found := e.descendantTitled(id, title, 4); found {
			return b, true
		}
	}
	return corpus.Brief{}, false
}

// descendantTitled searches id's descendants, depth levels deep, for the
// billable code titled title.
func (e *Engine) descendantTitled(id corpus.ID, title string, depth int) (corpus.Brief, bool) {
	for _, k := range e.set.Children(id) {
		b := e.set.Brief(k)
		if b.Billable && strings.EqualFold(b.Display, title) {
			return b, true
		}
		if depth > 1 {
			if b, ok := e.descendantTitled(k, title, depth-1); ok {
				return b, true
			}
		}
	}
	return corpus.Brief{}, false
}

// conditionsIn reads the ranges of a chapter 15 inclusion term that
// places conditions of other chapters there: "Conditions in D50-D64",
// "Conditions in F01-F09, F20-F52 and F54-F99", "Any condition in I10
// specified as a reason for obstetric care".
var conditionsIn = regexp.MustCompile(`(?i)\bconditions? in ([A-Z]\d\d(?:-[A-Z]\d\d)?(?:(?:,| and|, and) [A-Z]\d\d(?:-[A-Z]\d\d)?)*)`)

// rangePart is one range of a conditionsIn list: "F20-F52", "I10".
var rangePart = regexp.MustCompile(`[A-Z]\d\d(?:-[A-Z]\d\d)?`)

// rangeOf is one "conditions in" range of a chapter 15 subcategory.
type rangeOf struct {
	lo, hi string // three-character categories, inclusive
	sub    corpus.ID
}

// width is the number of categories a range spans, roughly: the narrower
// range is the more specific subcategory (I10 in O10.0 before I00-I99 in
// O99.4).
func (r rangeOf) width() int {
	n := func(c string) int { return int(c[0])*100 + int(c[1]-'0')*10 + int(c[2]-'0') }
	return n(r.hi) - n(r.lo)
}

// chapter15Ranges mines the "conditions in" inclusion terms of the
// categories holding conditions of other chapters in pregnancy (O10, O98,
// O99, O9A). The rules read them once per engine (ruleTables.chapter15).
func (e *Engine) chapter15Ranges() []rangeOf {
	var out []rangeOf
	var walk func(id corpus.ID)
	walk = func(id corpus.ID) {
		for _, n := range e.set.Code(id).Names {
			if n.Kind != corpus.NameInclusion {
				continue
			}
			for _, m := range conditionsIn.FindAllStringSubmatch(n.Text, -1) {
				for _, part := range rangePart.FindAllString(m[1], -1) {
					lo, hi, _ := strings.Cut(part, "-")
					if hi == "" {
						hi = lo
					}
					out = append(out, rangeOf{lo: lo, hi: hi, sub: id})
				}
			}
		}
		for _, k := range e.set.Children(id) {
			walk(k)
		}
	}
	for _, cat := range []string{"O10", "O98", "O99", "O9A"} {
		if id, ok := e.set.ID(corpus.ICD10CM, cat); ok {
			walk(id)
		}
	}
	return out
}

// pregnancyTitle reports whether a chapter 15 title fits the note's
// pregnancy: a puerperium or childbirth code in a pregnancy with no
// delivery does not, a pregnancy-trimester code in a note about the
// puerperium alone does not.
func pregnancyTitle(title string, p pregnancy) bool {
	t := strings.ToLower(title)
	post := strings.Contains(t, "puerperium") || strings.Contains(t, "following delivery") || strings.Contains(t, "postpartum") || strings.Contains(t, "childbirth")
	if p.postpartum && p.weeks < 0 {
		return post || !strings.Contains(t, "trimester")
	}
	return !post
}

// chapter15First applies guideline I.C.15.a: a condition of a pregnant
// patient is coded in chapter 15 and the chapter 15 code is sequenced
// first. A chapter 15 suggestion sharing evidence with another chapter's
// code is at least as sure as it and comes first; the other code stays,
// just below, when the chapter 15 code's "use additional code" note asks
// for it ("O24.11-: use additional code from category E11"), and is
// dropped otherwise ("UTI in pregnancy" is O23.4-, not N39.0 too). A
// condition no chapter 15 suggestion covers gets the subcategory whose
// inclusion term takes its chapter ("Conditions in D50-D64" is anemia
// complicating pregnancy, O99.01-), with the note's trimester, the
// narrowest range first; the condition's own code stays after it.
func (e *Engine) chapter15First(n *ruleNote, res *Result, p pregnancy, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	var adds []addition
	var ranges []rangeOf
	floor := res.Threshold / 5
	for i := 0; i < len(res.Suggestions); i++ {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || s.Code[0] == 'O' || s.Code[0] == 'Z' || s.Code[0] >= 'V' && s.Code[0] <= 'Y' || s.Code[0] == 'P' || s.Confidence < res.Threshold {
			continue
		}
		o := -1
		for j := range res.Suggestions {
			t := &res.Suggestions[j]
			if t.System == string(corpus.ICD10CM) && t.Code[0] == 'O' && t.Confidence >= floor && pregnancyTitle(t.Display, p) && overlaps(s.Evidence, t.Evidence) {
				o = j
				break
			}
		}
		if o < 0 {
			if ranges == nil {
				ranges = e.coder.rules.per.chapter15(e)
			}
			if !p.current() && !e.saidInPregnancy(n, s) {
				continue // a pregnancy of the story, not one this condition complicates
			}
			if a, ok := e.complicating(doc, s, p, ranges); ok && !slices.ContainsFunc(adds, func(x addition) bool { return x.code == a.code }) {
				adds = append(adds, a)
				// The condition's own code follows the chapter 15 code.
				res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
				s.Confidence = round(a.conf-0.001, 4)
				s.Edits = append(s.Edits, Edit{Kind: "sequencing", Message: fmt.Sprintf("sequenced after %s (guideline I.C.15.a)", a.code)})
				insert(res, s)
				i = -1
			}
			continue
		}
		t := res.Suggestions[o]
		if t.Confidence < s.Confidence {
			res.Suggestions = append(res.Suggestions[:o], res.Suggestions[o+1:]...)
			t.Confidence = s.Confidence
			t.Score = max(t.Score, s.Score)
			t.Edits = append(t.Edits, Edit{Kind: "sequencing", Message: fmt.Sprintf("chapter 15 first (guideline I.C.15.a): the pregnancy is documented, so %s codes the condition before %s", t.Code, s.Code)})
			insert(res, t)
			i = -1 // the order changed: start over
		}
		id, _ := e.set.ID(corpus.ICD10CM, t.Code)
		k := has(res, corpus.ICD10CM, s.Code)
		if e.asksFor(id, s.Code) || e.asksAnyCondition(id) {
			if s.Confidence >= t.Confidence {
				s = res.Suggestions[k]
				res.Suggestions = append(res.Suggestions[:k], res.Suggestions[k+1:]...)
				s.Confidence = round(t.Confidence-0.001, 4)
				s.Edits = append(s.Edits, Edit{Kind: "sequencing", Message: fmt.Sprintf("sequenced after %s, whose note asks for this code", t.Code)})
				insert(res, s)
				i = -1
			}
			continue
		}
		if p.annotate {
			continue
		}
		rej = append(rej, drop(res, k, "chapter_15", fmt.Sprintf("in a pregnancy the condition is coded by %s (guideline I.C.15.a), whose note asks for no additional code from %s", t.Code, s.Code[:3])))
		i = -1
	}
	return adds, rej
}

// asksAnyCondition reports whether a "use additional code" note of id or
// an ancestor asks for the specific condition without naming a range
// (O99: "use additional code to identify specific condition").
func (e *Engine) asksAnyCondition(id corpus.ID) bool {
	for id != 0 {
		for _, n := range e.set.Notes(id).UseAdditional {
			if l := strings.ToLower(n); strings.Contains(l, "specific condition") || strings.Contains(l, "identify the condition") {
				return true
			}
		}
		id = e.parent(id)
	}
	return false
}

// complicating is the chapter 15 code of condition s in the pregnancy p
// from the subcategories' "conditions in" ranges: the narrowest range
// holding s's category, then the descendant titled for the note's
// trimester (or the puerperium, or childbirth).
func (e *Engine) complicating(doc *nlp.Document, s Suggestion, p pregnancy, ranges []rangeOf) (addition, bool) {
	cat := category(s.Code)
	best := -1
	for i, r := range ranges {
		if cat >= r.lo && cat <= r.hi && (best < 0 || r.width() < ranges[best].width()) {
			best = i
		}
	}
	if best < 0 || e.excludedFrom(ranges[best].sub, s.Display) {
		return addition{}, false
	}
	want := "unspecified trimester"
	switch {
	case p.postpartum && p.weeks < 0:
		want = "puerperium"
	case p.trimester > 0:
		want = trimesterName[p.trimester] + " trimester"
	}
	// Of the subcategory's codes for that period, the one whose title
	// shares the most words with the condition's ("Obesity complicating
	// pregnancy" for obesity), else the last, the general one ("Endocrine,
	// nutritional and metabolic diseases complicating pregnancy").
	own := map[string]bool{}
	for _, w := range meaningWords(s.Display) {
		own[w] = true
	}
	var found corpus.Brief
	bestShared := -1
	for _, r := range e.complicatingRows(ranges[best].sub) {
		if r.want < 0 || complicatingWants[r.want] != want {
			continue
		}
		shared := 0
		for _, w := range r.words {
			if own[w] && !chapter15Words[w] {
				shared++
			}
		}
		if shared >= bestShared {
			found, bestShared = r.b, shared
		}
	}
	if bestShared < 0 {
		return addition{}, false
	}
	return addition{sys: corpus.ICD10CM, code: found.Code, conf: s.Confidence, ev: evidenceCues(doc, s), rule: "chapter_15",
		why:   fmt.Sprintf("%s in a documented pregnancy: chapter 15 codes it first (guideline I.C.15.a), %s beside it", s.Code, s.Code),
		edits: []Edit{{Kind: "sequencing", Message: fmt.Sprintf("%s first, %s after it to identify the condition", found.Code, s.Code)}}}, true
}

// overlaps reports whether two evidence lists share bytes.
func overlaps(a, b []Evidence) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

// chapter15Words are the words every chapter 15 title of a condition of
// another chapter holds; they say nothing of the condition.
var chapter15Words = map[string]bool{"complicating": true, "pregnancy": true, "childbirth": true, "puerperium": true, "in": true, "diseases": true, "other": true}

// excludedFrom reports whether an Excludes1 or Excludes2 note of id or an
// ancestor names the condition titled title: every word of the note's
// phrase (before its code reference) is in the title ("diabetes mellitus
// (O24.-)" excludes "Type 2 diabetes mellitus without complications" from
// O99.2: the note's own category codes it).
func (e *Engine) excludedFrom(id corpus.ID, title string) bool {
	words := map[string]bool{}
	for _, w := range meaningWords(title) {
		words[w] = true
	}
	for id != 0 {
		n := e.set.Notes(id)
		for _, x := range append(append([]string(nil), n.Excludes1...), n.Excludes2...) {
			phrase, _, _ := strings.Cut(x, "(")
			ws := meaningWords(phrase)
			all := len(ws) > 0
			for _, w := range ws {
				if !words[w] {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
		id = e.parent(id)
	}
	return false
}

// Cues of the pregnancy-supervision rules.
var (
	prenatalVisitCues = phrases("prenatal visit|prenatal care|prenatal exam|prenatal check|routine prenatal|antenatal visit|antenatal care|antepartum visit|ob visit|new ob|routine ob|obstetric visit|supervision of normal pregnancy|supervision of pregnancy|normal pregnancy|low risk pregnancy|uncomplicated pregnancy")
	elderlyCues       = phrases("elderly primigravida|elderly multigravida|elderly gravida|advanced maternal age|ama")
	againstAdviceCues = phrases("left ama|leaving ama|against medical advice|signed out ama")
	priorCesareanCues = phrases("previous cesarean|prior cesarean|previous caesarean|prior caesarean|previous c section|prior c section|history of cesarean|history of c section|previous csection|prior csection|repeat cesarean|repeat c section|tolac|trial of labor after cesarean|uterine scar from cesarean|s/p cesarean|s/p c section")
	lowTransverseCues = phrases("low transverse|lower transverse|ltcs|low segment transverse|pfannenstiel")
	verticalScarCues  = phrases("classical|vertical|low vertical")
)

// liveCues returns the cues of ps that are the patient's and not
// negated or hypothetical.
func liveCues(doc *nlp.Document, ps []phrase) []cue {
	var out []cue
	for _, c := range findCues(doc, ps) {
		if patients(doc, c) {
			out = append(out, c)
		}
	}
	return out
}

// supervision adds the codes of the supervision of a pregnancy:
//   - Z34 for the supervision of a normal pregnancy at a prenatal visit
//     with no chapter 15 code suggested (a complication or a high-risk
//     supervision code replaces it), first (Z34.0-) or other (Z34.8-)
//     pregnancy by the note's gravida, with the note's trimester;
//   - O09.5- for a pregnancy the note calls elderly or of advanced maternal
//     age, primigravida or multigravida, with the trimester;
//   - O34.21- for maternal care of the scar of a previous cesarean in this
//     pregnancy, by the scar's type.
func (e *Engine) supervision(n *ruleNote, res *Result, p pregnancy, adds []addition) []addition {
	tri := strconv.Itoa(p.trimester)
	if p.trimester == 0 {
		tri = "9"
	}
	if p.postpartum && p.weeks < 0 {
		return adds
	}
	if ev := n.liveCues(elderlyCues); len(ev) > 0 && p.gravida > 0 && len(n.cues(againstAdviceCues)) == 0 {
		code, who := "O09.51"+tri, "primigravida"
		if p.gravida == 2 {
			code, who = "O09.52"+tri, "multigravida"
		}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: append(ev, p.ev...), rule: "supervision_high_risk",
			why: "supervision of a pregnancy the note calls of advanced maternal age, " + who})
	}
	if ev := n.liveCues(priorCesareanCues); len(ev) > 0 {
		code, scar := "O34.219", "unspecified type"
		switch {
		case len(n.liveCues(lowTransverseCues)) > 0:
			code, scar = "O34.211", "low transverse"
		case len(n.liveCues(verticalScarCues)) > 0:
			code, scar = "O34.212", "vertical"
		}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: ev, rule: "previous_cesarean",
			why: "maternal care for the " + scar + " scar of a previous cesarean delivery in this pregnancy"})
	}
	ev := n.liveCues(prenatalVisitCues)
	if len(ev) == 0 {
		return adds
	}
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.System == string(corpus.ICD10CM) && s.Code[0] == 'O' && s.Confidence >= res.Threshold {
			return adds // a complication or a high-risk supervision: not a normal pregnancy
		}
	}
	for _, a := range adds {
		if a.code[0] == 'O' {
			return adds
		}
	}
	if p.trimester == 0 {
		tri = "0"
	}
	code, which := "Z34.9"+tri, "normal pregnancy, first or later not stated"
	switch p.gravida {
	case 1:
		code, which = "Z34.0"+tri, "normal first pregnancy"
	case 2:
		code, which = "Z34.8"+tri, "other normal pregnancy (not the first)"
	}
	// The engine's own Z34 guesses give way to the note's.
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		if s := &res.Suggestions[i]; strings.HasPrefix(s.Code, "Z34") && s.Code != code {
			res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
		}
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: append(ev, p.ev...), rule: "supervision_normal_pregnancy",
		why: "prenatal visit for the supervision of a " + which})
}

// weeksContradicted drops the Z3A codes of other weeks than the note
// documents ("at 27 weeks gestation" is not Z3A.09, whatever words the
// title shares); the weeks rule adds the note's (encounter.go).
func weeksContradicted(res *Result, p pregnancy, rej []Rejection) []Rejection {
	if p.weeks < 0 {
		return rej
	}
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || !strings.HasPrefix(s.Code, "Z3A.") {
			continue
		}
		if n, err := strconv.Atoi(s.Code[4:]); err == nil && n != p.weeks && !(n == 1 && p.weeks < 8) && !(n == 49 && p.weeks > 42) {
			rej = append(rej, drop(res, i, "contradicted", fmt.Sprintf("the note documents %d weeks of gestation", p.weeks)))
		}
	}
	return rej
}

// current reports whether the note dates the pregnancy (weeks or
// trimester): a pregnancy under way, not one of the history.
func (p pregnancy) current() bool { return p.weeks >= 0 || p.trimester > 0 }

// saidInPregnancy reports whether a sentence of s's evidence places it in
// the pregnancy ("Asthma in pregnancy", "pregnant patient with anemia"),
// the pregnancy word not historical.
func (e *Engine) saidInPregnancy(n *ruleNote, s Suggestion) bool {
	doc := n.doc
	for _, ev := range s.Evidence {
		c := spanCue(doc, ev.Start, ev.End)
		if c.sent < 0 {
			continue
		}
		for _, q := range n.inSentence(c.sent, pregnancyCues) {
			if q.assert&(blockedAssert|nlp.Historical) == 0 {
				return true
			}
		}
	}
	return false
}

// pregnancyCodesFirst sequences the weeks of gestation (Z3A) and the
// outcome of delivery (Z37) after the chapter 15 codes they accompany
// (guidelines I.C.21.c.3, I.C.15.b.5): a rule gives them the decision
// threshold, and a chapter 15 code the ranker put just below it still
// comes first.
func pregnancyCodesFirst(res *Result) {
	best := -1.0
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.System == string(corpus.ICD10CM) && s.Code[0] == 'O' {
			best = max(best, s.Confidence)
		}
	}
	if best < res.Threshold/2 {
		return
	}
	for i := 0; i < len(res.Suggestions); i++ {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) || !strings.HasPrefix(s.Code, "Z3A") && !strings.HasPrefix(s.Code, "Z37") || s.Confidence < best {
			continue
		}
		res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
		s.Confidence = round(best-0.001, 4)
		insert(res, s)
		i = -1
	}
}

// completedWeeks reads a newborn's gestational age: "31 completed weeks",
// "born at 31 weeks", "31-week preterm".
var completedWeeks = guard(`(?i)\b(\d{2})(?:\s*(?:\+\s*\d|[0-6]/7))?[ -](?:completed )?(?:weeks?|wks?)\b`, "week", "wk")

// newbornGestation gives a preterm newborn's P07 code the gestational age
// the note documents: "Preterm newborn, 31 completed weeks" is P07.34, not
// P07.30 (unspecified weeks); under 28 weeks the extreme immaturity codes
// (P07.2-) hold the weeks.
func (e *Engine) newbornGestation(doc *nlp.Document, res *Result) {
	n := newbornWeeks(doc.Text)
	if n < 0 || n >= 37 {
		return
	}
	want := fmt.Sprintf("gestational age %d completed weeks", n)
	if n < 23 {
		want = "gestational age less than 23 completed weeks"
	}
	for i, s := range res.Suggestions {
		if s.System != string(corpus.ICD10CM) || !strings.HasPrefix(s.Code, "P07.2") && !strings.HasPrefix(s.Code, "P07.3") || strings.HasSuffix(s.Display, want) {
			continue
		}
		var found corpus.Brief
		for _, cat := range []string{"P07.2", "P07.3"} {
			id, _ := e.set.ID(corpus.ICD10CM, cat)
			for _, k := range e.set.Children(id) {
				if b := e.set.Brief(k); b.Billable && strings.HasSuffix(b.Display, want) {
					found = b
				}
			}
		}
		if found.Code == "" {
			return
		}
		res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
		if j := has(res, corpus.ICD10CM, found.Code); j >= 0 {
			o := res.Suggestions[j]
			res.Suggestions = append(res.Suggestions[:j], res.Suggestions[j+1:]...)
			o.Confidence, o.Score = max(o.Confidence, s.Confidence), max(o.Score, s.Score)
			insert(res, o)
			return
		}
		old := s.Code
		s.Code, s.Display, s.Billable, s.Alternatives = found.Code, found.Display, found.Billable, nil
		s.Edits = append(s.Edits, Edit{Kind: "specificity", Message: fmt.Sprintf("%s rather than %s: the note documents %d completed weeks of gestation", found.Code, old, n)})
		insert(res, s)
		return
	}
}

// daysOld reads a newborn's age in days ("5 days old", "5-day-old").
var daysOld = guard(`(?i)\b(\d{1,2})[ -]days?[ -]old\b`, "day")

// newbornExamAge chooses the newborn health examination by the age the
// note documents: under 8 days old Z00.110, 8 to 28 days old Z00.111.
func newbornExamAge(doc *nlp.Document, res *Result) {
	m, ok := daysOldNumber(doc.Text) // daysOld's m[1]
	if !ok {
		return
	}
	d, _ := strconv.Atoi(m)
	want, title := "Z00.110", "Health examination for newborn under 8 days old"
	switch {
	case d > 28:
		return
	case d >= 8:
		want, title = "Z00.111", "Health examination for newborn 8 to 28 days old"
	}
	for i, s := range res.Suggestions {
		if s.System != string(corpus.ICD10CM) || s.Code != "Z00.110" && s.Code != "Z00.111" || s.Code == want {
			continue
		}
		res.Suggestions = append(res.Suggestions[:i], res.Suggestions[i+1:]...)
		if j := has(res, corpus.ICD10CM, want); j >= 0 {
			o := res.Suggestions[j]
			res.Suggestions = append(res.Suggestions[:j], res.Suggestions[j+1:]...)
			o.Confidence = max(o.Confidence, s.Confidence)
			insert(res, o)
			return
		}
		old := s.Code
		s.Code, s.Display, s.Alternatives = want, title, nil
		s.Edits = append(s.Edits, Edit{Kind: "specificity", Message: fmt.Sprintf("%s rather than %s: the newborn is %d days old", want, old, d)})
		insert(res, s)
		return
	}
}
