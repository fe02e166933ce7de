package suggest

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Organism-specific codes. A condition code for an unspecified organism
// ("Sepsis, unspecified organism" A41.9, "Pneumonia, unspecified organism"
// J18.9), or for a condition called noninfective or an unspecified
// infection (K52.9, B99.9), gives way to the code the Tabular List has
// for the organism the note names in the same sentence: a suggested code
// titled "<condition> due to <organism>" (J15.1 "Pneumonia due to
// Pseudomonas"), the one whose organism an organism-as-cause code
// (B95-B97) the note documents names ("MSSA" B95.61 with "sepsis" is
// A41.01 "Sepsis due to Methicillin susceptible Staphylococcus aureus"),
// or a suggested infectious-disease code (chapter 1) whose Index entries
// name the condition the vague code reads ("Norovirus gastroenteritis" is
// A08.11 "Gastroenteritis, viral NEC, Norwalk agent", not K52.9
// "Noninfective gastroenteritis"). The cause code the combination names
// is dropped: B95-B97 are for organisms the condition's code does not
// name.

// organismDue is a code titled "<head> due to <organism>" and the words
// that name its organism.
type organismDue struct {
	id  corpus.ID
	org []string
}

// organismTable maps each unspecified-organism code ("<head>, unspecified
// organism") to the codes titled "<head> due to <organism>".
func organismTable(set *corpus.Set) map[corpus.ID][]organismDue {
	heads := map[string]corpus.ID{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if h, ok := strings.CutSuffix(b.Display, ", unspecified organism"); ok && b.Billable {
			heads[strings.ToLower(h)] = id
		}
	}
	out := map[corpus.ID][]organismDue{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if !b.Billable {
			continue
		}
		h, org, ok := strings.Cut(b.Display, " due to ")
		if !ok {
			continue
		}
		v, ok := heads[strings.ToLower(h)]
		if !ok {
			continue
		}
		if ws := organismWords(org); len(ws) > 0 {
			out[v] = append(out[v], organismDue{id: id, org: ws})
		}
	}
	return out
}

// organismWords returns the lower-case words naming an organism in a
// title fragment, without bracketed or parenthesised words and the words
// that name no organism ("unspecified", "infection").
func organismWords(s string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	var out []string
	for _, w := range findWords(strings.ToLower(b.String())) {
		if w != "unspecified" && w != "infection" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// causeOrganism returns the organism words of an organism-as-cause code
// (B95-B97: "... as the cause of diseases classified elsewhere").
func causeOrganism(b corpus.Brief) ([]string, bool) {
	org, _, ok := strings.Cut(b.Display, " as the cause of ")
	if !ok || !strings.HasPrefix(b.Code, "B9") {
		return nil, false
	}
	return organismWords(org), true
}

// causeCode reports whether an ICD-10-CM code may be an organism-as-cause
// code (causeOrganism's B9-): the code ID finds for it is spelled so.
func causeCode(code string) bool {
	return strings.HasPrefix(corpus.NormalizeCode(corpus.ICD10CM, code), "B9")
}

// infectionOpen reports whether a title leaves the organism open or calls
// the condition noninfective: the codes a named organism replaces.
func infectionOpen(b corpus.Brief) bool {
	d := b.Display
	if isASCII(d) {
		// ASCII case folding is ToLower's on ASCII: no lower-case copy.
		const open, non, unspec = ", unspecified organism", "noninfective ", "unspecified infectious disease"
		return len(d) >= len(open) && asciiFoldPrefix(d[len(d)-len(open):], open) ||
			len(d) >= len(non) && asciiFoldPrefix(d, non) || len(d) == len(unspec) && asciiFoldPrefix(d, unspec)
	}
	d = strings.ToLower(d)
	return strings.HasSuffix(d, ", unspecified organism") || strings.HasPrefix(d, "noninfective ") || d == "unspecified infectious disease"
}

// sameSentence reports whether a and b have evidence in one sentence, and
// whether b has evidence there that no evidence of a holds (it reads
// more words: the ones naming the organism).
func sameSentence(doc *nlp.Document, a, b Suggestion) (same, more bool) {
	var buf [8]cue
	cbs := appendEvidenceCues(buf[:0], doc, b.Evidence)
	for _, ev := range a.Evidence {
		ca := spanCue(doc, ev.Start, ev.End)
		if ca.sent < 0 {
			continue
		}
		for _, cb := range cbs {
			if cb.sent != ca.sent {
				continue
			}
			same = true
			if !slices.ContainsFunc(a.Evidence, func(ev Evidence) bool { return ev.Start <= cb.start && cb.end <= ev.End }) {
				more = true
			}
		}
	}
	return same, more
}

// conditionWord returns the first word of s's first evidence: the
// condition its code names ("gastroenteritis", "sepsis", "infection"),
// its byte span, and false when it is too short to name one.
func conditionWord(s Suggestion) (string, int, int, bool) {
	if len(s.Evidence) == 0 {
		return "", 0, 0, false
	}
	ev := s.Evidence[0]
	a, b := nextWord(ev.Text, 0) // wordRE's first word
	if a < 0 || b-a < 4 {
		return "", 0, 0, false
	}
	return strings.ToLower(ev.Text[a:b]), ev.Start + a, ev.Start + b, true
}

// namesInfection reports whether infectious-disease suggestion t names
// the condition v reads, with the organism in front of it: one of t's
// evidence spans holds v's condition word or ends right before it
// ("Norovirus gastroenteritis", "C diff infection"), and one of t's names
// holds the word.
func (e *Engine) namesInfection(doc *nlp.Document, id corpus.ID, t, v Suggestion) bool {
	w, start, end, ok := conditionWord(v)
	if !ok {
		return false
	}
	before := slices.ContainsFunc(t.Evidence, func(ev Evidence) bool {
		if ev.Start < start && end <= ev.End {
			return true // "C diff infection" holds "infection" and more before it
		}
		return ev.End <= start && strings.Trim(doc.Text[ev.End:start], " -0123456789") == ""
	})
	if !before {
		return false
	}
	var names [][]string
	for _, n := range e.set.Code(id).Names {
		names = append(names, findWords(strings.ToLower(n.Text)))
	}
	// t's own words name it: a word of its evidence other than the
	// condition begins a word of one of its names ("diff", "norovirus"),
	// not a phrase learned from other notes.
	own := false
	for _, ev := range t.Evidence {
		for _, x := range findWords(strings.ToLower(ev.Text)) {
			if x != w && len(x) >= 3 && slices.ContainsFunc(names, func(ns []string) bool {
				return slices.ContainsFunc(ns, func(n string) bool { return strings.HasPrefix(n, x) })
			}) {
				own = true
			}
		}
	}
	return own && slices.ContainsFunc(names, func(ns []string) bool { return slices.Contains(ns, w) })
}

// namedOrganisms recodes a suggested code for an unspecified organism, or
// a noninfective or unspecified infection code, to the organism-specific
// code the note documents in the same sentence (see the top of this
// file). An annotating request keeps both.
func (e *Engine) namedOrganisms(doc *nlp.Document, req Request, res *Result, rej []Rejection) []Rejection {
	for i := 0; i < len(res.Suggestions); i++ {
		// Copied only past the cheap tests: most suggestions fail them.
		if p := &res.Suggestions[i]; p.System != string(corpus.ICD10CM) ||
			!e.coder.rules.per.openInfections(e).has(p.Code) {
			continue // no code of this code's spelling is infectionOpen
		}
		v := res.Suggestions[i]
		vid, _ := e.set.ID(corpus.ICD10CM, v.Code)
		if !infectionOpen(e.set.Brief(vid)) {
			continue
		}
		to, cause, why := e.organismCode(doc, res, v, vid)
		if to == 0 {
			continue
		}
		b := e.set.Brief(to)
		if req.Annotate { // both stay, the organism's code just below
			j := has(res, corpus.ICD10CM, b.Code)
			if j < 0 {
				insertBeside(res, v, b, "organism", why)
				i++
			} else if o := res.Suggestions[j]; o.Confidence < v.Confidence {
				res.Suggestions = slices.Delete(res.Suggestions, j, j+1)
				o.Confidence, o.Score = v.Confidence, math.Nextafter(v.Score, math.Inf(-1))
				o.Edits = append(o.Edits, Edit{Kind: "organism", Message: why})
				insert(res, o)
			}
			continue
		}
		rej = append(rej, Rejection{System: v.System, Code: v.Code, Display: v.Display, Rule: "organism", Reason: why + "; coded " + b.Code, Evidence: v.Evidence})
		t := recoded(v, b, "organism", why)
		if j := has(res, corpus.ICD10CM, b.Code); j >= 0 {
			o := res.Suggestions[j]
			t.Evidence = mergeEvidence(o.Evidence, v.Evidence)
			t.Confidence, t.Score = max(o.Confidence, v.Confidence), max(o.Score, v.Score)
		}
		for _, c := range []string{v.Code, b.Code, cause} {
			if j := has(res, corpus.ICD10CM, c); j >= 0 && c != "" {
				if c == cause {
					rej = append(rej, drop(res, j, "organism", fmt.Sprintf("%s (%s) names the organism: an organism-as-cause code is for a condition whose code does not", b.Code, b.Display)))
					continue
				}
				res.Suggestions = slices.Delete(res.Suggestions, j, j+1)
			}
		}
		rej = e.dropLessOrganism(doc, res, vid, to, t, rej)
		insert(res, t)
		i = -1 // the order changed: look again from the top
	}
	return rej
}

// organismCode returns the organism-specific code for v (vid), the
// organism-as-cause code it absorbs ("" when none) and why; 0 when the
// note names no organism beside v.
func (e *Engine) organismCode(doc *nlp.Document, res *Result, v Suggestion, vid corpus.ID) (corpus.ID, string, string) {
	dues := e.organismDue[vid]
	// A suggested "<head> due to <organism>" code read in v's sentence:
	// the one naming the most organism words.
	var best organismDue
	var named string
	tie := false
	// The suggestions are read in place, not copied per pair.
	for ks := range res.Suggestions {
		if len(dues) == 0 {
			break // no "due to" code: none is found
		}
		s := &res.Suggestions[ks]
		if s.System != v.System {
			continue
		}
		id, _ := e.set.ID(corpus.ICD10CM, s.Code)
		k := slices.IndexFunc(dues, func(d organismDue) bool { return d.id == id })
		if k < 0 {
			continue
		}
		if same, more := sameSentence(doc, v, *s); !same || !more {
			continue
		}
		switch d := dues[k]; {
		case len(d.org) > len(best.org):
			best, named, tie = d, evidenceText(*s), false
		case len(d.org) == len(best.org):
			tie = true
		}
	}
	cause := ""
	if best.id == 0 {
		// Else the surest organism-as-cause code in v's sentence, and the
		// "due to" code naming the most of its organism's words.
		for ks := range res.Suggestions {
			s := &res.Suggestions[ks]
			if s.System != v.System || !causeCode(s.Code) {
				continue
			}
			id, _ := e.set.ID(corpus.ICD10CM, s.Code)
			org, ok := causeOrganism(e.set.Brief(id))
			if !ok || len(org) == 0 {
				continue
			}
			if same, _ := sameSentence(doc, v, *s); !same {
				continue
			}
			for _, d := range dues {
				switch {
				case !containsWords(org, d.org):
				case len(d.org) > len(best.org):
					best, tie = d, false
				case len(d.org) == len(best.org):
					tie = true
				}
			}
			cause, named = s.Code, fmt.Sprintf("%s, %s", evidenceText(*s), s.Code)
			break
		}
	} else { // a cause code the chosen one names is absorbed too
		for ks := range res.Suggestions {
			s := &res.Suggestions[ks]
			if s.System != v.System || !causeCode(s.Code) {
				continue
			}
			id, _ := e.set.ID(corpus.ICD10CM, s.Code)
			if org, ok := causeOrganism(e.set.Brief(id)); ok && containsWords(org, best.org) {
				if same, _ := sameSentence(doc, v, *s); same {
					cause = s.Code
					break
				}
			}
		}
	}
	if best.id != 0 && !tie {
		return best.id, cause, fmt.Sprintf("the note names the organism (%s); %s leaves it open", named, v.Code)
	}
	// A suggested infectious-disease code naming v's condition.
	for ks := range res.Suggestions {
		s := &res.Suggestions[ks]
		if s.System != v.System || s.Code == v.Code || !strings.ContainsAny(s.Code[:1], "AB") || strings.HasPrefix(s.Code, "B9") {
			continue
		}
		id, _ := e.set.ID(corpus.ICD10CM, s.Code)
		if b := e.set.Brief(id); infectionOpen(b) || vague(b) || !b.Billable {
			continue
		}
		if e.namesInfection(doc, id, *s, v) {
			return id, "", fmt.Sprintf("the note names the infection (%s); %s does not", evidenceText(*s), v.Code)
		}
	}
	return 0, "", ""
}

// dropLessOrganism drops the suggested "due to" codes of vid whose
// organism words are fewer than, and all among, those of the chosen code
// to, read in the sentence of t: "Sepsis due to unspecified
// staphylococcus" beside "... Methicillin susceptible Staphylococcus
// aureus".
func (e *Engine) dropLessOrganism(doc *nlp.Document, res *Result, vid, to corpus.ID, t Suggestion, rej []Rejection) []Rejection {
	dues := e.organismDue[vid]
	k := slices.IndexFunc(dues, func(d organismDue) bool { return d.id == to })
	if k < 0 {
		return rej
	}
	for j := 0; j < len(res.Suggestions); j++ {
		s := res.Suggestions[j]
		id, _ := e.set.ID(corpus.ICD10CM, s.Code)
		m := slices.IndexFunc(dues, func(d organismDue) bool { return d.id == id })
		if s.System != t.System || m < 0 || id == to || len(dues[m].org) >= len(dues[k].org) || !containsWords(dues[k].org, dues[m].org) {
			continue
		}
		if same, _ := sameSentence(doc, t, s); same {
			rej = append(rej, drop(res, j, "organism", fmt.Sprintf("the note names the organism of %s (%s)", t.Code, t.Display)))
			j--
		}
	}
	return rej
}

// containsWords reports whether every word of sub is in set.
func containsWords(set, sub []string) bool {
	for _, w := range sub {
		if !slices.Contains(set, w) {
			return false
		}
	}
	return true
}

// evidenceText quotes a suggestion's evidence texts.
func evidenceText(s Suggestion) string {
	var q []string
	for _, ev := range s.Evidence {
		q = append(q, fmt.Sprintf("%q", ev.Text))
	}
	return strings.Join(q, ", ")
}
