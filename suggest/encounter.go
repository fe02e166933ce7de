package suggest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// Cues of the encounter rules.
var (
	vaccineCues  = phrases("vaccin*|immuniz*|immunis*|flu shot|booster|tdap|dtap|td|mmr|mmrv|ppsv23|pcv13|pcv15|pcv20|prevnar|pneumovax|shingrix|gardasil|twinrix|varivax|havrix|vaqta|engerix*|heplisav*|recombivax|menactra|menveo|menquadfi|bexsero|trumenba|pentacel|pediarix|proquad|rotateq|rotarix|fluzone|flublok|flucelvax|fluad|flumist|boostrix|adacel|arexvy|abrysvo|ipv|hib")
	givenCues    = phrases("given|administered|administer|gave|injected|vaccinated|immunized|immunised|was given|were given|received today|receives|provided today")
	notGivenCues = phrases("will|due|overdue|recommend*|declin*|refus*|defer*|next|offered|discuss*|consider*|plan*|schedule*|last|ago|previous*|prior|history|up to date|utd|not")
	examCues     = phrases("annual physical|annual exam|annual examination|annual wellness|routine physical|complete physical|wellness exam|wellness examination|wellness visit|well visit|well woman|well man|preventive visit|preventive exam|preventive examination|preventative visit|preventive care visit|health maintenance exam|health maintenance visit|well child|well baby|wcc|routine child health|" +
		"for routine exam*|for a routine exam*|for routine check*|for a routine check*|for a check up|for check up|for a checkup|for checkup|for general medical exam*|for a general medical exam*|for a physical|for physical exam*|for a physical exam*|for his physical|for her physical|for a routine physical")
	childExamCues     = phrases("well child|well baby|wcc|routine child health")
	childCues         = phrases("infant|newborn|toddler|baby|child|boy|girl")
	abnormalCues      = phrases("abnormal finding|abnormal findings|abnormal exam|abnormal examination")
	normalCues        = phrases("no abnormal findings|normal exam|normal examination|normal physical|unremarkable exam|exam unremarkable|exam is normal|exam was normal")
	nedCues           = phrases("no evidence of disease|no evidence of recurrence|no evidence of recurrent|no evidence of residual|no recurrence|without recurrence|without evidence of recurrence|ned|disease free|cancer free|tumor free|no residual disease|psa undetectable|undetectable psa")
	pregnancyCues     = phrases("gestation|gestational|pregnant|pregnancy|ega|ga|iup|intrauterine|gravida|weeks pregnant")
	deliveryCues      = phrases("delivered|delivery|vaginal delivery|cesarean|caesarean|c section|csection|svd|nsvd|vbac")
	newbornRecordCues = phrases("was born|were born|born at|born by|born via|born after|born to|neonate|neonatal")
	surveillanceCues  = phrases("surveillance|follow up visit|follow-up visit|followup visit|follow up examination|follow-up examination|follow up exam|follow-up exam|here for follow|here for a follow|presents for follow|presents for a follow|returns for follow|returns for a follow|routine follow|oncology follow|continue surveillance|for surveillance")
	thisPregnancyCues = phrases("first pregnancy|currently pregnant|now pregnant|is pregnant|now at|currently at")
	pastCues          = phrases("previous|previously|prior|last|history|ago|hx|h/o|after|since|first|expected|threatened|date|resulting|from")
	infantCues        = phrases("infant|newborn|baby|liveborn|live born|live birth|stillborn|stillbirth|apgar*|male|female|boy|girl|twins|triplets")
	twinCues          = phrases("twin|twins|twin gestation")
	tripletCues       = phrases("triplet|triplets")
	stillCues         = phrases("stillborn|stillbirth|still birth|fetal demise|iufd|demised")
)

var (
	// At most 3+1+5+4 and 2+1+6+4 letters, each up to 3 bytes under (?i)
	// (the Kelvin sign folds to k, the long s to s).
	ageYears = newDigitMatch(`(?i)\b(\d{1,3})[ -]?(?:years?|yrs?|yo|y/o|y\.o\.)(?:[ -]old)?\b`, 39).withUnit(3, " -", "y").
			withWords(&unitWords{digits: 3, units: []string{"years", "year", "yrs", "yr", "yo", "y/o", "y.o."}})
	ageMonths = newDigitMatch(`(?i)\b(\d{1,2})[ -]?(?:months?|mos?|weeks?|wks?|days?)[ -]old\b`, 39).withUnit(2, " -", "mwd").
			withWords(&unitWords{digits: 2, units: []string{"months", "month", "mos", "mo", "weeks", "week", "wks", "wk", "days", "day"}, old: true})
	gestation = guard(`(?i)\b(\d{1,2})(?:\s*(?:\+\s*\d|[0-6]/7|and \d days?))?\s*-?\s*(?:weeks?|wks?)\b`, "week", "wk")
)

// encounterCodes adds the encounter codes coders add: Z23 for a vaccine
// given at this visit, Z00 for a routine exam, Z08 beside a personal
// history of a treated malignancy with no evidence of disease, Z3A weeks of
// gestation and Z37 outcome of delivery.
func (e *Engine) encounterCodes(n *ruleNote, res *Result, adds []addition) []addition {
	adds = e.immunization(n, adds)
	adds = e.routineExam(n, res, adds)
	adds = e.gestationWeeks(n, adds)
	adds = e.deliveryOutcome(n, adds)
	return adds
}

// immunization: Z23 when a vaccine is given at this encounter.
func (e *Engine) immunization(n *ruleNote, adds []addition) []addition {
	var ev []cue
	for _, c := range n.cues(vaccineCues) {
		if !n.patients(c) || c.assert&nlp.Historical != 0 || !n.sentenceHas(c.sent, givenCues, -1) || n.sentenceHas(c.sent, notGivenCues, -1) {
			continue
		}
		ev = append(ev, c)
	}
	if len(ev) == 0 {
		return adds
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z23", conf: ruleConfidence, ev: ev, rule: "immunization", why: "a vaccine is given at this encounter; code the vaccine product and its administration too"})
}

// age returns the patient's age in years from the note (months and weeks
// count as 0), -1 when the note does not say.
func age(doc *nlp.Document) int {
	// ageMonths ends in [ -]old; ageYears holds \d[ -]?y.
	if !digitThen(doc.Text, " -", "y") {
		if containsFold(doc.Text, "old") && ageMonths.find(doc.Text) != nil {
			return 0
		}
		return -1
	}
	y := ageYears.find(doc.Text)
	end := len(doc.Text)
	if y != nil {
		end = y[0] // only a months match before the years' counts
	}
	if m := ageMonths.findBefore(doc.Text, end); m != nil && (y == nil || m[0] < y[0]) {
		return 0
	}
	if y != nil {
		n, _ := strconv.Atoi(doc.Text[y[2]:y[3]])
		return n
	}
	return -1
}

// routineExam: Z00.00/Z00.01 for an adult, Z00.121/Z00.129 for a child,
// with abnormal findings when the note says so or codes a finding (a
// suggested ICD-10-CM code outside chapter 21 at the decision threshold).
func (e *Engine) routineExam(n *ruleNote, res *Result, adds []addition) []addition {
	var ev []cue
	for _, c := range n.cues(examCues) {
		if n.patients(c) && c.assert&nlp.Historical == 0 && !n.near(c, plannedCues, 3, 0) && !n.near(c, notGivenCues, 3, 0) {
			ev = append(ev, c)
		}
	}
	if len(ev) == 0 {
		return adds
	}
	a := n.age()
	child := a >= 0 && a < 18 || a < 0 && (len(n.cues(childExamCues)) > 0 || len(n.cues(childCues)) > 0)
	abnormal, reason := false, "no finding is coded"
	for _, c := range n.cues(abnormalCues) {
		if c.assert&nlp.Negated == 0 {
			abnormal, reason = true, "the note documents abnormal findings"
		}
	}
	if !abnormal && len(n.cues(normalCues)) == 0 {
		for ks := range res.Suggestions {
			s := &res.Suggestions[ks]
			if s.System == string(corpus.ICD10CM) && !strings.HasPrefix(s.Code, "Z") && s.Confidence >= res.Threshold {
				abnormal, reason = true, "a finding is coded ("+s.Code+")"
				break
			}
		}
	}
	code := map[[2]bool]string{{false, false}: "Z00.00", {false, true}: "Z00.01", {true, false}: "Z00.129", {true, true}: "Z00.121"}[[2]bool{child, abnormal}]
	who := "adult"
	if child {
		who = "child"
	}
	why := fmt.Sprintf("routine %s health examination; %s", who, reason)
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: ruleConfidence, ev: ev, rule: "routine_exam", why: why,
		edits: []Edit{{Kind: "sequencing", Message: "the routine examination code is listed first; code abnormal findings in addition"}}})
}

// gestationalAge reports whether "NN weeks" after before reads as the age
// of a pregnancy the note documents elsewhere: the sentence's first words
// or after "at" or a comma ("Mild preeclampsia at 35 weeks", "Decreased
// fetal movement, 36 weeks"), not a duration ("cough for 2 weeks").
func gestationalAge(before string) bool {
	b := strings.ToLower(strings.TrimRight(before, " "))
	return b == "" || strings.HasSuffix(b, ",") || strings.HasSuffix(b, " at") || b == "at"
}

// gestationWeeks: Z3A.xx from "NN weeks" in a sentence about the
// pregnancy (weeksOfGestation).
func (e *Engine) gestationWeeks(n *ruleNote, adds []addition) []addition {
	wk, c, ok := n.weeks()
	if !ok {
		return adds
	}
	var code string
	switch {
	case wk < 8:
		code = "Z3A.01"
	case wk > 42:
		code = "Z3A.49"
	default:
		code = fmt.Sprintf("Z3A.%02d", wk)
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: e.secondaryConfidence(), ev: []cue{c}, rule: "weeks_of_gestation",
		why: fmt.Sprintf("%d weeks of gestation documented; Z3A codes go with the pregnancy codes on the maternal record", wk)})
}

// weeksOfGestation reads the weeks of the current pregnancy: the first
// "NN weeks" in a sentence about the pregnancy (not "2 weeks ago", not "6
// weeks postpartum", not a previous pregnancy's).
func weeksOfGestation(n *ruleNote) (int, cue, bool) {
	// weeksScan reads a sentence only when it holds a pregnancy cue or
	// the note is a pregnancy's: a note with neither has none to read,
	// and its text is not searched for the weeks (most notes say "2
	// weeks ago" somewhere).
	if len(n.cues(pregnancyCues)) == 0 && !n.pregnant() {
		return 0, cue{}, false
	}
	return weeksScan(n)
}

// weeksScan is weeksOfGestation reading every sentence that says "week"
// or "wk": the form TestWeeksGateIsScan holds it to.
func weeksScan(n *ruleNote) (int, cue, bool) {
	doc := n.doc
	// at is where the first "week" or "wk" from from on starts (guarded's
	// index): a sentence none starts in is not searched.
	from, at := 0, gestation.index(doc.Text, 0)
	if at < 0 {
		return 0, cue{}, false // no sentence holds "week" or "wk"
	}
	for s, sp := range doc.Sentences {
		if sp.Start < from || at >= 0 && at < sp.Start {
			from, at = sp.Start, gestation.index(doc.Text, sp.Start)
		}
		if at < 0 || at >= sp.End {
			continue
		}
		text := doc.Text[sp.Start:sp.End]
		m, ok := gestationMatch(text) // gestation.FindStringSubmatchIndex
		if !ok || !n.sentenceHas(s, pregnancyCues, -1) && !(n.pregnant() && gestationalAge(text[:m[0]]) && !n.sentenceHas(s, postpartumCues, -1)) {
			continue
		}
		low := strings.ToLower(text[m[1]:])
		if strings.HasPrefix(strings.TrimSpace(low), "ago") || strings.Contains(low, "postpartum") || strings.Contains(low, "post partum") || strings.HasPrefix(strings.TrimSpace(low), "old") {
			continue
		}
		c := cue{start: sp.Start + m[0], end: sp.Start + m[1], sent: s, sec: -1, tok: -1}
		lo, _ := sentenceTokens(doc, s)
		for i := lo; i < len(doc.Tokens) && doc.Tokens[i].Start < c.end; i++ {
			if doc.Tokens[i].Start >= c.start {
				if c.tok < 0 {
					c.tok = i
				}
				c.last = i
				c.assert |= doc.Tokens[i].Assert
				c.sec = doc.Tokens[i].Section
			}
		}
		if c.assert&nlp.Negated != 0 && withoutOnly(doc, c.start, c.end) {
			c.assert &^= nlp.Negated // "without proteinuria, 37 weeks"
		}
		// "a previous pregnancy delivered at 38 weeks" is another pregnancy.
		if c.tok < 0 || c.assert&(blockedAssert|nlp.Historical) != 0 || n.near(c, pastCues, 6, 0) && !n.near(c, thisPregnancyCues, 6, 0) {
			continue
		}
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		return n, c, true
	}
	return 0, cue{}, false
}

// deliveryOutcome: Z37.x when the note documents a delivery at this
// encounter (not a previous one).
func (e *Engine) deliveryOutcome(n *ruleNote, adds []addition) []addition {
	var ev []cue
	for _, c := range n.cues(deliveryCues) {
		if !n.patients(c) || c.assert&nlp.Historical != 0 || n.near(c, pastCues, 4, 2) || n.near(c, plannedCues, 4, 0) ||
			!n.sentenceHas(c.sent, infantCues, -1) {
			continue
		}
		ev = append(ev, c)
	}
	// Z37 goes on the mother's record, not the newborn's or a child's.
	// The age is read last: a note with no delivery (most) has its text
	// searched for an age only by a rule that needs it.
	if len(ev) == 0 || len(n.cues(newbornRecordCues)) > 0 {
		return adds
	}
	if a := n.age(); a >= 0 && a < 12 {
		return adds
	}
	live := func(ps []phrase) bool {
		for _, c := range n.cues(ps) {
			if c.assert&(nlp.Negated|nlp.Historical|nlp.Family|nlp.Hypothetical) == 0 {
				return true
			}
		}
		return false
	}
	still := live(stillCues)
	code := "Z37.0"
	switch {
	case live(tripletCues) && still:
		code = "Z37.61"
	case live(tripletCues):
		code = "Z37.51"
	case live(twinCues) && still:
		code = "Z37.3"
	case live(twinCues):
		code = "Z37.2"
	case still:
		code = "Z37.1"
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: code, conf: e.secondaryConfidence(), ev: ev, rule: "outcome_of_delivery",
		why: "a delivery at this encounter: the outcome of delivery goes on the maternal record"})
}

// followUp applies the follow-up guideline for a malignancy whose
// treatment is completed with no evidence of disease (I.C.2.d, I.C.21.c.8):
// the malignancy's own code is replaced by its personal-history code
// (Z85), and Z08 is added for the follow-up examination.
func (e *Engine) followUp(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	ned := false
	var nedCue []cue
	for _, c := range n.cues(nedCues) {
		if c.assert&(nlp.Family|nlp.Hypothetical) == 0 {
			ned = true
			nedCue = append(nedCue, c)
		}
	}
	if !ned {
		return adds, rej
	}
	var hist []Suggestion
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		s := res.Suggestions[i]
		if s.System != string(corpus.ICD10CM) {
			continue
		}
		if strings.HasPrefix(s.Code, "Z85") {
			hist = append(hist, s)
			continue
		}
		// Only a primary malignancy the note places in the past ("history
		// of", "status post"): a case treated in this episode keeps its
		// code, and so do secondary and unspecified-site ones (C77-C80).
		if s.Code[0] != 'C' || !slices.Contains(s.Assertions, "historical") || s.Code >= "C77" && s.Code < "C81" {
			continue
		}
		z, ok := e.personalHistory(s)
		if !ok {
			continue
		}
		rej = append(rej, drop(res, i, "history", "treated malignancy with no evidence of disease: coded with the personal-history code "+z.Code))
		adds = append(adds, addition{sys: corpus.ICD10CM, code: z.Code, conf: s.Confidence, ev: append(evidenceCues(doc, s), nedCue...), rule: "follow_up",
			why: "the malignancy was treated and the note finds no evidence of disease: personal history of it"})
		hist = append(hist, s)
	}
	// Z08 only when this encounter is the follow-up examination.
	if len(hist) == 0 || len(n.cues(surveillanceCues)) == 0 {
		return adds, rej
	}
	conf := 0.0
	var ev []cue
	for _, s := range hist {
		conf = max(conf, s.Confidence)
		ev = append(ev, evidenceCues(doc, s)...)
	}
	return append(adds, addition{sys: corpus.ICD10CM, code: "Z08", conf: conf, ev: append(ev, nedCue...), rule: "follow_up",
		why:   "follow-up examination after completed treatment of a malignancy, no evidence of disease",
		edits: []Edit{{Kind: "sequencing", Message: "Z08 is listed first, the personal-history code (Z85) beside it"}}}), rej
}

// personalHistory finds the personal-history code (Z85) of a malignancy
// suggestion: searched with the words of its title, else of the names its
// evidence matched.
func (e *Engine) personalHistory(s Suggestion) (corpus.Brief, bool) {
	names := []string{s.Display}
	for _, ev := range s.Evidence {
		names = append(names, ev.Matched)
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		var q index.Query
		for _, st := range append(e.stemTerms("personal history"), e.ix.Stems(n)...) {
			if id, ok := e.ix.TermID(st); ok {
				q.Terms = append(q.Terms, id)
				q.Pos = append(q.Pos, int32(len(q.Pos)))
			}
		}
		// Every Z85 name says "personal history of malignant neoplasm":
		// the one matching the most of the rest names the site.
		var best index.Hit
		found := false
		for _, h := range e.ix.Search(q, index.SearchOptions{MinCoverage: 0.7, Systems: []corpus.System{corpus.ICD10CM}, Limit: 50}) {
			if t := e.targets[h.Code]; strings.HasPrefix(e.ix.Code(h.Code).Code, "Z85") && !t.invalid && t.anyCode() != 0 && (!found || h.Mass > best.Mass) {
				best, found = h, true
			}
		}
		if found {
			return e.set.Brief(e.targets[best.Code].anyCode()), true
		}
	}
	return corpus.Brief{}, false
}
