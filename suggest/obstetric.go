package suggest

import (
	"fmt"
	"regexp"
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
}

var (
	trimesterWords = regexp.MustCompile(`(?i)\b(first|second|third|1st|2nd|3rd)[ -]trimester\b`)
	gravidaNumber  = regexp.MustCompile(`(?i)\b(?:g|gravida\s*)(\d{1,2})\s*(?:p|para\b|,|\s|$)`)
	fetusLetter    = regexp.MustCompile(`(?i)\b(?:twin|triplet|quadruplet|fetus|baby)\s*(?:#\s*)?([a-e1-9])\b`)
	singleFetus    = regexp.MustCompile(`(?i)\b(?:singleton|single (?:fetus|gestation|pregnancy|intrauterine pregnancy))\b`)
	trimesterTitle = regexp.MustCompile(`\b(unspecified|first|second|third) trimester\b`)
	fetusTitle     = regexp.MustCompile(`, (not applicable or unspecified|fetus [1-5]|other fetus)$`)
)

// Cues of the obstetric rules.
var (
	firstPregnancyCues = phrases("first pregnancy|primigravida|primigravid|primagravida|nulligravida|g1|g1p0|g1p0000")
	laterPregnancyCues = phrases("multigravida|multigravid|multip|multiparous|second pregnancy|third pregnancy|fourth pregnancy")
	postpartumCues     = phrases("postpartum|post partum|puerperium|puerperal|after delivery|following delivery|after her delivery|since delivery|after giving birth")
)

var trimesterName = [...]string{"unspecified", "first", "second", "third"}

// pregnancyOf reads the pregnancy of a note; ok is false when the note
// documents none (nlp's sense gate: a pregnancy word not negated, not a
// relative's, not hypothetical).
func (e *Engine) pregnancyOf(doc *nlp.Document) (pregnancy, bool) {
	if _, ok := doc.Pregnancy(); !ok {
		return pregnancy{}, false
	}
	p := pregnancy{weeks: -1, fetus: "0"}
	if n, c, ok := weeksOfGestation(doc); ok {
		p.weeks, p.ev = n, append(p.ev, c)
		switch {
		case n < 14:
			p.trimester = 1
		case n < 28:
			p.trimester = 2
		default:
			p.trimester = 3
		}
		p.why = fmt.Sprintf("%d weeks of gestation is the %s trimester", n, trimesterName[p.trimester])
	}
	for _, m := range trimesterWords.FindAllStringSubmatchIndex(doc.Text, -1) {
		c, ok := spanCue(doc, m[0], m[1])
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
	for _, c := range findCues(doc, firstPregnancyCues) {
		if c.assert&blockedAssert == 0 {
			p.gravida = 1
		}
	}
	if p.gravida == 0 {
		for _, c := range findCues(doc, laterPregnancyCues) {
			if c.assert&blockedAssert == 0 {
				p.gravida = 2
			}
		}
	}
	if m := gravidaNumber.FindStringSubmatch(doc.Text); m != nil && p.gravida == 0 {
		if n, _ := strconv.Atoi(m[1]); n == 1 {
			p.gravida = 1
		} else if n > 1 {
			p.gravida = 2
		}
	}
	if !singleFetus.MatchString(doc.Text) {
		if m := fetusLetter.FindStringSubmatch(doc.Text); m != nil {
			switch ch := strings.ToLower(m[1]); {
			case ch >= "a" && ch <= "e":
				p.fetus = strconv.Itoa(int(ch[0]-'a') + 1)
			case ch >= "1" && ch <= "5":
				p.fetus = ch
			default:
				p.fetus = "9"
			}
		}
	}
	for _, c := range findCues(doc, postpartumCues) {
		if c.assert&blockedAssert == 0 {
			p.postpartum = true
		}
	}
	return p, true
}

// spanCue is the cue of the tokens inside [start, end).
func spanCue(doc *nlp.Document, start, end int) (cue, bool) {
	c := cue{start: start, end: end, sent: -1, sec: -1, tok: -1}
	for i, t := range doc.Tokens {
		if t.Start >= end {
			break
		}
		if t.Start >= start && t.End <= end {
			if c.tok < 0 {
				c.tok, c.sent, c.sec = i, t.Sent, t.Section
			}
			c.last = i
			c.assert |= t.Assert
		}
	}
	return c, c.tok >= 0
}

// obstetric applies chapter 15 to the ranked suggestions of a note that
// documents a pregnancy: the trimester and fetus characters of each
// obstetric code follow the note (obstetricCharacters).
func (e *Engine) obstetric(doc *nlp.Document, res *Result) {
	p, ok := e.pregnancyOf(doc)
	if !ok {
		return
	}
	e.obstetricCharacters(doc, res, p)
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
		if m := trimesterTitle.FindStringSubmatchIndex(title); m != nil && p.trimester > 0 && title[m[2]:m[3]] != trimesterName[p.trimester] {
			title = title[:m[2]] + trimesterName[p.trimester] + title[m[3]:]
			why = append(why, p.why)
		}
		if m := fetusTitle.FindStringSubmatchIndex(title); m != nil {
			want := "not applicable or unspecified"
			switch p.fetus {
			case "0":
			case "9":
				want = "other fetus"
			default:
				want = "fetus " + p.fetus
			}
			if title[m[2]:m[3]] != want {
				title = title[:m[2]] + want
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
		parent := e.set.Brief(id).Parent
		if parent == "" {
			break
		}
		if id, ok = e.set.ID(corpus.ICD10CM, parent); !ok {
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
