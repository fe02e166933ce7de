package suggest

import (
	"math"
	"math/bits"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Sequencing: the order in which a coder lists the codes of an encounter
// (ICD-10-CM Official Guidelines for Coding and Reporting, I.A, I.B.9,
// I.C, IV). The ranker orders by confidence; a claim lists the reason for
// the encounter first, an etiology before its manifestation, a systemic
// infection before the local one. sequence reorders the ICD-10-CM
// suggestions at or above the decision threshold by those rules, after
// every coding rule ran and before the MaxResults cut. It changes which
// codes are above the threshold in two documented cases only: a code the
// note states as the reason for the visit ("here for chemotherapy"), and
// a code a rule lists before an above-threshold code its sentence names
// (the etiology a "code first" note asks for, the sepsis of a localized
// infection) that the ranker left within half the threshold.

// firstListed are the Z codes that name the encounter itself and are
// listed first when suggested: prefix, a child excepted, the guideline.
var firstListed = []struct{ prefix, except, section string }{
	{"Z00", "Z00.6", "I.C.21.c.16, IV.P: a general examination is listed first"},
	{"Z01", "", "I.C.21.c.16, IV.M: a special or pre-procedural examination is listed first"},
	{"Z02", "", "I.C.21.c.16: an administrative examination is listed first"},
	{"Z04", "", "I.C.21.c.16: an observation encounter is listed first"},
	{"Z08", "", "I.C.21.c.8: the follow-up examination after completed treatment is listed first"},
	{"Z09", "", "I.C.21.c.8: the follow-up examination after completed treatment is listed first"},
	{"Z31.81", "", "I.C.21.c.16: this reproductive encounter is listed first"},
	{"Z31.83", "", "I.C.21.c.16: this reproductive encounter is listed first"},
	{"Z31.84", "", "I.C.21.c.16: this reproductive encounter is listed first"},
	{"Z33.2", "", "I.C.21.c.16: this pregnancy encounter is listed first"},
	{"Z34", "", "I.C.21.c.16, IV.O: the routine prenatal visit is listed first"},
	{"Z38", "", "I.C.16.a.2, I.C.21.c.16: the newborn's birth code is listed first"},
	{"Z39", "", "I.C.21.c.16: the postpartum encounter is listed first"},
	{"Z42", "", "I.C.21.c.16: aftercare is listed first"},
	{"Z43", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z44", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z45", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z46", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z47", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z48", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z49", "", "I.C.21.c.7: aftercare is generally listed first"},
	{"Z51.0", "", "I.C.2.e.2, IV.L: the encounter for radiation therapy is listed first"},
	{"Z51.1", "", "I.C.2.e.2, IV.L: the encounter for chemotherapy or immunotherapy is listed first"},
	{"Z52", "", "I.C.21.c.16: the donor encounter is listed first"},
	{"Z76.1", "", "I.C.21.c.16: this health supervision encounter is listed first"},
	{"Z76.2", "", "I.C.21.c.16: this health supervision encounter is listed first"},
	{"Z99.12", "", "I.C.21.c.16: this encounter for respirator dependence is listed first"},
}

// reasonFirst are Z codes that may be listed first or after (screening,
// counseling, palliative care, a vaccination, contraception): first when
// the note states them as the reason for the visit.
var reasonFirst = []struct{ prefix, section string }{
	{"Z11", "I.C.21.c.5: a screening that is the reason for the visit is listed first"},
	{"Z12", "I.C.21.c.5: a screening that is the reason for the visit is listed first"},
	{"Z13", "I.C.21.c.5: a screening that is the reason for the visit is listed first"},
	{"Z23", "I.C.21.c.2: a vaccination that is the reason for the visit is listed first"},
	{"Z30", "I.C.21.c.13: the contraceptive management the visit is for is listed first"},
	{"Z40", "I.C.21.c.13: the prophylactic surgery the encounter is for is listed first"},
	{"Z51.5", "IV.L: the palliative care the encounter is for is listed first"},
	{"Z51.8", "IV.L: the service the encounter is for is listed first"},
	{"Z69", "I.C.21.c.10: counseling that is the reason for the visit is listed first"},
	{"Z70", "I.C.21.c.10: counseling that is the reason for the visit is listed first"},
	{"Z71", "I.C.21.c.10: counseling that is the reason for the visit is listed first"},
}

// visitCues say what the encounter is for: the service named within a
// few words after them is the reason for the visit.
var visitCues = phrases("here for|here today for|seen for|seen today for|presents for|presenting for|presents today for|encounter for|visit for|comes in for|came in for|returns for|admitted for|scheduled for")

// serviceWords name a service an encounter is for; a Z code is taken as
// the visit's reason only when its evidence holds one ("HIV screening",
// not "HIV disease" matched to a screening code).
var serviceWords = phrases("screening|examination|exam|physical|aftercare|counseling|chemotherapy|chemo|immunotherapy|radiation|radiotherapy|palliative|follow-up|follow - up|follow up|followup|surveillance|preoperative|preprocedural|vaccination|immunization|contraception|contraceptive|fitting|adjustment|removal|dressing")

// reasonGap is how many tokens may stand between a visit cue and the
// service it introduces ("here for cycle 3 of chemotherapy").
const reasonGap = 4

// order is one sequencing constraint: suggestion a before b, the rule's
// rank (lower wins a conflict) and the reason shown to the coder.
type order struct {
	a, b int
	rank int
	why  string
	// one: b asks for one code first (its code first note, the sepsis of
	// its infection): of the codes answering, only the surest is it.
	one bool
	// follow: b is secondary to a (a's use additional code note, a
	// manifestation): b moves below a and takes at most a's confidence;
	// otherwise a is the first-listed code and moves up to b's.
	follow bool
	// note is the instructional note why names (orderNote): its words
	// are put together from the two codes only for an order a code's
	// edit shows.
	note orderNote
}

// orderNote is the Tabular note an order follows, when it names one.
type orderNote uint8

const (
	noteNone          orderNote = iota // why says it
	noteCodeFirst                      // b's code first note names a
	noteUseAdditional                  // a's use additional note names b
	noteElsewhere                      // b is classified elsewhere
)

// message is the edit of the code c moves up: "listed before" the code
// it passed and why (the instructional note it follows, or c.why), put
// together in one allocation.
func (c *order) message(sugs []Suggestion) string {
	a, b := sugs[c.a].Code, sugs[c.b].Code
	const lead = "listed before "
	switch c.note {
	case noteCodeFirst:
		return lead + b + ": the code first note of " + b + " names " + a + " (Tabular List, I.A.13)"
	case noteUseAdditional:
		return lead + b + ": the use additional code note of " + a + " names " + b + " (Tabular List, I.A.13)"
	case noteElsewhere:
		return lead + b + ": " + b + " names a disease classified elsewhere and is listed after it (I.A.13)"
	}
	return lead + b + ": " + c.why
}

// sequence reorders the result's suggestions as a coder lists them (see
// the comment at the top of the file). An annotating or training request
// keeps the ranker's order.
func (e *Engine) sequence(doc *nlp.Document, req Request, res *Result) {
	e.sequenceIn(&seqScratch{}, doc, req, res)
}

// seqScratch is sequence's scratch memory, pooled with a Suggest call's
// work (work.seq): the per-suggestion facts, flags and constraint lists
// of one note, reused by the next.
type seqScratch struct {
	in, seen, done, moved []bool
	fs                    []seqFact
	sents                 []int // seqFacts' sentences of every suggestion
	cons, kept            []order
	succ, raise           [][]int
	stack, prio, indeg    []int
	seq                   []int
	ins                   []int      // applyOrder's sequenced codes (in)
	later                 []int      // the suggestions listedBefore may list a code before (sequenceIn)
	sides                 []listSide // later's halves of mayList
	top                   []float64
	why                   []int32  // applyOrder's rule per moved code (one more than its index in kept)
	sets                  sideSets // sides indexed (sequenceIn)
	// hint holds the codes the suggestions were rendered from, in order
	// (Suggest sets it; empty when unknown): seqFacts reads a
	// suggestion's id from it when the code there is the suggestion's
	// (the coding rules may have moved or replaced it), not by a lookup
	// of the code's string.
	hint []corpus.ID
}

// clear drops what the scratch points at (the facts' note ranges and
// sentences, the constraints' reasons), keeping its arrays.
func (sc *seqScratch) clear() {
	clear(sc.fs)
	clear(sc.cons)
	clear(sc.kept)
}

// sequenceIn is sequence with its scratch in sc.
func (e *Engine) sequenceIn(sc *seqScratch, doc *nlp.Document, req Request, res *Result) {
	if req.Annotate || req.Features || len(res.Suggestions) < 2 {
		return
	}
	defer sc.clear()
	thr := res.Threshold
	sugs := res.Suggestions
	sc.in = grown(sc.in, len(sugs))
	in := sc.in
	for i := range sugs { // by index: a Suggestion is too large to copy per code
		in[i] = sugs[i].Confidence >= thr
	}
	e.visitReasons(doc, res, in)
	fs := e.seqFacts(sc, doc, sugs, in, thr)
	cons := sc.cons[:0]
	// The codes a code may be listed before (in the sequenced set, of
	// ICD-10-CM) do not depend on the code: listed once, in order.
	// Their halves of mayList's tests are packed with them (sides), each
	// code's in need, so a pair's filter reads three words of each.
	later, sides := sc.later[:0], sc.sides[:0]
	for b := range sugs {
		if in[b] && fs[b].icd {
			later = append(later, b)
			sides = append(sides, sideOf(&fs[b], &sugs[b]))
		}
	}
	sc.later, sc.sides = later, sides
	// Up to 64 of them, their sides are indexed (sideSets): a code's
	// need names the ones may passes, in order, and only those are
	// judged.
	sets := &sc.sets
	indexed := len(sides) <= 64
	if indexed {
		sets.build(sides)
	}
	for a := range sugs {
		if !in[a] && sugs[a].Confidence < thr/2 || !fs[a].icd {
			continue // too far below to be lifted
		}
		sa, fa := &sugs[a], &fs[a]
		need, packed := needOf(fa, sa, in[a])
		if packed && indexed {
			for m := sets.mayOf(&need); m != 0; m &= m - 1 {
				cons = e.appendListed(cons, doc, sugs, fs, a, later[bits.TrailingZeros64(m)], in[a])
			}
			continue
		}
		for j, b := range later {
			if packed {
				if !need.may(&sides[j]) {
					continue
				}
			} else if a == b || !mayList(fa, &fs[b], sa, &sugs[b], in[a]) {
				continue
			}
			cons = e.appendListed(cons, doc, sugs, fs, a, b, in[a])
		}
	}
	sc.cons = cons
	cons = surest(sugs, e.lift(res, fs, in, cons))
	for i := range sugs { // a lifted code no kept constraint lists first stays below
		if in[i] && sugs[i].Confidence < thr && !slices.ContainsFunc(cons, func(c order) bool { return c.a == i }) {
			in[i] = false
		}
	}
	slices.SortStableFunc(cons, func(x, y order) int { return x.rank - y.rank })
	sc.succ, sc.raise = lists(sc.succ, len(sugs)), lists(sc.raise, len(sugs))
	succ := sc.succ   // every kept constraint
	raise := sc.raise // those listing a first-listed code up
	kept := sc.kept[:0]
	sc.seen = grown(sc.seen, len(sugs))
	seen := sc.seen
	stack := sc.stack[:0]
	for _, c := range cons {
		if !in[c.a] {
			continue
		}
		if stack = reachable(succ, c.b, seen, stack); seen[c.a] {
			continue // a stronger rule already orders them the other way
		}
		succ[c.a] = append(succ[c.a], c.b)
		if !c.follow {
			raise[c.a] = append(raise[c.a], c.b)
		}
		kept = append(kept, c)
	}
	sc.kept, sc.stack = kept, stack
	if len(kept) == 0 {
		return
	}
	applyOrder(sc, res, in, succ, raise, kept)
}

// lists returns n empty lists, reusing ls's lists and their arrays.
func lists(ls [][]int, n int) [][]int {
	if cap(ls) < n {
		ls = append(ls[:cap(ls)], make([][]int, n-cap(ls))...)
	}
	ls = ls[:n]
	for i := range ls {
		ls[i] = ls[i][:0]
	}
	return ls
}

// appendListed appends to cons the rule listing suggestion a before b
// (listedBefore), if one does and they are two suggestions: sequenceIn's
// judgement of a pair, whether the pair came from its side sets or its
// walk over every side.
func (e *Engine) appendListed(cons []order, doc *nlp.Document, sugs []Suggestion, fs []seqFact, a, b int, above bool) []order {
	if a == b {
		return cons
	}
	c, ok := e.listedBefore(doc, sugs, fs, a, b, above)
	if !ok {
		return cons
	}
	c.a, c.b = a, b
	return append(cons, c)
}

// listedBefore says whether suggestion sugs[ia] is listed before
// sugs[ib] (fs holds their facts): the rule's rank, reason and kind (a
// and b left for the caller). above says whether a is above the
// threshold (a code below it is considered only for a rule that may lift
// it).
func (e *Engine) listedBefore(doc *nlp.Document, sugs []Suggestion, fs []seqFact, ia, ib int, above bool) (order, bool) {
	a, b := &sugs[ia], &sugs[ib]
	fa, fb := &fs[ia], &fs[ib]
	if !fa.ok || !fb.ok {
		return order{}, false
	}
	// I.A.12-13, I.B.9: the Tabular's own instructional notes.
	if firstIn(fb.codeFirstAt, a.Code) && rangesName(fb.codeFirst, a.Code) {
		return order{note: noteCodeFirst, one: true}, true
	}
	if !above {
		if !fa.mayLift() {
			return order{}, false // liftable lifts a before no code
		}
		return liftBelow(a, b, fa, fb)
	}
	if firstIn(fa.useAdditionalAt, b.Code) && rangesName(fa.useAdditional, b.Code) {
		return order{note: noteUseAdditional, follow: true}, true
	}
	if c, ok := liftable(fa, fb); ok {
		return c, true
	}
	if fa.first != "" && fb.first == "" && fa.encounterStated(doc, a) {
		return order{rank: 2, why: fa.first}, true
	}
	if why := fa.reason; why != "" && fb.reason == "" && fb.first == "" && statedReason(doc, *a, *b) {
		return order{rank: 2, why: why}, true
	}
	// I.A.13: a manifestation or an infectious agent "in (as the cause
	// of) diseases classified elsewhere" follows the disease its sentence
	// states.
	if !fa.elsewhere && fb.elsewhere && !fa.z && shareSents(fa, fb) && !evidenceWithin(a.Evidence, b.Evidence) {
		return order{rank: 3, note: noteElsewhere, follow: true}, true
	}
	return order{}, false
}

// statesEncounter says whether a first-listed Z code's evidence is the
// encounter: a coding rule read it (an examination, aftercare, follow-up)
// or its words name the service its title names (not "Chest x-ray"
// matched to an examination code). The code is listed first only when
// the note also states it as the visit (visitCued): "Routine physical
// and laboratory examination was irrelevant" in an emergency visit's
// story is no examination encounter.
func statesEncounter(doc *nlp.Document, s Suggestion) bool {
	return slices.ContainsFunc(s.Evidence, func(ev Evidence) bool { return ev.MatchedKind == "rule" }) || namesService(doc, s)
}

// mayList reports whether listedBefore may list a (facts fa) before b
// (fb): each of its rules asks first one of these tests of the two codes'
// facts, without their notes' ranges, shared sentences or evidence, so
// the pairs failing all of them (most of a note's) are not read further
// (TestMayList holds it to listedBefore).
func mayList(fa, fb *seqFact, a, b *Suggestion, above bool) bool {
	if !fa.ok || !fb.ok {
		return false
	}
	if firstIn(fb.codeFirstAt, a.Code) {
		return true
	}
	if !above {
		return mayLiftOver(fa, fb)
	}
	return firstIn(fa.useAdditionalAt, b.Code) || mayLiftOver(fa, fb) ||
		fa.first != "" && fb.first == "" ||
		fa.reason != "" && fb.reason == "" && fb.first == "" ||
		!fa.elsewhere && fb.elsewhere && !fa.z
}

// mayLiftOver reports whether liftable(a, b) may hold: its rules' tests of
// the two codes' flags, without their shared sentences.
func mayLiftOver(a, b *seqFact) bool {
	return a.sepsis && !b.sepsis && !b.obstetric || a.covid && !b.obstetric ||
		b.drug && !a.drug && a.nature || a.crisis && b.hypertensive
}

// liftBelow is listedBefore for a code a below the threshold: only b's
// own note or a rule may lift a (a code below the threshold is not lifted
// by the codes its notes ask for), and not when a reads part of b's words:
// a competing reading, not a second condition to lift ("cannabis" F12.10
// in "adverse effect of cannabis"). The rules are asked first: they are
// flag tests and hold for few pairs, where the evidence test reads every
// span of a against b's. Both are pure, so the order changes no answer
// (TestLiftBelow holds it to the evidence-first form).
func liftBelow(a, b *Suggestion, fa, fb *seqFact) (order, bool) {
	c, ok := liftable(fa, fb)
	if !ok || evidenceWithin(a.Evidence, b.Evidence) {
		return order{}, false
	}
	return c, true
}

// liftable are the rules that may list a code the ranker left below the
// threshold before one above it (a and b: the two codes' facts).
func liftable(a, b *seqFact) (order, bool) {
	// I.C.1.d.4: the systemic infection before the localized one.
	if a.sepsis && !b.sepsis && !b.obstetric {
		return order{rank: 1, why: "the systemic infection (sepsis) is listed before the localized infection and its other conditions (I.C.1.d.4)", one: true}, true
	}
	// I.C.1.g.1.a: COVID-19, then the manifestations stated with it
	// (I.C.1.g.1.b: the O98.5- code of a pregnancy comes first).
	if a.covid && !b.obstetric && shareSents(a, b) {
		return order{rank: 1, why: "COVID-19 is listed before the manifestations stated with it (I.C.1.g.1.a)", one: true}, true
	}
	// I.C.19.e.5.a, c: the nature of an adverse effect, or the condition an
	// underdosing let relapse, before the drug's code; an underdosing is
	// never listed first.
	if b.drug && !a.drug && a.nature && shareSents(a, b) {
		return order{rank: 1, why: "the condition is listed before the adverse effect or underdosing code of the drug (I.C.19.e.5)", one: true}, true
	}
	// I.C.9.a.11: the hypertensive crisis the encounter is for, then the
	// hypertensive disease its "code also" note asks for.
	if a.crisis && b.hypertensive {
		return order{rank: 1, why: "the hypertensive crisis is listed before the hypertensive disease its code also note names (I.C.9.a.11)", one: true}, true
	}
	return order{}, false
}

// mayLift reports whether liftable(a, b) may hold for some b: every rule
// of liftable asks one of these of a, so listedBefore need not read a
// lower code's evidence against codes none of them lifts it before
// (TestMayLift holds it to liftable).
func (a *seqFact) mayLift() bool {
	return a.sepsis || a.covid || a.nature && !a.drug || a.crisis
}

// sepsisCode: a chapter 1 code of sepsis (A40, A41, and the organism
// categories' sepsis codes: A02.1, A32.7, B37.7 ...).
func sepsisCode(s Suggestion) bool {
	return s.Code[0] <= 'B' && lowerHas(s.Display, "sepsis", false)
}

// elsewhere says whether a title says its condition is one of a disease
// classified elsewhere (a manifestation, B95-B97's agents).
func elsewhere(display string) bool {
	return lowerHas(display, "classified elsewhere", false)
}

// firstListedRow is the guideline of the firstListed row of code, "" when
// none. Every row is a Z code's category or a code within one, and the
// rows are in order (TestSequenceRowsAreZ): another code is answered
// without reading the table, and a Z code reads it only up to its
// category, comparing whole prefixes only there (sequencing asks of every
// Z code a note's suggestions hold).
func firstListedRow(code string) string {
	if len(code) < 3 || code[0] != 'Z' || !zCatIn(code, firstListedLo, firstListedHi) {
		return ""
	}
	cat := zCategory(code)
	for _, r := range firstListed {
		if rc := zCategory(r.prefix); rc != cat {
			if rc > cat {
				break
			}
			continue
		}
		if strings.HasPrefix(code, r.prefix) && (r.except == "" || !strings.HasPrefix(code, r.except)) {
			return r.section
		}
	}
	return ""
}

// reasonFirstRow is the guideline of the reasonFirst row of code, "" when
// none; like firstListedRow it reads the table for Z codes only, up to
// their category.
func reasonFirstRow(code string) string {
	if len(code) < 3 || code[0] != 'Z' || !zCatIn(code, reasonFirstLo, reasonFirstHi) {
		return ""
	}
	cat := zCategory(code)
	for _, r := range reasonFirst {
		if rc := zCategory(r.prefix); rc != cat {
			if rc > cat {
				break
			}
			continue
		}
		if strings.HasPrefix(code, r.prefix) {
			return r.section
		}
	}
	return ""
}

// The categories of firstListed's rows and of reasonFirst's, as sets of
// two-digit numbers (bit c of lo for c below 64, bit c-64 of hi): a Z
// code of a category with no row is answered without reading the table,
// most of whose rows sort before it (TestZRowCats holds them to the
// tables).
const (
	firstListedLo, firstListedHi = 0x1bfcc680000317, 0x800001000
	reasonFirstLo, reasonFirstHi = 0x8010040803800, 0xe0
)

// zCatIn reports whether the category of code (a Z code three bytes
// long at least) is in the set lo, hi; a category not of two digits is
// let through, for the table to answer.
func zCatIn(code string, lo, hi uint64) bool {
	d1, d2 := code[1]-'0', code[2]-'0'
	if d1 > 9 || d2 > 9 {
		return true
	}
	c := uint(d1)*10 + uint(d2)
	if c < 64 {
		return lo>>c&1 != 0
	}
	return hi>>(c-64)&1 != 0
}

// zCategory is the two digits of the category of a Z code (or code
// prefix) three bytes long at least, as a number in their order.
func zCategory(code string) int { return int(code[1])<<8 | int(code[2]) }

// statedReason says whether the note states a as what the visit is for:
// a visit cue shortly before a's evidence ("here for smoking cessation
// counseling"), or a's evidence then "for" then b's in one sentence
// ("dietary counseling for obesity": the service, then its reason).
func statedReason(doc *nlp.Document, a, b Suggestion) bool {
	if !namesService(doc, a) {
		return false
	}
	if visitCued(doc, a) {
		return true
	}
	for _, ea := range a.Evidence {
		ca := spanCue(doc, ea.Start, ea.End)
		for _, eb := range b.Evidence {
			cb := spanCue(doc, eb.Start, eb.End)
			if ca.sent < 0 || ca.sent != cb.sent || ca.last < 0 || cb.tok <= ca.last || cb.tok-ca.last > reasonGap+1 {
				continue
			}
			for t := ca.last + 1; t < cb.tok; t++ {
				if doc.Tokens[t].Norm == "for" {
					return true
				}
			}
		}
	}
	return false
}

// visitCued says whether s's evidence is stated as what the visit is
// for: a visit cue within reasonGap tokens before it in its sentence, or
// it opens the note's first statement or its chief complaint or reason
// for visit ("Aftercare following right total knee replacement.").
func visitCued(doc *nlp.Document, s Suggestion) bool {
	for _, ev := range s.Evidence {
		c := spanCue(doc, ev.Start, ev.End)
		if c.sent < 0 || c.tok < 0 {
			continue
		}
		if lo, _ := sentenceTokens(doc, c.sent); lo == c.tok && (lo == 0 || reasonSection(sectionKind(doc, c.sec))) {
			return true
		}
		for _, v := range findCuesIn(doc, c.sent, visitCues) {
			if v.last < c.tok && c.tok-v.last <= reasonGap+1 {
				return true
			}
		}
	}
	return false
}

// visitReasons takes a Z code the note states as the reason for the visit
// ("Here for cycle 3 of chemotherapy") above the threshold, whatever its
// score: the note's words document the encounter. Of such codes the
// ranker's surest is taken (the longest evidence breaks a tie), and none
// when an encounter code of the tables is already above the threshold.
func (e *Engine) visitReasons(doc *nlp.Document, res *Result, in []bool) {
	best := -1
	for i := range res.Suggestions {
		// The first test reads the suggestion in place: most fail it, and
		// a Suggestion is too large to copy per code.
		if p := &res.Suggestions[i]; p.System != string(corpus.ICD10CM) || firstListedRow(p.Code) == "" && reasonFirstRow(p.Code) == "" {
			continue
		}
		s := res.Suggestions[i]
		if in[i] {
			return // an encounter code is already suggested
		}
		if !matched(s) || !namesService(doc, s) || !visitCued(doc, s) || slices.ContainsFunc(res.Suggestions, func(o Suggestion) bool { return o.Confidence >= res.Threshold && within(s, o) }) {
			continue
		}
		// The ranker chooses among siblings; the evidence's length breaks a tie.
		if o := res.Suggestions[max(best, 0)]; best < 0 || s.Confidence > o.Confidence || s.Confidence == o.Confidence && evidenceLen(s) > evidenceLen(o) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	s := &res.Suggestions[best]
	s.Confidence = res.Threshold
	s.Edits = append(s.Edits, Edit{Kind: "sequencing", Message: "the note states this service as the reason for the visit"})
	s.Explanation.Children = append(s.Explanation.Children, Explanation{Value: s.Confidence, Message: "coding rule visit_reason: the note states this service as the reason for the visit"})
	in[best] = true
}

// lift takes into the sequenced set the one best code below the threshold
// (at least half of it, found by a name of the code set, of a category
// with no code above it) that a rule lists before an above-threshold code
// sharing a sentence with it; the constraints of codes left below are
// dropped.
func (e *Engine) lift(res *Result, fs []seqFact, in []bool, cons []order) []order {
	sugs := res.Suggestions
	// The lifted a per b, in a small list rather than a map: few
	// constraints lift a code.
	type lifted struct{ b, a int }
	var buf [8]lifted
	best := buf[:0]
	for _, c := range cons {
		a := &sugs[c.a]
		if in[c.a] || a.Confidence < res.Threshold/2 || !matched(*a) || sameCategoryIn(sugs, in, a) || !shareSents(&fs[c.a], &fs[c.b]) {
			continue
		}
		k := slices.IndexFunc(best, func(l lifted) bool { return l.b == c.b })
		if k < 0 {
			best = append(best, lifted{c.b, c.a})
			continue
		}
		if o := best[k].a; evidenceLen(*a) > evidenceLen(sugs[o]) || evidenceLen(*a) == evidenceLen(sugs[o]) && a.Confidence > sugs[o].Confidence {
			best[k].a = c.a
		}
	}
	for _, l := range best {
		in[l.a] = true
	}
	out := cons[:0]
	for _, c := range cons {
		if in[c.a] {
			out = append(out, c)
		}
	}
	return out
}

// sameCategoryIn says whether a suggestion flagged in holds a's system
// and category.
func sameCategoryIn(sugs []Suggestion, in []bool, a *Suggestion) bool {
	cat := category(a.Code)
	for i := range sugs {
		if in[i] && sugs[i].System == a.System && category(sugs[i].Code) == cat {
			return true
		}
	}
	return false
}

// matched says whether a name of the code set matched s's evidence.
func matched(s Suggestion) bool {
	return slices.ContainsFunc(s.Evidence, func(ev Evidence) bool { return ev.Matched != "" })
}

// evidenceLen is the number of note bytes s's evidence covers.
func evidenceLen(s Suggestion) int {
	n := 0
	for _, ev := range s.Evidence {
		n += ev.End - ev.Start
	}
	return n
}

// applyOrder lists the sequenced suggestions (in) in an order meeting
// every kept constraint, then the others in their order. A first-listed
// code (raise) takes the place and the confidence of the surest code it
// precedes; a secondary code (succ only) waits below the code it follows
// and takes at most its confidence. Scores are lowered just enough that
// the result keeps its total order (confidence desc, score desc); a code
// moved up gets an edit saying why.
func applyOrder(sc *seqScratch, res *Result, in []bool, succ, raise [][]int, kept []order) {
	sugs := res.Suggestions
	n := len(sugs)
	sc.prio, sc.top, sc.seen = grown(sc.prio, n), grown(sc.top, n), grown(sc.seen, n)
	prio := sc.prio // the earliest index a node or a code it precedes holds
	top := sc.top
	seen := sc.seen
	stack := sc.stack[:0]
	for i := range n {
		prio[i], top[i] = i, sugs[i].Confidence
		if len(raise[i]) > 0 { // it precedes a code
			stack = reachable(raise, i, seen, stack)
			for j := range n {
				if j != i && seen[j] {
					prio[i] = min(prio[i], j)
					top[i] = max(top[i], sugs[j].Confidence)
				}
			}
		}
		if top[i] < res.Threshold {
			in[i] = false // a lifted code whose constraints were dropped stays below
		}
	}
	sc.stack = stack
	sc.indeg = grown(sc.indeg, n)
	indeg := sc.indeg
	for i := range n {
		for _, j := range succ[i] {
			if in[i] {
				indeg[j]++
			}
		}
	}
	ins := sc.ins[:0]
	for i := range n {
		if in[i] {
			ins = append(ins, i)
		}
	}
	sc.ins = ins
	sc.done = grown(sc.done, n)
	done := sc.done
	seq := pickOrder(sc.seq[:0], ins, done, indeg, prio, succ)
	// Each code moved above another says why once: the rule placing it
	// above the first code it passed. why[i] is one more than the index
	// in kept of that rule (0: none), a list per code rather than a map
	// made per note.
	sc.why = grown(sc.why, n)
	why := sc.why
	for ci := range kept {
		c := &kept[ci]
		if w := why[c.a]; c.a > c.b && (w == 0 || c.b < kept[w-1].b) {
			why[c.a] = int32(ci) + 1
		}
	}
	// Each sequenced code's confidence and score are set in its place
	// (the one before it in seq is already set, as out[k-1] was), then
	// the list is permuted in place: the sequenced codes, then the others
	// in their order.
	for k, i := range seq {
		s := &sugs[i]
		if k > 0 {
			p := &sugs[seq[k-1]]
			s.Confidence = min(max(s.Confidence, top[i]), p.Confidence)
			if !listsAfterRef(p, s) { // in place: a Suggestion is large to copy
				s.Score = math.Nextafter(p.Score, math.Inf(-1))
			}
		} else {
			s.Confidence = max(s.Confidence, top[i])
		}
		if w := why[i]; w != 0 {
			s.Edits = append(s.Edits, Edit{Kind: "sequencing", Message: kept[w-1].message(sugs)})
		}
	}
	perm := seq
	for i := range n {
		if !done[i] {
			perm = append(perm, i)
		}
	}
	sc.moved = grown(sc.moved, n)
	permute(sugs, perm, sc.moved)
	sc.seq = perm
}

// pickOrder appends to seq the codes of ins (the sequenced codes'
// indices, in order) in an order succ allows: each time, of the codes
// not done whose predecessors are all placed (indeg 0), the one of the
// lowest prio, the lowest index on a tie; it marks them done. ins is
// first sorted in place by (prio, index), by insertion (it comes in
// index order, and most codes' prio is their own index: nearly sorted),
// so each pick is the first code of ins not done whose indeg is 0, found
// from the first not done on: not a scan of every sequenced code per
// pick (TestPickOrder holds it to the scan of all suggestions).
func pickOrder(seq, ins []int, done []bool, indeg, prio []int, succ [][]int) []int {
	for k := 1; k < len(ins); k++ {
		i := ins[k]
		at := k
		for ; at > 0 && (prio[ins[at-1]] > prio[i] || prio[ins[at-1]] == prio[i] && ins[at-1] > i); at-- {
			ins[at] = ins[at-1]
		}
		ins[at] = i
	}
	first := 0 // ins[:first] are done
	for {
		for first < len(ins) && done[ins[first]] {
			first++
		}
		pick := -1
		for _, i := range ins[first:] {
			if !done[i] && indeg[i] == 0 {
				pick = i
				break
			}
		}
		if pick < 0 {
			return seq
		}
		done[pick] = true
		seq = append(seq, pick)
		for _, j := range succ[pick] {
			indeg[j]--
		}
	}
}

// reasonSection: sections that state what the visit is for.
func reasonSection(k nlp.SectionKind) bool {
	return k == nlp.ChiefComplaint || k == nlp.ReasonForVisit
}

// namesService says whether s's evidence holds a service word its title
// holds too ("chemo" for Encounter for antineoplastic chemotherapy, not
// for Encounter for palliative care).
func namesService(doc *nlp.Document, s Suggestion) bool {
	title := strings.ToLower(s.Display)
	for _, ev := range s.Evidence {
		c := spanCue(doc, ev.Start, ev.End)
		if c.sent < 0 || c.tok < 0 {
			continue
		}
		for _, w := range findCuesIn(doc, c.sent, serviceWords) {
			if w.tok < c.tok || w.last > c.last || effectOf(doc, w.last) {
				continue
			}
			for t := w.tok; t <= w.last; t++ {
				if n := doc.Tokens[t].Norm; len(n) > 1 && !strings.Contains(title, n) {
					break
				} else if t == w.last {
					return true
				}
			}
		}
	}
	return false
}

// surest keeps, of the constraints by which a code asks for one code
// first, the one of the surest code that answers ("code first the
// underlying condition": K86.1 at 0.7, not K85.90 at 0.28 too).
func surest(sugs []Suggestion, cons []order) []order {
	best := map[[2]int]int{} // b, rank -> a
	for _, c := range cons {
		k := [2]int{c.b, c.rank}
		if o, ok := best[k]; c.one && (!ok || sugs[c.a].Confidence > sugs[o].Confidence) {
			best[k] = c.a
		}
	}
	out := cons[:0]
	for _, c := range cons {
		if !c.one || best[[2]int{c.b, c.rank}] == c.a {
			out = append(out, c)
		}
	}
	return out
}

// drugEffect says whether s is an adverse effect or underdosing code of
// the Table of Drugs (T36-T50, read from its title).
func drugEffect(s Suggestion) bool {
	return s.Code[0] == 'T' && (lowerHas(s.Display, "adverse effect of", true) || lowerHas(s.Display, "underdosing of", true))
}

// nature says whether a code may state the nature of a drug's effect: not
// a poisoning, adverse effect or toxic effect (T36-T65), an external cause
// (V00-Y99) or a Z code.
func nature(code string) bool {
	switch {
	case code[0] >= 'V' && code[0] <= 'Z':
		return false
	case code[0] == 'T':
		return code < "T36" || code >= "T66"
	}
	return true
}

// effectOf says whether the token after t makes t's service the cause of
// a condition ("chemotherapy-induced anemia"), not the visit's service.
func effectOf(doc *nlp.Document, t int) bool {
	for i := t + 1; i < len(doc.Tokens) && i <= t+2; i++ {
		switch doc.Tokens[i].Norm {
		case "-":
			continue
		case "induced", "related", "associated", "caused":
			return true
		}
		return false
	}
	return false
}

// within says whether every evidence span of a lies inside one of b's.
func within(a, b Suggestion) bool { return evidenceWithin(a.Evidence, b.Evidence) }

// evidenceWithin is within of two suggestions' evidence (without copying
// the suggestions).
func evidenceWithin(a, b []Evidence) bool {
	if len(a) == 0 {
		return false
	}
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y Evidence) bool { return y.Start <= x.Start && x.End <= y.End }) {
			return false
		}
	}
	return true
}
