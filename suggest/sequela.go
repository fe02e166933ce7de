package suggest

import (
	"fmt"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// sequelaCode is a billable code of a "Sequelae of <condition>"
// subcategory naming one residual deficit: I69.391, "Dysphagia following
// cerebral infarction", has the deficit stems of "dysphagia"; I69.351,
// "Hemiplegia and hemiparesis following cerebral infarction affecting
// right dominant side", those of "hemiplegia" or "hemiparesis" and the
// side it affects.
type sequelaCode struct {
	id       corpus.ID
	code     string
	deficits [][]string // stems of each alternative deficit name
	side     string     // "right", "left" or "" (not a side code)
	dominant bool       // affecting the dominant side
}

// sequelaFamily maps the category of a condition (I63, "Cerebral
// infarction") to the codes of the subcategory titled "Sequelae of" its
// title (I69.3, "Sequelae of cerebral infarction") that name a deficit
// ("<deficit> following <condition>").
func sequelaFamily(set *corpus.Set, terms func(string) []string) map[string][]sequelaCode {
	byTitle := map[string]string{} // lower-case category title -> category
	var subs []corpus.ID
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if len(b.Code) == 3 {
			byTitle[strings.ToLower(b.Display)] = b.Code
		}
		if strings.HasPrefix(b.Display, "Sequelae of ") && !b.Billable {
			subs = append(subs, id)
		}
	}
	out := map[string][]sequelaCode{}
	for _, sub := range subs {
		of := strings.ToLower(strings.TrimPrefix(set.Brief(sub).Display, "Sequelae of "))
		cat, ok := byTitle[of]
		if !ok {
			continue
		}
		for _, id := range billableUnder(set, sub) {
			b := set.Brief(id)
			title := strings.ToLower(b.Display)
			deficit, rest, ok := strings.Cut(title, " following "+of)
			if !ok || strings.HasPrefix(deficit, "other ") || strings.Contains(deficit, "unspecified") {
				continue
			}
			sc := sequelaCode{id: id, code: b.Code}
			for d := range strings.SplitSeq(deficit, " and ") {
				if st := terms(d); len(st) > 0 {
					sc.deficits = append(sc.deficits, st)
				}
			}
			switch {
			case strings.Contains(rest, "right"):
				sc.side = "right"
			case strings.Contains(rest, "left"):
				sc.side = "left"
			}
			sc.dominant = strings.Contains(rest, " dominant") && !strings.Contains(rest, "non-dominant") && !strings.Contains(rest, "nondominant")
			if sc.side == "" && strings.Contains(rest, "side") {
				continue // "unspecified side": the fallback below
			}
			out[cat] = append(out[cat], sc)
		}
	}
	return out
}

// billableUnder lists the billable codes of id's subtree, in code order.
func billableUnder(set *corpus.Set, id corpus.ID) []corpus.ID {
	var out []corpus.ID
	if set.Brief(id).Billable {
		out = append(out, id)
	}
	for _, k := range set.Children(id) {
		out = append(out, billableUnder(set, k)...)
	}
	return out
}

// sequelaCues say a documented condition is over and what the note
// describes is its residual effect ("following" is the sequela codes' own
// word: "dysphagia following cerebral infarction").
var sequelaCues = phrases("late effect|late effects|sequela|sequelae|residual|residuals|old|prior|previous|remote|history of|h/o|status post|s/p|following")

// sequelae codes a residual deficit of an old condition (guidelines
// I.C.9.d: category I69 for deficits of a cerebrovascular disease that is
// over) with the sequela code naming that deficit: "dysphagia as a
// residual of old cerebral infarction" is I69.391, not the acute
// infarction I63.9. The condition's code is rejected (the infarction is
// not current); the deficit's code stays when the sequela code's notes ask
// for it (R13.1- with I69.391) and is absorbed otherwise (G81.9- in
// I69.35-). Hemiplegia's side follows the note, and its dominance the
// note or the guidelines' default (I.C.9.a: the right side dominant, the
// left nondominant).
func (e *Engine) sequelae(doc *nlp.Document, res *Result, adds []addition, rej, prior []Rejection) ([]addition, []Rejection) {
	if len(e.sequela) == 0 {
		return adds, rej
	}
	// The old conditions: suggested or rejected as over, by sentence.
	var causes []oldCause
	// add reads s in place: it is copied only into a cause.
	conds := e.sequelaConditions()
	add := func(s *Suggestion, over bool) {
		if !conds.mayHold(s.Code) {
			return // e.sequela has no family of its category
		}
		fam := e.sequela[category(s.Code)]
		if s.System != string(corpus.ICD10CM) || len(fam) == 0 {
			return
		}
		for _, c := range appendEvidenceCues(nil, doc, s.Evidence) {
			if c.sent >= 0 && (over || sentenceHas(doc, c.sent, sequelaCues, -1)) {
				causes = append(causes, oldCause{*s, c.sent, fam})
			}
		}
	}
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.Confidence >= res.Threshold {
			add(s, slices.Contains(s.Assertions, "historical"))
		}
	}
	for _, r := range prior {
		if r.Rule == "historical" {
			add(&Suggestion{System: r.System, Code: r.Code, Display: r.Display, Evidence: r.Evidence}, true)
		}
	}
	rej = e.currentNotSequela(doc, res, rej, causes)
	if len(causes) == 0 {
		return adds, rej
	}
	var absorbed absorbedCodes
	done := map[string]bool{} // deficits coded
	seen := map[string]bool{} // causes worked through
	for _, c := range causes {
		if seen[c.s.Code] {
			continue
		}
		seen[c.s.Code] = true
		e.codeDeficits(doc, res, c.s, c.sent, c.fam, &adds, &absorbed, done)
	}
	for i := len(res.Suggestions) - 1; i >= 0; i-- {
		s := &res.Suggestions[i] // read before drop moves it
		if by, ok := absorbed.by(s.Code); ok && s.System == string(corpus.ICD10CM) && by != s.Code {
			rej = append(rej, drop(res, i, "sequela", fmt.Sprintf("a residual of a condition that is over: coded in the sequela code %s", by)))
		}
	}
	return adds, rej
}

// oldCause is a documented condition that is over, in sentence sent,
// with its category's sequela codes.
type oldCause struct {
	s    Suggestion
	sent int
	fam  []sequelaCode
}

// currentNotSequela drops a sequela code retrieval suggested when the
// note documents its condition as current and nowhere as over ("acute
// ischemic stroke with dysphagia": I63.9 and R13.10, not I69.391, which
// is for deficits of an infarction that is over).
func (e *Engine) currentNotSequela(doc *nlp.Document, res *Result, rej []Rejection, causes []oldCause) []Rejection {
	for i := 0; i < len(res.Suggestions); i++ {
		// In place: a copy per suggestion and pair would cost more than
		// the tests.
		q := &res.Suggestions[i]
		if q.System != string(corpus.ICD10CM) {
			continue
		}
		cat := e.sequelaOf(q.Code)
		if cat == "" || slices.ContainsFunc(causes, func(c oldCause) bool { return category(c.s.Code) == cat }) {
			continue
		}
		for ks := range res.Suggestions {
			s := &res.Suggestions[ks]
			if s.System == q.System && category(s.Code) == cat && s.Confidence >= res.Threshold && !slices.Contains(s.Assertions, "historical") {
				rej = append(rej, drop(res, i, "contradicted", fmt.Sprintf("the note documents %s (%s) as current: its deficits are coded beside it, not as its sequelae", s.Code, s.Display)))
				i--
				break
			}
		}
	}
	return rej
}

// sequelaOf returns the category whose sequela code is code, or "": one
// lookup in the engine's code -> category table (coderTables.sequelaCat,
// made on first use), not a walk of every family.
func (e *Engine) sequelaOf(code string) string {
	t := e.sequelaTables()
	if !t.sequelaCats.mayHold(code) {
		return "" // no sequela code has its category
	}
	return t.sequelaCat[code]
}

// sequelaConditions is the categories of e.sequela's conditions (its
// keys), made on first use.
func (e *Engine) sequelaConditions() *categorySet {
	return &e.sequelaTables().conditionCats
}

// sequelaTables makes coderTables' sequela tables on first use and
// returns the tables.
func (e *Engine) sequelaTables() *coderTables {
	t := &e.coder
	t.sequelaOnce.Do(func() {
		t.sequelaCat = map[string]string{}
		for cat, fam := range e.sequela {
			t.conditionCats.add(cat)
			for _, sc := range fam {
				t.sequelaCat[sc.code] = cat
				t.sequelaCats.add(sc.code)
			}
		}
	})
	return t
}

// causeCues attribute the condition before them to what follows.
var causeCues = phrases("due to|secondary to|caused by|from|because of|related to|attributed to")

// dueToOther reports whether the note attributes deficit d to something
// other than the old condition cs: a causal cue follows d's evidence in
// its sentence and cs's evidence does not follow that cue ("prior CVA,
// now with dysphagia due to esophageal stricture").
func dueToOther(doc *nlp.Document, d, cs Suggestion) bool {
	var dbuf, cbuf [8]cue
	dc, cc := appendEvidenceCues(dbuf[:0], doc, d.Evidence), appendEvidenceCues(cbuf[:0], doc, cs.Evidence)
	for _, x := range dc {
		if x.sent < 0 {
			continue
		}
		for _, k := range findCuesIn(doc, x.sent, causeCues) {
			if k.start < x.end {
				continue
			}
			if !slices.ContainsFunc(cc, func(c cue) bool { return c.sent == x.sent && c.start >= k.end }) {
				return true
			}
		}
	}
	return false
}

// inSentenceOf reports whether evidence of s lies in sentence sent.
func inSentenceOf(doc *nlp.Document, s Suggestion, sent int) bool {
	return slices.ContainsFunc(s.Evidence, func(ev Evidence) bool { return spanSent(doc, ev.Start, ev.End) == sent })
}

// sequelaFor picks the code of fam naming deficit d: one of its deficit
// names' stems all in d's evidence, then the side the sentence states and
// the dominance it states or the default.
func (e *Engine) sequelaFor(doc *nlp.Document, d Suggestion, sent int, fam []sequelaCode) (sequelaCode, bool) {
	var match []sequelaCode
	for _, sc := range fam {
		if e.deficitOf(d, []sequelaCode{sc}) {
			match = append(match, sc)
		}
	}
	if len(match) == 0 {
		return sequelaCode{}, false
	}
	if len(match) == 1 || match[0].side == "" && len(match) > 1 && match[1].side == "" {
		return match[0], true
	}
	lo, hi := doc.Sentences[sent].Start, doc.Sentences[sent].End
	text := strings.ToLower(doc.Text[lo:hi])
	side := ""
	for _, ev := range d.Evidence {
		// The words just before the evidence, within its sentence when
		// it lies in this one (evidence may come from another sentence).
		from := max(ev.Start-16, 0)
		if ev.Start >= lo {
			from = max(from, lo)
		}
		w := strings.ToLower(doc.Text[from:ev.End])
		switch {
		case strings.Contains(w, "right"):
			side = "right"
		case strings.Contains(w, "left"):
			side = "left"
		}
	}
	if side == "" {
		for _, sc := range match {
			if sc.side == "" {
				return sc, true
			}
		}
		return e.unspecifiedSide(match)
	}
	dominant := side == "right" // the guidelines' default
	switch {
	case strings.Contains(text, "nondominant") || strings.Contains(text, "non-dominant"):
		dominant = false
	case strings.Contains(text, side+"-handed") || strings.Contains(text, side+" handed") || strings.Contains(text, side+" dominant"):
		dominant = true
	case strings.Contains(text, "-handed") || strings.Contains(text, " handed"):
		dominant = false // handed on the other side
	}
	for _, sc := range match {
		if sc.side == side && sc.dominant == dominant {
			return sc, true
		}
	}
	return sequelaCode{}, false
}

// unspecifiedSide returns the "unspecified side" code of match's
// subcategory (I69.359), when the note states no side.
func (e *Engine) unspecifiedSide(match []sequelaCode) (sequelaCode, bool) {
	sub := match[0].code[:min(len(match[0].code), 6)]
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		b := e.set.Brief(id)
		if b.Billable && strings.HasPrefix(b.Code, sub) && strings.Contains(b.Display, "unspecified side") {
			return sequelaCode{id: id, code: b.Code}, true
		}
	}
	return sequelaCode{}, false
}

// asksForKind reports whether the notes of id ask for code or for a
// sibling of it (I69.391's "use additional code to identify the type of
// dysphagia, if known (R13.11-R13.19)" asks for the dysphagia R13.10
// documents, of a type the note does not give).
func (e *Engine) asksForKind(id corpus.ID, code string) bool {
	if e.asksFor(id, code) {
		return true
	}
	did, ok := e.set.ID(corpus.ICD10CM, code)
	if !ok || e.parent(did) == 0 {
		return false
	}
	return slices.ContainsFunc(e.set.Children(e.parent(did)), func(k corpus.ID) bool { return e.asksFor(id, e.set.CodeString(k)) })
}

// deficitOf reports whether d's evidence names the deficit of one of fam.
func (e *Engine) deficitOf(d Suggestion, fam []sequelaCode) bool {
	var buf [32]string
	ev := e.appendEvidenceStems(buf[:0], d.Evidence)
	return slices.ContainsFunc(fam, func(sc sequelaCode) bool {
		return slices.ContainsFunc(sc.deficits, func(st []string) bool { return holdsAll(ev, st) })
	})
}

// codeDeficits adds the sequela codes of the deficits sentence sent names
// beside the old condition cs, each once, and marks what they absorb.
func (e *Engine) codeDeficits(doc *nlp.Document, res *Result, cs Suggestion, sent int, fam []sequelaCode, adds *[]addition, absorbed *absorbedCodes, done map[string]bool) {
	for {
		// The deficits the sentence names, surest first (the ranked
		// order): a deficit named by its own words is documented however
		// the ranker scored it.
		var sc sequelaCode
		var ds []Suggestion
		for kd := range res.Suggestions {
			d := &res.Suggestions[kd]
			if d.System != string(corpus.ICD10CM) || done[d.Code] || slices.Contains(d.Assertions, "historical") ||
				category(cs.Code) == category(d.Code) || category(d.Code) == category(fam[0].code) || !inSentenceOf(doc, *d, sent) {
				continue
			}
			if len(ds) > 0 {
				if category(d.Code) == category(ds[0].Code) && e.deficitOf(*d, []sequelaCode{sc}) {
					ds = append(ds, *d) // another code for the same deficit
				}
				continue
			}
			if dueToOther(doc, *d, cs) {
				continue
			}
			if got, ok := e.sequelaFor(doc, *d, sent, fam); ok {
				sc, ds = got, []Suggestion{*d}
			}
		}
		if len(ds) == 0 {
			return
		}
		d := ds[0]
		conf := d.Confidence
		if has(res, corpus.ICD10CM, cs.Code) >= 0 {
			conf = max(conf, cs.Confidence) // the old condition's code is replaced
		}
		*adds = append(*adds, addition{sys: corpus.ICD10CM, code: sc.code, conf: conf,
			ev: append(evidenceCues(doc, d), evidenceCues(doc, cs)...), rule: "sequela",
			why: fmt.Sprintf("%s (%s) documented as a residual of %s (%s), which is over: coded with the sequela code", d.Code, d.Display, cs.Code, cs.Display)})
		for k, x := range ds {
			done[x.Code] = true
			if k == 0 && e.asksForKind(sc.id, x.Code) {
				(*adds)[len(*adds)-1].follow = append((*adds)[len(*adds)-1].follow, x.Code)
			} else {
				absorbed.set(x.Code, sc.code)
			}
		}
		absorbed.set(cs.Code, sc.code)
	}
}
