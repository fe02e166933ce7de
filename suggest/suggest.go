package suggest

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
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
	partNeg   float64 // share of the matched words negated while the rest is not
}

// candidate gathers the mentions of one suggestable code (or stem).
type candidate struct {
	key      string
	tgt      target
	mentions []mention
	best     int // index into mentions
	// spanRank is 0 when no other candidate's best mention overlapping
	// this one's scores higher, else how many do; margin is this best
	// mention's score minus the best overlapping competitor's.
	spanRank int
	margin   float64
	// sibling: added because training notes code this category this way,
	// on the evidence of another code of the category.
	sibling bool
	// historyOf is the code whose historical or family mention this
	// history code stands for; replacedBy is that history code, on the
	// candidate it replaces.
	historyOf  string
	replacedBy string
	catCount   int     // candidates of the same category in the note
	cooc       float64 // best co-occurrence lift with an anchor code
}

// compete ranks each candidate among those whose best mentions overlap its
// own in the same sentence: is it the best reading of its words? Within a
// sentence the best mentions are swept in start order, so only overlapping
// pairs are compared.
func compete(cs []*candidate) {
	type span struct {
		c          *candidate
		start, end int
		score      float64
	}
	bySent := map[int][]span{}
	for _, c := range cs {
		m := c.mentions[c.best]
		c.spanRank, c.margin = 0, mentionScore(m)
		bySent[m.sent] = append(bySent[m.sent], span{c, m.start, m.end, mentionScore(m)})
	}
	for _, g := range bySent {
		slices.SortFunc(g, func(a, b span) int { return cmp.Compare(a.start, b.start) })
		for i := range g {
			for j := i + 1; j < len(g) && g[j].start < g[i].end; j++ {
				// g[i] and g[j] overlap.
				a, b := &g[i], &g[j]
				a.c.margin = math.Min(a.c.margin, a.score-b.score)
				b.c.margin = math.Min(b.c.margin, b.score-a.score)
				switch {
				case b.score > a.score || b.score == a.score && b.c.key < a.c.key:
					a.c.spanRank++
				default:
					b.c.spanRank++
				}
			}
		}
	}
}

// CheckNote reports whether text is a note the engine accepts: not
// empty, at most MaxNoteBytes, valid UTF-8 text without NUL bytes and with
// few control characters.
func CheckNote(text string) error {
	if strings.TrimSpace(text) == "" {
		return ErrEmptyNote
	}
	if len(text) > MaxNoteBytes {
		return ErrNoteTooLarge
	}
	if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
		return ErrBinaryNote
	}
	ctrl := 0
	for _, r := range text {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(text) {
		return ErrBinaryNote
	}
	return nil
}

// validate checks a request and fills defaults.
func (e *Engine) validate(req *Request) error {
	if err := CheckNote(req.Text); err != nil {
		return err
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
	cands := e.histories(e.siblings(e.collect(doc, req)))
	res := &Result{Suggestions: []Suggestion{}, Rejected: []Rejection{}, CodeSets: e.codeSets(req)}
	encounter := documentAttribute(doc, "encounter")

	live := cands[:0:0]
	for _, c := range cands {
		if mentionScore(c.mentions[c.best]) < e.minCandidate {
			continue
		}
		if rej, ok := e.applyAssertions(doc, c, req.Setting); !ok {
			if reportable(c) {
				rej.Evidence = e.evidence(doc, c, 3)
				res.Rejected = append(res.Rejected, rej)
			}
			continue
		}
		live = append(live, c)
	}
	compete(live)
	cats := map[string]int{}
	for _, c := range live {
		cats[category(c.tgt.anyCode())]++
	}
	for _, c := range live {
		c.catCount = cats[category(c.tgt.anyCode())] - 1
	}
	e.cooccur(live)
	// Score every candidate; render only what is returned.
	pre := make([]scored, 0, len(live))
	var fbuf []float64 // features of every candidate, one allocation
	for _, c := range live {
		code, edits := c.tgt.code, []Edit(nil)
		if c.tgt.edit != nil {
			edits = append(edits, *c.tgt.edit)
		}
		if c.replacedBy != "" {
			edits = append(edits, Edit{Kind: "history", Message: "documented as a past condition: personal-history code " + c.replacedBy + " suggested; keep this code only if the condition is current"})
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
		if len(fbuf) < featureCount {
			fbuf = make([]float64, featureCount*(len(live)-len(pre)))
		}
		pre = append(pre, e.prepare(doc, c, code, edits, fbuf[:featureCount:featureCount]))
		fbuf = fbuf[featureCount:]
	}
	e.confidences(pre)
	// Candidates that landed on the same billable code merge: the best
	// scored keeps its explanation, the mentions pool as evidence.
	kept := make([]scored, 0, len(pre))
	merged := make(map[*corpus.Code]int, len(pre))
	for _, k := range pre {
		if i, ok := merged[k.code]; ok {
			o := &kept[i]
			// Ties go to the candidate that needed no resolution edit.
			if less(&k, o) || k.conf == o.conf && k.score == o.score && o.c.tgt.from != nil && k.c.tgt.from == nil {
				k.extra = append(append(k.extra, o.c), o.extra...)
				*o = k
			} else {
				o.extra = append(o.extra, k.c)
			}
			continue
		}
		merged[k.code] = len(kept)
		kept = append(kept, k)
	}
	sort.Slice(kept, func(i, j int) bool { return less(&kept[i], &kept[j]) })
	// A fully documented code "with" a complication contradicts its
	// category's "without complications" code (E11.42 vs E11.9).
	complicated := map[string]*corpus.Code{}
	for _, k := range kept {
		m := k.c.mentions[k.c.best]
		if k.code.System == corpus.ICD10CM && m.hit.Coverage >= 0.99 && !m.dominated && !k.c.sibling && m.partNeg == 0 &&
			strings.Contains(k.code.Display, " with ") {
			if _, ok := complicated[category(k.code)]; !ok {
				complicated[category(k.code)] = k.code
			}
		}
	}
	// Excludes1: a code and the codes its notes exclude are not both coded.
	final := kept[:0]
	for _, k := range kept {
		if len(final) >= req.MaxResults || k.conf < req.MinConfidence {
			break
		}
		if w, ok := complicated[category(k.code)]; ok && w != k.code && strings.Contains(k.code.Display, "without complication") {
			res.Rejected = append(res.Rejected, Rejection{System: string(k.code.System), Code: k.code.Code, Display: k.code.Display,
				Rule: "contradicted", Reason: fmt.Sprintf("the note documents %s (%s), a complication in the same category", w.Code, w.Display), Evidence: e.evidence(doc, k.c, 3)})
			continue
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
			res.Rejected = append(res.Rejected, Rejection{System: string(k.code.System), Code: k.code.Code, Display: k.code.Display,
				Rule: "excludes1", Reason: fmt.Sprintf("Excludes1 with %s, which ranks higher", clash), Evidence: e.evidence(doc, k.c, 3)})
			continue
		}
		final = append(final, k)
	}
	for i := range final {
		res.Suggestions = append(res.Suggestions, e.render(doc, &final[i], req))
	}
	alternatives(res.Suggestions)
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

// cooccur sets each candidate's best co-occurrence lift with the anchors:
// ICD-10-CM candidates whose best mention matched a name almost exactly.
func (e *Engine) cooccur(cs []*candidate) {
	if len(e.cooc) == 0 {
		return
	}
	var anchors []string
	for _, c := range cs {
		if k := c.tgt.anyCode(); k.System == corpus.ICD10CM && mentionScore(c.mentions[c.best]) >= 0.8 && !c.sibling {
			anchors = append(anchors, k.Code)
		}
	}
	for _, c := range cs {
		k := c.tgt.anyCode()
		if k.System != corpus.ICD10CM {
			continue
		}
		for _, a := range anchors {
			key := [2]string{a, k.Code}
			if k.Code < a {
				key = [2]string{k.Code, a}
			}
			if l := e.cooc[key]; l > c.cooc && a != k.Code {
				c.cooc = l
			}
		}
	}
}

// saysWithout reports whether a name holds the word "without" (any case),
// without allocating.
func saysWithout(name string) bool {
	return strings.Contains(name, "without") || strings.Contains(name, "Without") || strings.Contains(name, "WITHOUT")
}

// category is the three-character category of an ICD-10-CM code.
func category(c *corpus.Code) string {
	if len(c.Code) > 3 {
		return c.Code[:3]
	}
	return c.Code
}

// reportable says whether a rejected candidate is worth showing a coder:
// its best words matched a name well and no longer name covered them.
func reportable(c *candidate) bool {
	m := c.mentions[c.best]
	return m.hit.Score >= 0.45 && !m.dominated
}

// scored is a kept candidate with its ranking.
type scored struct {
	c     *candidate
	extra []*candidate // merged candidates for the same code
	code  *corpus.Code
	edits []Edit
	f     []float64
	adj   float64
	conf  float64
	score float64
}

// less is the total order of suggestions: confidence desc, score desc,
// system asc, code asc.
func less(a, b *scored) bool {
	if a.conf != b.conf {
		return a.conf > b.conf
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.code.System != b.code.System {
		return a.code.System < b.code.System
	}
	return a.code.Code < b.code.Code
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
	byCode := map[*corpus.Code]*candidate{}
	var order []*candidate
	// Mentions are gathered in one pending list (pooled), then laid out
	// per candidate in a single allocation.
	pp, _ := e.pending.Get().(*[]pending)
	if pp == nil {
		pp = new([]pending)
	}
	pend := (*pp)[:0]
	defer func() {
		clear(pend)
		*pp = pend[:0]
		e.pending.Put(pp)
	}()
	count := map[*candidate]int{}
	add := func(tgt target, m mention) {
		k := tgt.anyCode()
		if tgt.invalid || k == nil {
			return
		}
		c := byCode[k]
		if c == nil {
			c = &candidate{key: k.Code, tgt: tgt}
			byCode[k] = c
			order = append(order, c)
		}
		if c.tgt.from != nil && tgt.from == nil {
			c.tgt = tgt // the code's own name matched: no resolution edit
		}
		count[c]++
		pend = append(pend, pending{c, m})
	}
	terms := doc.Terms
	var sc sentenceScratch
	for lo := 0; lo < len(terms); {
		hi := lo + 1
		for hi < len(terms) && terms[hi].Sent == terms[lo].Sent {
			hi++
		}
		sent := terms[lo:hi:hi]
		lo = hi
		e.searchSentence(doc, sent, req, e.ix, e.targets, false, add, &sc)
		if e.learned != nil {
			e.searchSentence(doc, sent, req, e.learned, e.lTarget, true, add, &sc)
		}
	}
	buf := make([]mention, len(pend))
	off := 0
	for _, c := range order {
		n := count[c]
		c.mentions = buf[off : off : off+n]
		off += n
	}
	for _, p := range pend {
		p.c.mentions = append(p.c.mentions, p.m)
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

// pending is a mention waiting to be laid out with its candidate's others.
type pending struct {
	c *candidate
	m mention
}

// siblings adds, for each ICD-10-CM candidate with good evidence, the codes
// of its category that training notes used most (Model.CategoryTop), on the
// same evidence: coders often pick another code of the category than the
// one whose name matched best.
func (e *Engine) siblings(cands []*candidate) []*candidate {
	if len(e.catTop) == 0 {
		return cands
	}
	have := make(map[*corpus.Code]bool, len(cands))
	for _, c := range cands {
		have[c.tgt.anyCode()] = true
	}
	out := cands
	for _, c := range cands {
		code := c.tgt.anyCode()
		if code.System != corpus.ICD10CM || len(code.Code) < 3 || mentionScore(c.mentions[c.best]) < 0.5 {
			continue
		}
		for _, t := range e.catTop[code.Code[:3]] {
			k := t.anyCode()
			if have[k] {
				continue
			}
			have[k] = true
			out = append(out, &candidate{key: k.Code, tgt: t, mentions: c.mentions, best: c.best, sibling: true})
		}
	}
	return out
}

// sentenceScratch is reused across the sentences of one note.
type sentenceScratch struct {
	q        index.Query
	hits     []index.Hit
	expanded []bool    // per query term: from an abbreviation expansion
	partNeg  []float64 // per hit: share of its words negated when the name is not
	full     []posMask
}

// posMask is the set of token positions a hit matched, relative to the
// sentence's first token; ok is false when the sentence is too long to
// represent (dominance is then not judged).
type posMask struct {
	bits [4]uint64
	n    int
	ok   bool
}

func maskOf(ps []int32, base int32) posMask {
	m := posMask{ok: true}
	for _, p := range ps {
		d := p - base
		if d < 0 || d >= 256 {
			return posMask{}
		}
		if m.bits[d/64]&(1<<(d%64)) == 0 {
			m.bits[d/64] |= 1 << (d % 64)
			m.n++
		}
	}
	return m
}

// within reports whether m is a strict subset of o.
func (m posMask) within(o posMask) bool {
	if !m.ok || !o.ok || m.n >= o.n {
		return false
	}
	for i := range m.bits {
		if m.bits[i]&^o.bits[i] != 0 {
			return false
		}
	}
	return true
}

func mentionScore(m mention) float64 {
	s := m.hit.Score * (1 - m.partNeg)
	if m.dominated {
		s *= 0.6
	}
	return s
}

// searchSentence runs one sentence against one index.
func (e *Engine) searchSentence(doc *nlp.Document, sent []nlp.Term, req Request, ix *index.Index, targets []target, learned bool, add func(target, mention), sc *sentenceScratch) {
	q := &sc.q
	q.Terms, q.Pos, sc.expanded = q.Terms[:0], q.Pos[:0], sc.expanded[:0]
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
		sc.expanded = append(sc.expanded, t.Expanded)
	}
	if len(q.Terms) == 0 {
		return
	}
	minCov := e.minCoverage
	if learned {
		minCov = 0.99
	}
	sc.hits = ix.SearchInto(sc.hits, *q, index.SearchOptions{MinCoverage: minCov, MinScore: e.minScore, Systems: req.Systems, Limit: e.hitLimit})
	// A hit whose matched words all sit inside a longer, fully matched name
	// is dominated ("pain" inside "chest pain").
	// Drop hits that contradict the note: a drug-table row without its
	// column word ("metformin" alone is not "underdosing of metformin"), or
	// a name partly negated ("T2DM without complications" against "... with
	// complications") unless the name itself says "without".
	hits := sc.hits[:0]
	for _, h := range sc.hits {
		if targets[h.Code].invalid {
			continue
		}
		if ix.NameKind(h.Name) == corpus.NameDrug && h.Coverage < 0.99 {
			continue
		}
		hits = append(hits, h)
	}
	// Part of a name negated and part not ("T2DM without complications"
	// against "... with complications") contradicts the name unless the name
	// itself says "without": such hits neither dominate others nor count
	// as documenting a complication, and the ranker sees the share.
	sc.partNeg = sc.partNeg[:0]
	for _, h := range hits {
		negated := 0
		for _, p := range h.Positions {
			if doc.Tokens[p].Assert&nlp.Negated != 0 {
				negated++
			}
		}
		pn := 0.0
		if negated > 0 && negated < len(h.Positions) && !saysWithout(ix.NameText(h.Name)) {
			pn = float64(negated) / float64(len(h.Positions))
		}
		sc.partNeg = append(sc.partNeg, pn)
	}
	// A hit whose matched words all sit inside a longer, fully matched name
	// is dominated ("pain" inside "chest pain").
	base := int32(sent[0].Tok)
	sc.full = sc.full[:0]
	for i, h := range hits {
		if h.Coverage >= 0.99 && h.Matched > 1 && sc.partNeg[i] == 0 {
			sc.full = append(sc.full, maskOf(h.Positions, base))
		}
	}
	for i, h := range hits {
		tgt := targets[h.Code]
		m := mention{
			hit: h, learned: learned, name: ix.NameText(h.Name), kind: ix.NameKind(h.Name),
			sent: sent[0].Sent, start: doc.Tokens[h.First].Start, end: doc.Tokens[h.Last].End,
			section: doc.Tokens[h.First].Section, partNeg: sc.partNeg[i],
		}
		m.assert = ^nlp.Assertion(0)
		for _, p := range h.Positions {
			m.assert &= doc.Tokens[p].Assert
		}
		for j, p := range q.Pos {
			if sc.expanded[j] && slices.Contains(h.Positions, p) {
				m.expanded = true
				break
			}
		}
		mine := maskOf(h.Positions, base)
		for _, f := range sc.full {
			if mine.within(f) {
				m.dominated = true
				break
			}
		}
		if learned && e.model != nil {
			m.weight = e.learnedWeight(h)
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

// learnedWeight is a learned name's precision in training.
func (e *Engine) learnedWeight(h index.Hit) float64 { return e.lWeight[h.Name] }

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
