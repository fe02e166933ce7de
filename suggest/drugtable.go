package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// drugColumn is a column of the Table of Drugs and Chemicals.
type drugColumn int

const (
	colAccidental drugColumn = iota
	colSelfHarm
	colAssault
	colUndetermined
	colAdverse
	colUnderdosing
	drugColumns
)

// drugColumnName names a column as a coder reads it.
var drugColumnName = [drugColumns]string{"poisoning, accidental", "poisoning, intentional self-harm", "poisoning, assault", "poisoning, undetermined intent", "adverse effect", "underdosing"}

// drugRow is one substance of the Table of Drugs and Chemicals: the stems
// of its name and the code (a seventh-character stem) of each column; 0
// where the table prints "--".
type drugRow struct {
	name  string
	stems []string
	cells [drugColumns]corpus.ID
}

// drugTable is the Table of Drugs and Chemicals by the first stem of a
// substance's name.
type drugTable struct {
	rows    []drugRow
	byFirst map[string][]int32
}

// drugTableOf rebuilds the table from the codes' Table of Drugs names
// (corpus.NameDrug: "Poisoning by <substance>, accidental (unintentional)",
// "Adverse effect of <substance>", "Underdosing of <substance>"). Only
// main terms are kept: a nested row ("Antidepressant, SSRI") is not
// written so in notes. stems analyses a name as the index does.
func drugTableOf(set *corpus.Set, stems func(string) []string) drugTable {
	t := drugTable{byFirst: map[string][]int32{}}
	rowOf := map[string]int{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if b.Code < "T36" || b.Code >= "T66" {
			continue
		}
		for _, n := range set.Code(id).Names {
			if n.Kind != corpus.NameDrug {
				continue
			}
			substance, col, ok := parseDrugName(n.Text)
			if !ok || strings.Contains(substance, ",") {
				continue
			}
			substance = strings.TrimSuffix(strings.TrimSuffix(substance, " NEC"), " NOS")
			key := strings.ToLower(substance)
			i, seen := rowOf[key]
			if !seen {
				st := stems(substance)
				if len(st) == 0 {
					continue
				}
				i = len(t.rows)
				rowOf[key] = i
				t.rows = append(t.rows, drugRow{name: substance, stems: st})
				t.byFirst[st[0]] = append(t.byFirst[st[0]], int32(i))
			}
			if t.rows[i].cells[col] == 0 {
				t.rows[i].cells[col] = id
			}
		}
	}
	return t
}

// parseDrugName splits a corpus.NameDrug name into its substance and
// column.
func parseDrugName(text string) (string, drugColumn, bool) {
	if rest, ok := strings.CutPrefix(text, "Poisoning by "); ok {
		for _, s := range []struct {
			suffix string
			col    drugColumn
		}{{", accidental (unintentional)", colAccidental}, {", intentional self-harm", colSelfHarm}, {", assault", colAssault}, {", undetermined", colUndetermined}} {
			if sub, ok := strings.CutSuffix(rest, s.suffix); ok {
				return sub, s.col, true
			}
		}
		return "", 0, false
	}
	if sub, ok := strings.CutPrefix(text, "Adverse effect of "); ok {
		return sub, colAdverse, true
	}
	if sub, ok := strings.CutPrefix(text, "Underdosing of "); ok {
		return sub, colUnderdosing, true
	}
	return "", 0, false
}

// Words that put a substance in a column of the table. Poisoning is
// accidental unless the note states another intent (guidelines
// I.C.19.e.5.b); undetermined only when the note says the intent cannot
// be determined.
var (
	poisoningCues    = phrases("overdose|overdosed|overdoses|overdosing|od|poisoning|poisoned|ingestion|ingested|ingesting|swallowed|took too many|took too much")
	adverseCues      = phrases("adverse effect|adverse effects|adverse reaction|adverse drug reaction|side effect|side effects|induced|associated|taken as prescribed|as prescribed|as directed|properly administered|correctly administered|allergic reaction to|reaction to")
	underdoseCues    = phrases("underdosing|underdosed|underdose|missed dose|missed doses|missing doses|skipped doses|skipping doses|ran out of|run out of|not taking|stopped taking|noncompliance|noncompliant|non compliance|non compliant|nonadherence|nonadherent|non adherence|non adherent|took less|taking less|rationing")
	selfHarmCues     = phrases("intentional|intentionally|deliberate|deliberately|on purpose|suicide attempt|suicide|suicidal|attempted suicide|self harm|self-harm|self inflicted|self-inflicted")
	assaultCues      = phrases("assault|assaulted|homicide attempt|attempted homicide|given by another|poisoned by")
	undeterminedCues = phrases("undetermined|intent unknown|unknown intent|intent unclear|unclear intent|intent uncertain|uncertain intent|intent not determined|intent cannot be determined")
)

// drugMention is a substance the note puts in one column of the table.
type drugMention struct {
	row   int
	col   drugColumn
	stem  corpus.ID
	ev    []cue // substance, the column's words, the intent's words
	words map[int]bool
}

// drugTableCodes adds the Table of Drugs code for each substance the note
// names beside words of poisoning, adverse effect or underdosing, the
// column's intent from the sentence and the seventh character from the
// encounter words. A poisoning is listed first; an adverse effect or
// underdosing follows the condition it caused (guidelines I.C.19.e.5).
// Suggestions whose every word the table code reads (the "encounter" of
// "initial encounter", "suicide attempt" of a self-harm poisoning, the
// overdose itself) give way to it. An Alphabetic Index entry covering
// both words ("food poisoning") is coded from the index instead.
func (e *Engine) drugTableCodes(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	if len(e.drugs.rows) == 0 {
		return adds, rej
	}
	ms := e.drugMentions(n)
	if len(ms) == 0 { // most notes: no sentence ranges to index
		return adds, rej
	}
	var sr sentenceRanges
	sr.index(doc)
	encounter := documentAttribute(doc, "encounter")
	for _, m := range ms {
		sent := m.ev[0].sent
		char := seventhChoice(e.set, doc, &sr, []int{sent}, m.stem, sentenceEncounter(doc, sent, encounter))
		id, ed := completeSeventh(e.set, m.stem, char)
		if id == 0 {
			continue
		}
		b := e.set.Brief(id)
		// The seventh character's words are the code's too.
		for _, x := range meanings(e.set, m.stem) {
			if x.Char != b.Code[len(b.Code)-1:] {
				continue
			}
			mw := meaningWords(x.Text)
			lo, hi := sentenceTokens(doc, sent)
			for i := lo; i < hi; i++ {
				for _, w := range mw {
					if doc.Tokens[i].Norm == w {
						m.words[i] = true
					}
				}
			}
		}
		if e.indexCovers(doc, res, m) {
			continue
		}
		conf := ruleConfidence
		if m.col == colAdverse || m.col == colUnderdosing {
			conf = e.secondaryConfidence()
		}
		var edits []Edit
		if ed != nil {
			edits = append(edits, *ed)
		}
		row := e.drugs.rows[m.row]
		if i := slices.IndexFunc(adds, func(a addition) bool { return a.rule == "drug_table" && a.code == b.Code }); i >= 0 {
			adds[i].ev = append(adds[i].ev, m.ev...) // one code, several names ("steroid-induced ... prednisone")
			continue
		}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: b.Code, conf: conf, ev: m.ev, rule: "drug_table",
			why: "Table of Drugs and Chemicals: " + row.name + ", " + drugColumnName[m.col], edits: edits})
		for i := len(res.Suggestions) - 1; i >= 0; i-- {
			s := &res.Suggestions[i] // read in place, not copied: used before drop alone
			if s.System != string(corpus.ICD10CM) || s.Code == b.Code || keepsBesideDrug(s.Code) || !wordsCover(doc, m.words, s.Evidence) {
				continue
			}
			rej = append(rej, drop(res, i, "drug_table", "its words are those of "+row.name+" ("+drugColumnName[m.col]+"), coded "+b.Code))
		}
	}
	return adds, rej
}

// keepsBesideDrug reports whether a code says something of its own
// beside a table code on the same words: long-term drug therapy (Z79) and
// the noncompliance codes the guidelines pair with underdosing (Z91.1).
func keepsBesideDrug(code string) bool {
	return strings.HasPrefix(code, "Z79") || strings.HasPrefix(code, "Z91.1")
}

// sentenceEncounter is the encounter the sentence states, else fallback.
func sentenceEncounter(doc *nlp.Document, sent int, fallback string) string {
	for _, a := range doc.Attributes {
		if a.Kind == "encounter" && a.Sent == sent {
			return a.Value
		}
	}
	return fallback
}

// drugMentions finds the substances of the table the note's sentences
// name within four words of a poisoning, adverse-effect or underdosing
// cue, affirmed and about the patient; one per substance and sentence.
func (e *Engine) drugMentions(n *ruleNote) []drugMention {
	doc := n.doc
	var out []drugMention
	toks := doc.Tokens
	// drugColumnOf keeps a substance only in a sentence holding a
	// poisoning, underdosing or adverse-effect cue: the others' tokens
	// (a mention never leaves its sentence) are passed over.
	var acts []bool
	for _, ps := range [...][]phrase{poisoningCues, underdoseCues, adverseCues} {
		for _, c := range n.cues(ps) {
			if c.sent >= 0 && c.sent < len(doc.Sentences) {
				if acts == nil {
					acts = make([]bool, len(doc.Sentences))
				}
				acts[c.sent] = true
			}
		}
	}
	if acts == nil {
		return nil
	}
	seen := map[drugSeen]bool{}
	// The act sentences' own tokens when the work's ranges hold this
	// note's in sentence order (a token of no act sentence is skipped
	// unread, not read for its sentence: a 2 KB note's few act sentences
	// spare its other tokens' cache lines); else every token, the others
	// skipped (TestDrugMentionsRanged holds the two equal).
	if sr := n.runRanges(); sr != nil && len(toks) > 0 && toks[0].Sent >= 0 {
		for s, act := range acts {
			if act {
				out = e.drugMentionsIn(n, acts, int(sr.tok[s][0]), int(sr.tok[s][1]), seen, out)
			}
		}
	} else {
		out = e.drugMentionsIn(n, acts, 0, len(toks), seen, out)
	}
	return e.specificDrugs(out)
}

// drugSeen is a substance's row and a sentence: drugMentions keeps one
// mention per substance and sentence.
type drugSeen struct{ row, sent int }

// drugMentionsIn appends to out the mentions drugMentions finds starting
// at the tokens lo:hi (those of a sentence without an act, acts false,
// are skipped), seen holding the substances and sentences found before.
func (e *Engine) drugMentionsIn(n *ruleNote, acts []bool, lo, hi int, seen map[drugSeen]bool, out []drugMention) []drugMention {
	doc := n.doc
	toks := doc.Tokens
	for i := lo; i < hi; i++ {
		if sn := toks[i].Sent; sn >= 0 && sn < len(acts) && !acts[sn] {
			continue
		}
		best, bestEnd := -1, -1
		for _, r := range e.drugs.byFirst[toks[i].Stem] {
			st := e.drugs.rows[r].stems
			j, k := i, 0
			for ; k < len(st) && j < len(toks) && toks[j].Sent == toks[i].Sent; j++ {
				if toks[j].Stop {
					continue
				}
				if toks[j].Stem != st[k] {
					break
				}
				k++
			}
			if k == len(st) && j-1 > bestEnd {
				best, bestEnd = int(r), j-1
			}
		}
		if best < 0 {
			continue
		}
		sub := cue{start: toks[i].Start, end: toks[bestEnd].End, sent: toks[i].Sent, sec: toks[i].Section, tok: i, last: bestEnd}
		for k := i; k <= bestEnd; k++ {
			sub.assert |= toks[k].Assert
		}
		i = bestEnd
		if !n.patients(sub) || sectionKind(doc, sub.sec) == nlp.Allergies || seen[drugSeen{best, sub.sent}] {
			continue
		}
		m, ok := e.drugColumnOf(n, best, sub)
		if !ok {
			continue
		}
		seen[drugSeen{best, sub.sent}] = true
		out = append(out, m)
	}
	return out
}

// specificDrugs drops a mention whose code is the table's unspecified
// catch-all ("Tablets", "Drug NEC": poisoning by unspecified drugs) when
// the sentence names a substance with a code of its own.
func (e *Engine) specificDrugs(ms []drugMention) []drugMention {
	vague := func(m drugMention) bool {
		return containsFold(e.set.Brief(m.stem).Display, "unspecified")
	}
	out := ms[:0]
	for _, m := range ms {
		drop := false
		if vague(m) {
			for _, o := range ms {
				if o.ev[0].sent == m.ev[0].sent && !vague(o) {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, m)
		}
	}
	return out
}

// drugColumnOf picks the column the words nearest substance sub state.
// Its lists' cues in sub's sentence come from ruleNote n's one pass over
// the note, not a pass over the sentence per list.
func (e *Engine) drugColumnOf(n *ruleNote, row int, sub cue) (drugMention, bool) {
	nearest := func(ps []phrase) (cue, int) {
		best, dist := cue{}, 1<<30
		for _, c := range n.inSentence(sub.sent, ps) {
			if c.assert&blockedAssert != 0 {
				continue
			}
			d := c.tok - sub.last
			if c.last < sub.tok {
				d = sub.tok - c.last
			}
			if c.tok >= sub.tok && c.last <= sub.last {
				continue // inside the substance's name
			}
			if d < dist {
				best, dist = c, d
			}
		}
		return best, dist
	}
	const window = 4
	var (
		col  drugColumn
		act  cue
		dist = window + 1
	)
	for _, k := range []struct {
		ps  []phrase
		col drugColumn
	}{{poisoningCues, colAccidental}, {underdoseCues, colUnderdosing}, {adverseCues, colAdverse}} {
		if c, d := nearest(k.ps); d < dist {
			col, act, dist = k.col, c, d
		}
	}
	if dist > window {
		return drugMention{}, false
	}
	ev := []cue{sub, act}
	if col == colAccidental {
		for _, k := range []struct {
			ps  []phrase
			col drugColumn
		}{{undeterminedCues, colUndetermined}, {assaultCues, colAssault}, {selfHarmCues, colSelfHarm}} {
			var intent []cue
			for _, c := range n.inSentence(sub.sent, k.ps) {
				if c.assert&blockedAssert == 0 {
					intent = append(intent, c)
				}
			}
			if len(intent) > 0 {
				col = k.col
				ev = append(ev, intent...)
				break
			}
		}
	}
	stem := e.drugs.rows[row].cells[col]
	if stem == 0 {
		return drugMention{}, false
	}
	words := map[int]bool{}
	for _, c := range ev {
		for i := c.tok; i <= c.last; i++ {
			words[i] = true
		}
	}
	return drugMention{row: row, col: col, stem: stem, ev: ev, words: words}, true
}

// indexCovers reports whether a suggestion outside the table's chapter
// rests on both the substance and the column's words: the Alphabetic
// Index names that phrase itself ("food poisoning" is A05.9).
func (e *Engine) indexCovers(doc *nlp.Document, res *Result, m drugMention) bool {
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.System != string(corpus.ICD10CM) || strings.HasPrefix(s.Code, "T") || strings.HasPrefix(s.Code, "Z") {
			continue
		}
		sub, act := false, false
		for _, ev := range s.Evidence {
			sub = sub || ev.Start <= m.ev[0].start && ev.End >= m.ev[0].end
			act = act || ev.Start <= m.ev[1].start && ev.End >= m.ev[1].end
		}
		if sub && act {
			return true
		}
	}
	return false
}

// wordsCover reports whether every token of every evidence span is one of
// words (token indices).
func wordsCover(doc *nlp.Document, words map[int]bool, evs []Evidence) bool {
	if len(evs) == 0 {
		return false
	}
	for _, ev := range evs {
		some := false
		lo, hi := tokenRange(doc, ev.Start, ev.End)
		for i := lo; i < hi; i++ {
			if !doc.Tokens[i].Stop {
				if !words[i] {
					return false
				}
				some = true
			}
		}
		if !some {
			return false
		}
	}
	return true
}
