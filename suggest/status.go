package suggest

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

//go:embed status.txt
var statusTable string

// statusRule is one line of status.txt: a code and the phrases that
// document it.
type statusRule struct {
	code    string
	kind    string // drug, longterm, opening, aftercare
	phrases []phrase
	// systemic says the code's title names the systemic route
	// (notRegularUse).
	systemic bool
}

// parseStatusRules reads status.txt, keeping the rules whose code is a
// billable ICD-10-CM code of set.
func parseStatusRules(set *corpus.Set, src string) ([]statusRule, error) {
	var out []statusRule
	for n, line := range strings.Split(src, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("suggest: status.txt:%d: want code, kind and phrases separated by tabs", n+1)
		}
		switch f[1] {
		case "drug", "longterm", "opening", "aftercare", "implant":
		default:
			return nil, fmt.Errorf("suggest: status.txt:%d: unknown kind %q", n+1, f[1])
		}
		// An implant's category resolves to a child by side (sidedChild).
		id, ok := set.ID(corpus.ICD10CM, f[0])
		if !ok || !set.Brief(id).Billable && (f[1] != "implant" || len(set.Children(id)) == 0) {
			continue
		}
		out = append(out, statusRule{code: f[0], kind: f[1], phrases: phrases(strings.ReplaceAll(f[2], "-", " ")),
			systemic: containsFold(set.Brief(id).Display, "systemic")})
	}
	return out, nil
}

// Words near a mention that say the drug or opening is not current, or
// the mention is a plan rather than what the patient has.
var (
	stoppedCues   = phrases("earlier|formerly|previously|stop|stopped|stopping|discontinue*|dc'd|held|hold|holding|off|quit|allerg*|intoleran*|declin*|refus*|no longer|ran out|reversal|reversed|takedown|closure|closed|removed|removal")
	plannedCues   = phrases("will|plan|plans|planned|planning|consider*|recommend*|discuss*|start|initiate|begin|prescribe|if|may|candidate|offered|schedule*|referr*|refer")
	longTermCues  = phrases("long term|long-term|longterm|chronic|chronically|maintenance|for years|for many years|lifelong|indefinitely|suppressive|prophylactic")
	shortCues     = phrases("taper|tapering|burst|course|pulse|pulses|bolus|for days|for a week|single dose|once|stat|loading dose|iv|intravenous|intravenously")
	currentCues   = phrases("treated with|treatment with|therapy with|anticoagulated with|in treatment with|under treatment with|on treatment with|usual treatment|chronic treatment|regular treatment|usual medication|home medication|home medications|receiving|receives|on|takes|taking|uses|using|current|currently|continues|continue|continued|remains|maintained")
	blockedAssert = nlp.Negated | nlp.Family | nlp.Hypothetical
	// otherPersonCues name someone other than the patient ("mother on
	// insulin", "his wife's colostomy").
	otherPersonCues = phrases("mother|mother's|father|father's|mom|dad|brother|brother's|sister|sister's|sibling|siblings|parent|parents|son|son's|daughter|daughter's|wife|wife's|husband|husband's|spouse|spouse's|partner|partner's|grandmother|grandfather|aunt|uncle|cousin|family|friend|roommate")
)

// patients reports whether cue c is about the patient: no family-history,
// negation or hypothetical flag, and no other person named just before.
func patients(doc *nlp.Document, c cue) bool {
	return c.assert&blockedAssert == 0 && !near(doc, c, otherPersonCues, 4, 0)
}

// near reports whether any of ps occurs within before tokens before c or
// after tokens after it, in its sentence.
//
// It reads only the tokens such a cue can start at: from before words
// and the longest phrase ahead of c to after words past it, each the
// cue findCuesIn would report there (the longest phrase).
func near(doc *nlp.Document, c cue, ps []phrase, before, after int) bool {
	if c.sent < 0 || c.tok < 0 {
		return false // findCuesIn finds nothing outside a sentence
	}
	longest := 0
	var f cueFilter // findCues' first-word filter
	for _, p := range ps {
		longest = max(longest, len(p))
		f.add(p[0])
	}
	toks := doc.Tokens
	for i := max(0, c.tok-before-longest+1); i < min(len(toks), c.last+after+1); i++ {
		if toks[i].Sent != c.sent || i >= c.tok && i <= c.last || !f.may(toks[i].Norm) {
			continue
		}
		o, ok := cueAt(doc, i, ps)
		if ok && (o.last < c.tok && c.tok-o.last <= before || o.tok > c.last && o.tok-c.last <= after) {
			return true
		}
	}
	return false
}

// drugStatus adds the long-term drug therapy (Z79), artificial opening
// status (Z93) and aftercare (Z48) codes status.txt lists for what the
// note documents as current at this encounter. Insulin is not coded Z79.4
// for type 1 diabetes, where it is inherent (guidelines I.C.4.a.3).
func (e *Engine) drugStatus(n *ruleNote, res *Result, adds []addition) []addition {
	doc := n.doc
	type1 := anySuggestedICD(res, "E10") && !anySuggestedICD(res, "E11", "E13")
	found := n.lists(n.tab.status, len(e.status))
	// Only the rules whose phrases the note holds add a code: the others
	// are not read (TestDrugStatusFilled).
	var buf [16]int32
	for _, fi := range n.filledOf(n.tab.status, len(e.status), buf[:0]) {
		ri := int(fi)
		r := e.status[ri]
		if r.code == "Z79.4" && type1 {
			continue
		}
		var ev []cue
		for _, c := range found[ri] {
			if e.statusCue(n, r, c) {
				ev = append(ev, c)
			}
		}
		if len(ev) == 0 {
			continue
		}
		why := statusWhy(r.kind)
		conf := e.secondaryConfidence()
		if r.kind == "aftercare" {
			conf = ruleConfidence // the reason for the encounter, listed first
		}
		code := r.code
		if r.kind == "implant" {
			if code = e.sidedChild(doc, r.code, ev[0]); code == "" {
				continue
			}
		}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: code, conf: conf, ev: ev, rule: "status_" + r.kind, why: why})
	}
	return adds
}

// statusCue reports whether mention c documents rule r at this encounter.
func (e *Engine) statusCue(n *ruleNote, r statusRule, c cue) bool {
	doc := n.doc
	if !n.patients(c) {
		return false
	}
	sec := sectionKind(doc, c.sec)
	if sec == nlp.Allergies || sec == nlp.FamilyHistory {
		return false
	}
	meds := sec == nlp.Medications || sec == nlp.DischargeMedications
	if n.near(c, stoppedCues, 4, 3) || n.near(c, plannedCues, 4, 0) {
		return false
	}
	if (r.kind == "drug" || r.kind == "longterm") && notRegularUse(doc, r.systemic, c) {
		return false // druguse.go
	}
	if notYet(n, r.kind, c) {
		return false // notyet.go
	}
	switch r.kind {
	case "drug":
		// A medication list is current use; elsewhere the note says so
		// ("on warfarin", "takes insulin daily"), a single dose is not.
		if meds {
			return true
		}
		return c.assert&nlp.Historical == 0 && !n.sentenceHas(c.sent, shortCues, -1) &&
			(n.near(c, currentCues, 3, 0) || n.sentenceHas(c.sent, longTermCues, -1))
	case "longterm":
		// Documented as long-term, or a standing entry of the medication
		// list that is not a short course.
		if c.assert&nlp.Historical != 0 || n.sentenceHas(c.sent, shortCues, -1) {
			return false
		}
		return meds || n.sentenceHas(c.sent, longTermCues, -1)
	case "opening", "implant":
		return true // "s/p colectomy with colostomy", "s/p TKA": the opening or implant is the status
	case "aftercare":
		return c.assert&nlp.Historical == 0
	}
	return false
}

// sidedChild returns code itself when billable, else the child of the
// category whose title holds the side cue c's sentence states (right,
// left, bilateral or both), or the unspecified child when it states none
// or several; "" when there is no such child.
func (e *Engine) sidedChild(doc *nlp.Document, code string, c cue) string {
	id, ok := e.set.ID(corpus.ICD10CM, code)
	if !ok {
		return ""
	}
	if e.set.Brief(id).Billable {
		return code
	}
	lo, hi := sentenceTokens(doc, c.sent)
	var sides []string
	for _, t := range doc.Tokens[lo:hi] {
		switch s := t.Norm; s {
		case "right", "left", "bilateral":
			if !slices.Contains(sides, s) {
				sides = append(sides, s)
			}
		case "both", "bilaterally":
			if !slices.Contains(sides, "bilateral") {
				sides = append(sides, "bilateral")
			}
		}
	}
	want := "unspecified"
	if len(sides) == 1 {
		want = sides[0]
	}
	for _, k := range e.set.Children(id) {
		if b := e.set.Brief(k); b.Billable && strings.Contains(strings.ToLower(b.Display), want) {
			return b.Code
		}
	}
	return ""
}

// statusWhy is the explanation of a status rule of kind kind ("" for an
// unknown kind).
func statusWhy(kind string) string {
	switch kind {
	case "drug":
		return "current medication documented: long-term (current) drug therapy"
	case "longterm":
		return "documented as long-term use"
	case "opening":
		return "the patient has this artificial opening"
	case "aftercare":
		return "the encounter is for this aftercare"
	case "implant":
		return "the patient has this device, graft, implant or operation: a status code"
	}
	return ""
}
