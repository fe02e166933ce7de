package suggest

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// mention is one hit of a code in one sentence.
type mention struct {
	hit       index.Hit
	learned   bool
	weight    float64 // learned-name precision
	name      string
	kind      corpus.NameKind
	sent      int
	start     int
	end       int
	assert    nlp.Assertion
	section   int
	expanded  bool
	dominated bool
	terms     []string // stems of the matched name
}

// candidate gathers the mentions of one suggestable code (or stem).
type candidate struct {
	key      string
	tgt      target
	mentions []mention
	best     int // index into mentions
}

// validate checks a request and fills defaults.
func (e *Engine) validate(req *Request) error {
	if strings.TrimSpace(req.Text) == "" {
		return ErrEmptyNote
	}
	if len(req.Text) > MaxNoteBytes {
		return ErrNoteTooLarge
	}
	if !utf8.ValidString(req.Text) || strings.IndexByte(req.Text, 0) >= 0 {
		return ErrBinaryNote
	}
	ctrl := 0
	for _, r := range req.Text {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(req.Text) {
		return ErrBinaryNote
	}
	switch req.Setting {
	case "":
		req.Setting = Outpatient
	case Outpatient, Inpatient:
	default:
		return fmt.Errorf("%w: %q", ErrBadSetting, req.Setting)
	}
	for _, s := range req.Systems {
		if len(e.set.Codes(s)) == 0 {
			return fmt.Errorf("%w: %s", ErrUnknownSystem, s)
		}
	}
	if req.MaxResults <= 0 {
		req.MaxResults = 50
	}
	return nil
}

// Suggest codes one note.
func (e *Engine) Suggest(ctx context.Context, req Request) (*Result, error) {
	if err := e.validate(&req); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	doc := e.pipe.Analyze(req.Text)
	cands := e.collect(doc, req)
	res := &Result{Suggestions: []Suggestion{}, Rejected: []Rejection{}, CodeSets: e.codeSets(req)}
	encounter := documentAttribute(doc, "encounter")

	var kept []scored
	for _, c := range cands {
		if rej, ok := e.applyAssertions(doc, c, req.Setting); !ok {
			res.Rejected = append(res.Rejected, rej)
			continue
		}
		code, edits := c.tgt.code, []Edit(nil)
		if c.tgt.edit != nil {
			edits = append(edits, *c.tgt.edit)
		}
		if c.tgt.stem != nil {
			var ed *Edit
			code, ed = completeSeventh(e.set, c.tgt.stem, encounterNear(doc, c, encounter))
			if code == nil {
				continue
			}
			if ed != nil {
				edits = append(edits, *ed)
			}
		}
		if !req.DateOfService.IsZero() {
			if err := e.set.Validate(code.System, code.Code, req.DateOfService); err != nil {
				res.Rejected = append(res.Rejected, Rejection{System: string(code.System), Code: code.Code, Display: code.Display,
					Rule: "not_valid_on_date", Reason: err.Error(), Evidence: e.evidence(doc, c, 1)})
				continue
			}
		}
		s := e.suggestion(doc, c, code, edits, req)
		kept = append(kept, scored{c: c, s: s, code: code})
	}
	// Merge candidates that landed on the same billable code.
	merged := map[string]int{}
	var out []scored
	for _, k := range kept {
		id := k.s.System + "|" + k.s.Code
		if i, ok := merged[id]; ok {
			if k.s.Confidence > out[i].s.Confidence {
				k.s.Evidence = mergeEvidence(k.s.Evidence, out[i].s.Evidence)
				out[i] = k
			} else {
				out[i].s.Evidence = mergeEvidence(out[i].s.Evidence, k.s.Evidence)
			}
			continue
		}
		merged[id] = len(out)
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return less(&out[i].s, &out[j].s) })
	// Excludes1: a code and the codes its notes exclude are not both coded.
	final := out[:0]
	for _, k := range out {
		if len(final) >= req.MaxResults {
			break
		}
		clash := ""
		for _, f := range final {
			if f.code.System == corpus.ICD10CM && k.code.System == corpus.ICD10CM &&
				(e.excluded(f.code, k.code) || e.excluded(k.code, f.code)) {
				clash = f.code.Code
				break
			}
		}
		if clash != "" {
			res.Rejected = append(res.Rejected, Rejection{System: k.s.System, Code: k.s.Code, Display: k.s.Display,
				Rule: "excludes1", Reason: fmt.Sprintf("Excludes1 with %s, which ranks higher", clash), Evidence: k.s.Evidence})
			continue
		}
		final = append(final, k)
	}
	for _, k := range final {
		if k.s.Confidence < req.MinConfidence || len(res.Suggestions) >= req.MaxResults {
			continue
		}
		res.Suggestions = append(res.Suggestions, k.s)
	}
	e.alternatives(res.Suggestions, final)
	sort.Slice(res.Rejected, func(i, j int) bool {
		a, b := res.Rejected[i], res.Rejected[j]
		if a.System != b.System {
			return a.System < b.System
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Rule < b.Rule
	})
	res.Rejected = dedupeRejected(res.Rejected, res.Suggestions)
	return res, nil
}

// scored is a kept candidate with its suggestion.
type scored struct {
	c    *candidate
	s    Suggestion
	code *corpus.Code
}

// less is the total order of suggestions.
func less(a, b *Suggestion) bool {
	if a.Confidence != b.Confidence {
		return a.Confidence > b.Confidence
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.System != b.System {
		return a.System < b.System
	}
	return a.Code < b.Code
}

func dedupeRejected(rs []Rejection, kept []Suggestion) []Rejection {
	has := map[string]bool{}
	for _, s := range kept {
		has[s.System+"|"+s.Code] = true
	}
	out := rs[:0]
	seen := map[string]bool{}
	for _, r := range rs {
		k := r.System + "|" + r.Code + "|" + r.Rule
		if seen[k] || has[r.System+"|"+r.Code] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

func (e *Engine) codeSets(req Request) map[string]CodeSet {
	out := map[string]CodeSet{}
	for _, r := range e.set.Releases() {
		if len(req.Systems) > 0 && !contains(req.Systems, r.System) {
			continue
		}
		cs := CodeSet{Release: r.Name}
		if !r.Effective.IsZero() {
			cs.Effective = r.Effective.Format("2006-01-02")
		}
		if !r.Expires.IsZero() {
			cs.Expires = r.Expires.Format("2006-01-02")
		}
		out[string(r.System)] = cs
	}
	return out
}

func contains(ss []corpus.System, s corpus.System) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// collect searches every sentence and gathers mentions per target.
func (e *Engine) collect(doc *nlp.Document, req Request) []*candidate {
	byKey := map[string]*candidate{}
	var order []*candidate
	add := func(tgt target, m mention) {
		var key string
		switch {
		case tgt.invalid:
			return
		case tgt.stem != nil:
			key = string(tgt.stem.System) + "|" + tgt.stem.Code
		default:
			key = string(tgt.code.System) + "|" + tgt.code.Code
		}
		c := byKey[key]
		if c == nil {
			c = &candidate{key: key, tgt: tgt}
			byKey[key] = c
			order = append(order, c)
		}
		c.mentions = append(c.mentions, m)
	}
	terms := doc.Terms
	for lo := 0; lo < len(terms); {
		hi := lo + 1
		for hi < len(terms) && terms[hi].Sent == terms[lo].Sent {
			hi++
		}
		sent := terms[lo:hi:hi]
		lo = hi
		e.searchSentence(doc, sent, req, e.ix, e.targets, false, add)
		if e.learned != nil {
			e.searchSentence(doc, sent, req, e.learned, e.lTarget, true, add)
		}
	}
	for _, c := range order {
		c.best = 0
		for i, m := range c.mentions {
			if mentionScore(m) > mentionScore(c.mentions[c.best]) {
				c.best = i
			}
		}
	}
	return order
}

func mentionScore(m mention) float64 {
	s := m.hit.Score
	if m.dominated {
		s *= 0.6
	}
	return s
}

// searchSentence runs one sentence against one index.
func (e *Engine) searchSentence(doc *nlp.Document, sent []nlp.Term, req Request, ix *index.Index, targets []target, learned bool, add func(target, mention)) {
	q := index.Query{Terms: make([]uint32, 0, len(sent)), Pos: make([]int32, 0, len(sent))}
	expanded := map[int32]bool{}
	for _, t := range sent {
		if inHeader(doc, t) {
			continue // "HISTORY OF PRESENT ILLNESS:" names a section, not a condition
		}
		id, ok := ix.TermID(t.Stem)
		if !ok {
			continue
		}
		q.Terms = append(q.Terms, id)
		q.Pos = append(q.Pos, int32(t.Tok))
		if t.Expanded {
			expanded[int32(t.Tok)] = true
		}
	}
	if len(q.Terms) == 0 {
		return
	}
	minCov := 0.5
	if learned {
		minCov = 0.99
	}
	hits := ix.Search(q, index.SearchOptions{MinCoverage: minCov, Systems: req.Systems, Limit: 300})
	// A hit whose matched words all sit inside a longer, fully matched name
	// is dominated ("pain" inside "chest pain").
	full := make([][]int32, 0, len(hits))
	for _, h := range hits {
		if h.Coverage >= 0.99 && h.Matched > 1 {
			full = append(full, sortedUnique(h.Positions))
		}
	}
	for _, h := range hits {
		tgt := targets[h.Code]
		if tgt.invalid {
			continue
		}
		if ix.NameKind(h.Name) == corpus.NameDrug && h.Coverage < 0.99 {
			continue // "metformin" alone is not "underdosing of metformin"
		}
		m := mention{
			hit: h, learned: learned, name: ix.NameText(h.Name), kind: ix.NameKind(h.Name),
			sent: sent[0].Sent, start: doc.Tokens[h.First].Start, end: doc.Tokens[h.Last].End,
			section: doc.Tokens[h.First].Section,
		}
		m.assert = ^nlp.Assertion(0)
		for _, p := range h.Positions {
			m.assert &= doc.Tokens[p].Assert
			if expanded[p] {
				m.expanded = true
			}
		}
		ps := sortedUnique(h.Positions)
		for _, f := range full {
			if len(f) > len(ps) && subset(ps, f) {
				m.dominated = true
				break
			}
		}
		if learned && e.model != nil {
			m.weight = e.learnedWeight(ix, h)
		}
		if e.adj != nil {
			m.terms = ix.NameTerms(h.Name)
		}
		add(tgt, m)
	}
}

// inHeader reports whether a term lies in its section's header.
func inHeader(doc *nlp.Document, t nlp.Term) bool {
	if t.Section < 0 || t.Section >= len(doc.Sections) {
		return false
	}
	h := doc.Sections[t.Section].Header
	return t.Start >= h.Start && t.End <= h.End && h.End > h.Start
}

func (e *Engine) learnedWeight(ix *index.Index, h index.Hit) float64 {
	ref := ix.Code(h.Code)
	text := ix.NameText(h.Name)
	for _, l := range e.model.Learned {
		if l.Code == ref.Code && l.Text == text {
			return l.Weight
		}
	}
	return 0
}

func sortedUnique(p []int32) []int32 {
	s := append([]int32(nil), p...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// subset reports whether sorted a ⊆ sorted b.
func subset(a, b []int32) bool {
	j := 0
	for _, v := range a {
		for j < len(b) && b[j] < v {
			j++
		}
		if j == len(b) || b[j] != v {
			return false
		}
	}
	return true
}

// documentAttribute returns the first value of an attribute kind in the note.
func documentAttribute(doc *nlp.Document, kind string) string {
	for _, a := range doc.Attributes {
		if a.Kind == kind {
			return a.Value
		}
	}
	return ""
}

// encounterNear prefers an encounter attribute in a sentence mentioning
// the candidate over the note's first one.
func encounterNear(doc *nlp.Document, c *candidate, fallback string) string {
	for _, a := range doc.Attributes {
		if a.Kind != "encounter" {
			continue
		}
		for _, m := range c.mentions {
			if m.sent == a.Sent {
				return a.Value
			}
		}
	}
	return fallback
}

func mergeEvidence(a, b []Evidence) []Evidence {
	seen := map[[2]int]bool{}
	var out []Evidence
	for _, e := range append(append([]Evidence(nil), a...), b...) {
		k := [2]int{e.Start, e.End}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
