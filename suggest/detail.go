package suggest

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// measure is a quantity procedure names are billed by: a documented value
// ("15 minutes", "laceration 3 cm") and the ranges names give ("3 to 10
// minutes", "more than 10 minutes", "2.5 cm or less", "2.6 to 7.5 cm").
type measure struct {
	unit string
	said *regexp.Regexp // the value in group 1
	// then is what every match of said holds after a digit and RE2's \s*
	// (digitThen): a sentence without it is not searched.
	then string
	rng  *regexp.Regexp // lo-hi in groups 1-2, a bound's word and value in 3-4, an upper bound in 5
}

var measures = []measure{
	{unit: "minutes",
		said: regexp.MustCompile(`(?i)\b(\d{1,3})\s*(?:minutes?|mins?)\b`),
		then: "min",
		rng:  regexp.MustCompile(`(?i)(?:(\d+) to (\d+)|(more than|at least|less than|over) (\d+)) minutes|(\d+) minutes or (?:less|fewer)`)},
	{unit: "cm",
		said: regexp.MustCompile(`(?i)\b(\d{1,3}(?:\.\d+)?)\s*(?:cm|centimeters?)\b`),
		then: "c",
		rng:  regexp.MustCompile(`(?i)(?:(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)|(more than|at least|less than|over) (\d+(?:\.\d+)?)) cm|(\d+(?:\.\d+)?) cm or (?:less|fewer)`)},
}

// procedureFamily is procedure suggestions (CPT, HCPCS) whose names share
// a stem and differ only after it ("Chest x-ray, single view" / "Chest
// x-ray, two views"): one service and its billing detail.
type procedureFamily struct {
	stem    string
	members []int // indices into the result's suggestions, in its order
}

// procedureStem is the name stem of a documented procedure suggestion
// (its display before the last comma), the key of its family; ok is false
// for a diagnosis, an undocumented suggestion or a name without a stem.
func procedureStem(s *Suggestion) (stem string, ok bool) {
	if s.System == string(corpus.ICD10CM) || len(s.Evidence) == 0 {
		return "", false
	}
	cut := strings.LastIndex(s.Display, ", ")
	if cut < 4 {
		return "", false
	}
	return s.Display[:cut], true
}

// procedureFamilies groups the result's procedure suggestions by system
// and name stem (the name before its last comma), families of two or more
// in order of their first member.
func procedureFamilies(res *Result) []procedureFamily {
	// First each procedure's family (by a scan: a result holds few
	// procedures), then the families of two or more, so that a result
	// without one allocates nothing.
	type family struct {
		sys, stem string
		n, out    int // members; index in out
	}
	type member struct{ i, fam int }
	var fbuf [16]family
	var mbuf [32]member
	fams, members := fbuf[:0], mbuf[:0]
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		stem, ok := procedureStem(s)
		if !ok {
			continue
		}
		j := slices.IndexFunc(fams, func(f family) bool { return f.sys == s.System && f.stem == stem })
		if j < 0 {
			j = len(fams)
			fams = append(fams, family{sys: s.System, stem: stem})
		}
		fams[j].n++
		members = append(members, member{i, j})
	}
	var out []procedureFamily
	for j := range fams {
		if fams[j].n >= 2 {
			fams[j].out = len(out)
			out = append(out, procedureFamily{stem: fams[j].stem, members: make([]int, 0, fams[j].n)})
		}
	}
	for _, m := range members {
		if f := &fams[m.fam]; f.n >= 2 {
			out[f.out].members = append(out[f.out].members, m.i)
		}
	}
	return out
}

// tail is a member's distinguishing words (its name after the stem).
func (f procedureFamily) tail(s Suggestion) string { return s.Display[len(f.stem)+2:] }

// holds reports whether a name's range of m holds v, and whether the name
// has such a range at all.
func (m measure) holds(name string, v float64) (in, ranged bool) {
	g := m.rng.FindStringSubmatch(name)
	if g == nil {
		return false, false
	}
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	switch {
	case g[1] != "":
		return v >= num(g[1]) && v <= num(g[2]), true
	case g[3] == "more than" || g[3] == "over":
		return v > num(g[4]), true
	case g[3] == "at least":
		return v >= num(g[4]), true
	case g[3] == "less than":
		return v < num(g[4]), true
	}
	return v <= num(g[5]), true
}

// documented returns the value of m the note states in the sentence of a
// suggestion's first evidence.
func (m measure) documented(doc *nlp.Document, s Suggestion) (float64, bool) {
	c := spanCue(doc, s.Evidence[0].Start, s.Evidence[0].End)
	if c.tok < 0 || c.sent >= len(doc.Sentences) {
		return 0, false
	}
	sp := doc.Sentences[c.sent]
	text := doc.Text[sp.Start:sp.End]
	if !digitThen(text, reSpace, m.then) {
		return 0, false
	}
	g := m.said.FindStringSubmatch(text)
	if g == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(g[1], 64)
	return v, err == nil
}

// measured settles family f by a documented quantity: the one member whose
// range holds the note's value takes the family's best confidence, the
// others are contradicted. It reports whether it settled the family.
func measured(doc *nlp.Document, res *Result, f procedureFamily, best Suggestion, drop map[int]Rejection, promote map[int]float64) bool {
	for _, m := range measures {
		v, ok := m.documented(doc, best)
		if !ok {
			continue
		}
		var fits []int
		ranged := true
		for _, i := range f.members {
			in, r := m.holds(f.tail(res.Suggestions[i]), v)
			ranged = ranged && r
			if in {
				fits = append(fits, i)
			}
		}
		if !ranged || len(fits) != 1 {
			continue
		}
		if fits[0] != f.members[0] {
			promote[fits[0]] = best.Confidence
		}
		for _, i := range f.members {
			if i != fits[0] {
				s := res.Suggestions[i]
				drop[i] = Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "contradicted", Evidence: s.Evidence,
					Reason: "note documents " + strconv.FormatFloat(v, 'f', -1, 64) + " " + m.unit + "; " + s.Code + " is " + f.tail(s)}
			}
		}
		return true
	}
	return false
}

// procedureDetail settles procedure families by what the note documents.
// A duration or size the note states in the service's sentence selects the
// member whose range holds it (it takes the family's best confidence; the
// others are contradicted). A family the note cannot tell apart - its top
// members tie, nothing preferred one - is one service whose billing
// detail is undocumented: the first in the total order stays, with an
// edit naming the alternatives and the detail to document, and the tied
// others are rejected, so the coder sees one line and a query rather than
// competing claims.
func procedureDetail(doc *nlp.Document, res *Result, rej []Rejection) []Rejection {
	drop := map[int]Rejection{}
	promote := map[int]float64{}
	for _, f := range procedureFamilies(res) {
		best := res.Suggestions[f.members[0]]
		if settled := measured(doc, res, f, best, drop, promote); settled {
			continue
		}
		var tied []int
		for _, i := range f.members[1:] {
			if math.Abs(res.Suggestions[i].Confidence-best.Confidence) < 1e-9 {
				tied = append(tied, i)
			}
		}
		if len(tied) == 0 {
			continue
		}
		var alts []string
		for _, i := range tied {
			s := res.Suggestions[i]
			// Concatenated, not formatted: a family's every tied member
			// is written out, a few dozen a note.
			alts = append(alts, s.Code+" ("+f.tail(s)+")")
			drop[i] = Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "undocumented_detail", Evidence: s.Evidence,
				Reason: s.Code + " differs from " + best.Code + " only in a detail the note does not document; " + best.Code + " is suggested with a query"}
		}
		keep := &res.Suggestions[f.members[0]]
		keep.Edits = append(keep.Edits, Edit{Kind: "undocumented_detail", Message: "the note does not document the detail that tells " + keep.Code + " (" + f.tail(*keep) + ") from " + strings.Join(alts, ", ") + ": document it, or query the provider"})
	}
	if len(drop) == 0 && len(promote) == 0 {
		return rej
	}
	return settleFamilies(res, drop, promote, rej)
}

// settleFamilies applies procedureDetail's decisions: the suggestions at
// the indexes of drop give way with their rejections (appended to rej),
// those of promote take their confidence and are inserted again, in
// order. Kept suggestions move down in place: index i is read before
// any later one is written. They are read in place and copied only when
// one moves (a Suggestion copied per step cost more than the rest;
// TestSettleFamilies holds this to the plain compaction).
func settleFamilies(res *Result, drop map[int]Rejection, promote map[int]float64, rej []Rejection) []Rejection {
	var raised []Suggestion
	kept := 0
	for i := range res.Suggestions {
		if r, ok := drop[i]; ok {
			rej = append(rej, r)
			continue
		}
		if c, ok := promote[i]; ok {
			s := res.Suggestions[i]
			s.Confidence = c
			s.Explanation.Children = append(s.Explanation.Children, Explanation{Value: c, Message: "the documented duration selects this code in its family"})
			raised = append(raised, s)
			continue
		}
		if kept != i {
			res.Suggestions[kept] = res.Suggestions[i]
		}
		kept++
	}
	clear(res.Suggestions[kept:]) // no stale copies past the end
	if kept == 0 {
		res.Suggestions = nil // as the list built from none was
	} else {
		res.Suggestions = res.Suggestions[:kept]
	}
	for _, s := range raised {
		insert(res, s)
	}
	return rej
}
