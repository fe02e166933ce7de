package suggest

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// historyCode reports codes that themselves say "history of" or a status
// after a procedure, which historical mentions support.
func historyCode(c *corpus.Code) bool {
	if c == nil || c.System != corpus.ICD10CM {
		return false
	}
	for _, p := range []string{"Z85", "Z86", "Z87", "Z88", "Z91", "Z92", "Z93", "Z94", "Z95", "Z96", "Z97", "Z98", "Z99", "I25.2"} {
		if strings.HasPrefix(c.Code, p) {
			return true
		}
	}
	return false
}

// familyCode reports the family-history codes Z80-Z84.
func familyCode(c *corpus.Code) bool {
	if c == nil || c.System != corpus.ICD10CM {
		return false
	}
	return c.Code >= "Z80" && c.Code < "Z85"
}

func (t target) anyCode() *corpus.Code {
	if t.code != nil {
		return t.code
	}
	return t.stem
}

// assertionNames lists the flags set in a, in a fixed order.
func assertionNames(a nlp.Assertion) []string {
	var out []string
	for _, x := range []struct {
		f nlp.Assertion
		n string
	}{{nlp.Negated, "negated"}, {nlp.Historical, "historical"}, {nlp.Family, "family"}, {nlp.Hypothetical, "hypothetical"}, {nlp.Uncertain, "uncertain"}} {
		if a&x.f != 0 {
			out = append(out, x.n)
		}
	}
	return out
}

// applyAssertions keeps the mentions the coding rules allow. It returns
// false with the rejection when none is left.
func (e *Engine) applyAssertions(doc *nlp.Document, c *candidate, setting Setting) (Rejection, bool) {
	code := c.tgt.anyCode()
	allowed := nlp.Assertion(0)
	if historyCode(code) {
		allowed |= nlp.Historical
	}
	if familyCode(code) {
		allowed |= nlp.Family | nlp.Historical
	}
	// The uncertain-diagnosis rule is about diagnoses: a procedure in a
	// sentence that doubts a finding ("possible pneumonia on chest x-ray")
	// was still performed.
	if setting == Inpatient || code.System != corpus.ICD10CM {
		allowed |= nlp.Uncertain
	}
	// Historical mentions of a condition stay, flagged and with an edit
	// naming the personal-history code suggested beside them: the coder
	// judges whether the condition is still current.
	allowed |= nlp.Historical
	var blocked nlp.Assertion
	for _, m := range c.mentions {
		blocked |= m.assert &^ allowed
	}
	kept := c.mentions
	if blocked != 0 {
		kept = nil
		for _, m := range c.mentions {
			if m.assert&^allowed == 0 {
				kept = append(kept, m)
			}
		}
	}
	if len(kept) > 0 {
		c.mentions = kept
		c.best = 0
		for i, m := range kept {
			if mentionScore(m) > mentionScore(kept[c.best]) {
				c.best = i
			}
		}
		return Rejection{}, true
	}
	rule, reason := "negated", "every mention is negated"
	switch {
	case blocked&nlp.Negated != 0:
	case blocked&nlp.Hypothetical != 0:
		rule, reason = "hypothetical", "mentioned only as a possibility to watch for (hypothetical)"
	case blocked&nlp.Family != 0:
		rule, reason = "family", "mentioned only for a family member; family history is coded with Z80-Z84"
		if c.replacedBy != "" {
			reason = "mentioned only for a family member: coded with the family-history code " + c.replacedBy
		}
	case blocked&nlp.Uncertain != 0:
		rule, reason = "uncertain_outpatient", "uncertain diagnosis (possible, probable, rule out): not coded in the outpatient setting; code the documented symptoms"
	}
	return Rejection{System: string(code.System), Code: code.Code, Display: code.Display, Rule: rule, Reason: reason}, false
}

// evidence turns up to n mentions into evidence spans, in note order.
func (e *Engine) evidence(doc *nlp.Document, c *candidate, n int) []Evidence {
	ms := append([]mention(nil), c.mentions...)
	// Best mention first, then by position.
	best := c.mentions[c.best]
	var out []Evidence
	seen := map[[2]int]bool{}
	push := func(m mention) {
		k := [2]int{m.start, m.end}
		if seen[k] || len(out) >= n {
			return
		}
		seen[k] = true
		ev := Evidence{Start: m.start, End: m.end, Text: doc.Text[m.start:m.end], Matched: m.name, MatchedKind: m.kind.String(), Assertions: assertionNames(m.assert)}
		if m.section >= 0 && m.section < len(doc.Sections) {
			ev.Section = string(doc.Sections[m.section].Kind)
		}
		out = append(out, ev)
	}
	push(best)
	for _, m := range ms {
		push(m)
	}
	return out
}

// features computes the ranker's feature vector of a candidate into f
// (featureCount long, zeroed).
func (e *Engine) features(doc *nlp.Document, c *candidate, code *corpus.Code, f []float64) []float64 {
	b := c.mentions[c.best]
	h := b.hit
	dom, hist, unc, exp := 0, 0, 0, 0
	firstStart := len(doc.Text)
	bestLearned, bestWeight := 0.0, 0.0
	for _, m := range c.mentions {
		if m.dominated {
			dom++
		}
		if m.assert&nlp.Historical != 0 {
			hist++
		}
		if m.assert&nlp.Uncertain != 0 {
			unc++
		}
		if m.expanded {
			exp++
		}
		firstStart = min(firstStart, m.start)
		if m.learned && m.hit.Score > bestLearned {
			bestLearned, bestWeight = m.hit.Score, m.weight
		}
	}
	n := float64(len(c.mentions))
	f[0] = h.Score
	f[1] = h.Coverage
	f[2] = h.Cosine
	f[3] = h.Order
	f[4] = logp(h.Mass)
	f[5] = float64(h.Matched)
	f[6] = logp(float64(distinctSentences(c.mentions)))
	f[7] = float64(dom) / n
	switch b.kind {
	case corpus.NameTitle, corpus.NameSynonym:
		f[8] = 1
	case corpus.NameIndex, corpus.NameInclusion, corpus.NameExternal, corpus.NameDrug, corpus.NameNeoplasm:
		f[9] = 1
	}
	f[10] = bestLearned
	f[11] = bestWeight
	if c.tgt.from != nil {
		f[12] = 1
	}
	if c.tgt.stem != nil {
		f[13] = 1
	}
	if b.section >= 0 && b.section < len(doc.Sections) && diagnosisSection(string(doc.Sections[b.section].Kind)) {
		f[14] = 1
	}
	f[15] = float64(hist) / n
	f[16] = float64(unc) / n
	f[17] = float64(exp) / n
	if e.model != nil {
		if p, ok := e.model.Priors[string(code.System)+"|"+code.Code]; ok {
			f[18] = p
		} else if e.model.Priors != nil {
			f[18] = e.model.Priors["default"]
		}
	}
	f[19] = float64(firstStart) / float64(max(len(doc.Text), 1))
	if code.System != corpus.ICD10CM {
		f[20] = 1
	}
	if h.Matched == 1 {
		f[21] = 1
	}
	if e.model != nil && len(e.model.TermDF) > 0 {
		// The least common matched word says how ordinary the match is.
		f[22] = 1
		for _, p := range h.Positions {
			f[22] = math.Min(f[22], e.model.TermDF[doc.Tokens[p].Stem])
		}
	}
	if c.spanRank == 0 {
		f[23] = 1
	}
	f[24] = math.Log1p(float64(c.spanRank))
	f[25] = c.margin
	f[26] = f[21] * f[22]
	f[27] = f[0] * f[18]
	f[28] = 1
	for _, m := range c.mentions {
		if !m.learned {
			f[28] = 0
			break
		}
	}
	f[29] = h.Coverage * h.Coverage
	if e.model != nil && e.model.Priors != nil {
		cat := code.Code
		if len(cat) > 3 {
			cat = cat[:3]
		}
		if p, ok := e.model.Priors[string(code.System)+"|"+cat+"*"]; ok {
			f[30] = p
		} else {
			f[30] = e.model.Priors["default"]
		}
	}
	if code.Code != "" {
		f[31] = float64(code.Code[0])
	}
	if strings.Contains(code.Display, "unspecified") || strings.HasPrefix(code.Display, "Unspecified") {
		f[32] = 1
	}
	f[33] = float64(len(strings.ReplaceAll(code.Code, ".", "")))
	if c.sibling {
		f[34] = 1
	}
	f[35] = math.Log1p(float64(c.catCount))
	f[37] = b.partNeg
	f[38] = c.cooc
	for _, m := range c.mentions {
		if m.sent < 2 {
			f[36] = 1
		}
	}
	return f
}

// distinctSentences counts the sentences of mentions (gathered in
// sentence order, possibly interleaved by merged candidates).
func distinctSentences(ms []mention) int {
	n := 0
	for i, m := range ms {
		seen := false
		for _, o := range ms[:i] {
			if o.sent == m.sent {
				seen = true
				break
			}
		}
		if !seen {
			n++
		}
	}
	return n
}

func logp(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return math.Log1p(x)
}

func diagnosisSection(kind string) bool {
	for _, k := range []string{"assessment", "diagnos", "impression", "problem", "plan"} {
		if strings.Contains(kind, k) {
			return true
		}
	}
	return false
}

// prepare computes a candidate's features; confidences fills in the rest.
func (e *Engine) prepare(doc *nlp.Document, c *candidate, code *corpus.Code, edits []Edit, f []float64) scored {
	return scored{c: c, code: code, edits: edits, f: e.features(doc, c, code, f), score: round(c.mentions[c.best].hit.Score, 4)}
}

// confidences scores prepared candidates: the model's log-odds (the tree
// ensemble evaluated tree by tree over all candidates, so each tree stays in
// cache), the feedback adjustment, then the calibration.
func (e *Engine) confidences(ks []scored) {
	z := make([]float64, len(ks))
	m := e.model
	switch {
	case m != nil && len(e.forest) > 0:
		for i := range z {
			z[i] = m.Bias
		}
		for _, t := range e.forest {
			for i := range ks {
				z[i] += t.eval(ks[i].f)
			}
		}
	case m != nil && len(m.Weights) == featureCount:
		for i := range ks {
			z[i] = m.Bias
			for j, w := range m.Weights {
				z[i] += w * ks[i].f[j]
			}
		}
	default:
		for i := range ks {
			z[i] = untrainedLogit(ks[i].f)
		}
	}
	for i := range ks {
		k := &ks[i]
		if e.adj != nil {
			k.adj = e.adj.Adjust(string(k.code.System), k.code.Code, e.nameTerms(k.c.mentions[k.c.best]))
			z[i] += k.adj
		}
		conf := sigmoid(z[i])
		if m != nil && len(m.CalibX) > 0 {
			conf = interpolate(m.CalibX, m.CalibY, conf)
		}
		k.conf = round(conf, 4)
	}
}

// render builds the explained suggestion of a returned candidate.
func (e *Engine) render(doc *nlp.Document, k *scored, req Request) Suggestion {
	c, code, f := k.c, k.code, k.f
	b := c.mentions[c.best]
	sents := map[int]bool{}
	var flags nlp.Assertion
	for _, cc := range append([]*candidate{c}, k.extra...) {
		for _, m := range cc.mentions {
			sents[m.sent] = true
			flags |= m.assert
		}
	}
	parts := []Explanation{{Value: k.score,
		Message: fmt.Sprintf("matched %s %q (coverage %.2f, cosine %.2f, order %.2f)", b.kind, b.name, b.hit.Coverage, b.hit.Cosine, b.hit.Order)}}
	parts = append(parts, Explanation{Value: float64(len(sents)), Message: "sentences mentioning it"})
	if b.dominated {
		parts = append(parts, Explanation{Value: round(f[7], 3), Message: "words also matched a longer, more specific name"})
	}
	if f[18] != 0 {
		parts = append(parts, Explanation{Value: round(f[18], 3), Message: "prior log-odds in training notes"})
	}
	if f[10] > 0 {
		parts = append(parts, Explanation{Value: round(f[11], 3), Message: "phrase learned from labelled notes"})
	}
	if k.adj != 0 {
		parts = append(parts, Explanation{Value: round(k.adj, 3), Message: "coder feedback adjustment (log-odds)"})
	}
	if c.historyOf != "" {
		parts = append(parts, Explanation{Value: 1, Message: "history code for " + c.historyOf + ", documented as past or in a relative"})
	}
	msg := "untrained confidence from retrieval score"
	if e.model != nil && (len(e.model.Weights) > 0 || len(e.model.Trees) > 0) {
		msg = "calibrated confidence from the trained re-ranker"
	}
	ev := e.evidence(doc, c, 5)
	for _, cc := range k.extra {
		ev = mergeEvidence(ev, e.evidence(doc, cc, 5))
	}
	s := Suggestion{
		System: string(code.System), SystemURI: code.System.URI(), Code: code.Code, Display: code.Display,
		Confidence: k.conf, Score: k.score, Billable: code.Billable,
		Evidence: ev, Edits: k.edits, Assertions: assertionNames(flags),
		Explanation: Explanation{Value: k.conf, Message: msg, Children: parts},
	}
	if req.Features {
		s.Features = f
	}
	return s
}

// nameTerms are the stems of a mention's matched name.
func (e *Engine) nameTerms(m mention) []string {
	if m.learned && e.learned != nil {
		return e.learned.NameTerms(m.hit.Name)
	}
	return e.ix.NameTerms(m.hit.Name)
}

// NameTerms are the stems of a code name as the index analyses it; the
// feedback store keys its term adjustments on them.
func (e *Engine) NameTerms(name string) []string {
	return uniqueStems(e.pipe.Terms(name))
}

func uniqueStems(ts []nlp.Term) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if !slices.Contains(out, t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// alternatives lists, for each suggestion, up to three other returned codes
// whose first evidence overlaps its own, by score.
func alternatives(sugs []Suggestion) {
	for i := range sugs {
		s := &sugs[i]
		if len(s.Evidence) == 0 {
			continue
		}
		ev := s.Evidence[0]
		var alts []Alternative
		for j, o := range sugs {
			if j == i || len(o.Evidence) == 0 {
				continue
			}
			if oe := o.Evidence[0]; oe.Start < ev.End && ev.Start < oe.End {
				alts = append(alts, Alternative{Code: o.Code, Display: o.Display, Score: o.Score})
			}
		}
		sort.SliceStable(alts, func(a, b int) bool {
			if alts[a].Score != alts[b].Score {
				return alts[a].Score > alts[b].Score
			}
			return alts[a].Code < alts[b].Code
		})
		if len(alts) > 3 {
			alts = alts[:3]
		}
		s.Alternatives = alts
	}
}
