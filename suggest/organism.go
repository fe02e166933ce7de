package suggest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// identified pairs a code for an unidentified organism with the code the
// Tabular List gives the same condition when the organism is identified
// (J11.1 "Influenza due to unidentified influenza virus with other
// respiratory manifestations" and J10.1 "... other identified influenza
// virus ..."), and the words that identify it: what the identified
// category's inclusion terms add to the other's title ("influenza A",
// "influenza B": A, B).
type identified struct {
	from, to corpus.ID
	marks    []string
}

// identifiedTable derives the pairs from the titles of the code set.
func identifiedTable(set *corpus.Set) []identified {
	byTitle := map[string]corpus.ID{}
	var from []corpus.ID
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if !b.Billable {
			continue
		}
		switch {
		case strings.Contains(b.Display, "unidentified"):
			from = append(from, id)
		case strings.Contains(b.Display, "identified"):
			byTitle[b.Display] = id
		}
	}
	var out []identified
	for _, id := range from {
		b := set.Brief(id)
		to, ok := byTitle[strings.Replace(b.Display, "unidentified", "other identified", 1)]
		if !ok {
			continue
		}
		own := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(b.Display)) {
			own[w] = true
		}
		var marks []string
		cat, _ := set.ID(corpus.ICD10CM, category(set.CodeString(to)))
		for _, inc := range set.Notes(cat).Includes {
			inc, _, _ = strings.Cut(inc, "(")
			for _, w := range strings.Fields(inc) {
				if !own[strings.ToLower(w)] && !slices.Contains(marks, w) {
					marks = append(marks, w)
				}
			}
		}
		if len(marks) > 0 {
			out = append(out, identified{from: id, to: to, marks: marks})
		}
	}
	return out
}

var wordRE = regexp.MustCompile(`[\pL\pN]+`)

// organisms recodes a code for an unidentified organism to the identified
// one when the sentence of its evidence names the organism: a mark word
// right after a clipped or full word of the condition ("influenza A",
// "flu B"). An annotating request keeps both.
func (e *Engine) organisms(doc *nlp.Document, req Request, res *Result, rej []Rejection) []Rejection {
	for i := 0; i < len(res.Suggestions); i++ {
		// Tested in place: a suggestion is copied only past the tests.
		if p := &res.Suggestions[i]; p.System != string(corpus.ICD10CM) {
			continue
		} else if !e.coder.rules.per.unidentified(e).has(p.Code) {
			continue // not the code of a pair's unidentified organism
		}
		s := res.Suggestions[i]
		id, _ := e.set.ID(corpus.ICD10CM, s.Code)
		k := slices.IndexFunc(e.identified, func(x identified) bool { return x.from == id })
		if k < 0 {
			continue
		}
		named := e.namesOrganism(doc, s, e.identified[k].marks)
		if named == "" {
			continue
		}
		b := e.set.Brief(e.identified[k].to)
		why := fmt.Sprintf("note names the organism (%q); %s is for an unidentified one", named, s.Code)
		j := has(res, corpus.ICD10CM, b.Code)
		if req.Annotate {
			if j < 0 {
				insertBeside(res, s, b, "organism", why)
				i++
			}
			continue
		}
		rej = append(rej, Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "organism", Reason: why + "; coded " + b.Code, Evidence: s.Evidence})
		if j >= 0 {
			res.Suggestions = slices.Delete(res.Suggestions, i, i+1)
			i--
			continue
		}
		res.Suggestions[i] = recoded(s, b, "organism", why)
	}
	return rej
}

// namesOrganism returns the words of s's evidence sentences that name the
// organism: a mark (case as printed when one letter: "A", not the
// article) right after a word the condition's title holds whole or
// clipped ("flu" in "influenza").
func (e *Engine) namesOrganism(doc *nlp.Document, s Suggestion, marks []string) string {
	title := strings.ToLower(s.Display)
	for _, c := range evidenceCues(doc, s) {
		if c.sent < 0 {
			continue
		}
		sp := doc.Sentences[c.sent]
		text := doc.Text[sp.Start:sp.End]
		// The words of the sentence as wordRE finds them, by pairs.
		p0, p1 := nextWord(text, 0)
		for p0 >= 0 {
			w0, w1 := nextWord(text, p1)
			if w0 < 0 {
				break
			}
			if prev := strings.ToLower(text[p0:p1]); len(prev) >= 3 && strings.Contains(title, prev) {
				w := text[w0:w1]
				for _, m := range marks {
					if w == m || len(m) > 1 && strings.EqualFold(w, m) {
						return text[p0:w1]
					}
				}
			}
			p0, p1 = w0, w1
		}
	}
	return ""
}
