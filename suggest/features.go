package suggest

import (
	"math"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// FeatureNames are the ranker's features, in Suggestion.Features order.
// A trained Model names the features it was fitted on; the engine refuses
// a model whose names differ.
func FeatureNames() []string {
	return []string{
		"score",         // best mention's retrieval score
		"coverage",      // share of the best name matched (weighted)
		"cosine",        // TF-IDF cosine of the best name against its window
		"order",         // name terms in note order
		"logMass",       // log(1 + matched information)
		"matchedTerms",  // matched terms of the best name
		"logMentions",   // log(1 + sentences mentioning the code)
		"dominated",     // share of mentions inside a longer, fully matched name
		"kindTitle",     // best name is the official title or a synonym
		"kindIndex",     // best name is an index path or inclusion term
		"learnedScore",  // best learned-name score (0 when none)
		"learnedWeight", // precision of that learned name in training
		"header",        // resolved from a non-billable header
		"seventh",       // completed with a seventh character
		"dxSection",     // best mention in an assessment/diagnosis section
		"historical",    // mentions are historical
		"uncertain",     // mentions are uncertain (kept inpatient)
		"expanded",      // matched through an abbreviation expansion
		"prior",         // log-odds of the code in training notes, capped at maxPriorShare
		"firstPos",      // position of the first mention (0 = start of note)
		"procedure",     // CPT or HCPCS
		"singleTerm",    // best name has one matched term
		"common",        // share of training notes holding the best name's rarest matched word
		"spanTop",       // no overlapping candidate in its sentence scores higher
		"spanRank",      // log(1 + overlapping candidates scoring higher)
		"margin",        // score minus the best overlapping competitor's
		"singleCommon",  // singleTerm × common: one ordinary word matched
		"scorePrior",    // score × prior
		"learnedOnly",   // only learned names found it
		"coverage2",     // coverage²
		"catPrior",      // log-odds of the code's 3-character category in training notes, capped
		"letter",        // first character of the code as a number (chapter-like)
		"unspecified",   // the display says "unspecified"
		"codeLength",    // characters of the code (specificity)
		"sibling",       // added as the category's usual code, on another code's evidence
		"catCount",      // log(1 + candidates of the same category in the note)
		"earlySentence", // mentioned in the note's first two sentences
		"partNegated",   // share of the best name's words negated while the rest is not
		"cooc",          // best log lift with a code the note states plainly (training co-occurrence)
		"exactName",     // some mention matches an official name exactly (all its words, none negated, not inside a longer name)
		"symptom",       // ICD-10-CM chapter R (signs and symptoms)
		"titleSaid",     // share of the official title's words the note affirms in the mentions' sentences
		"distinctSaid",  // share of the title's words that set it apart from its parent's said there (-1: none)
		"siblingSaid",   // a word that sets a sibling's title apart, not in this title, is said there
	}
}

// featureCount is len(FeatureNames()).
const featureCount = 44

// maxPriorLogit caps the prior features at a 5% share of training notes: a code in 20% of training notes
// ranks no higher for it than one in 5%, so the ranker cannot learn the
// training corpus's code distribution in place of what the note says
// (R52 and R69 are common in CodiEsp's case reports, not in US notes).
// Chosen by two-way train CV: MAP 0.3798 uncapped, 0.3805 capped.
const maxPriorLogit = -2.944438979166440 // log(0.05 / 0.95)

// features computes the ranker's feature vector of a candidate into f
// (featureCount long, zeroed).
func (e *Engine) features(w *work, doc *nlp.Document, c *candidate, code corpus.ID, f []float64) []float64 {
	// The mentions are read in place: a mention is large, and c.top() or
	// a range over c.mentions by value copies each one.
	b := c.topRef()
	h := &b.hit
	// One length check for the stores below, each to a constant place:
	// without it every store checks its own.
	_ = f[featureCount-1]
	dom, hist, unc, exp := 0, 0, 0, 0
	firstStart := len(doc.Text)
	bestLearned, bestWeight := 0.0, 0.0
	// What f[28], f[36] and f[39] read of the mentions, in this one pass
	// rather than one each.
	allLearned, early, full := true, false, false
	for i := range c.mentions {
		m := &c.mentions[i]
		if !m.learned {
			allLearned = false
		}
		if m.sent < 2 {
			early = true
		}
		if !full && !m.learned && m.hit.Coverage >= 0.99 && !m.dominated && m.partNeg == 0 {
			full = true // once found, not tested again: most mentions are read past it
		}
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
	n := float64(max(len(c.mentions), 1))
	f[0] = h.Score
	f[1] = h.Coverage
	f[2] = h.Cosine
	f[3] = h.Order
	f[4] = logp(h.Mass)
	f[5] = float64(h.Matched)
	f[6] = log1pInt(distinctSentences(c.mentions)) // logp of the count
	f[7] = float64(dom) / n
	switch b.kind {
	case corpus.NameTitle, corpus.NameSynonym:
		f[8] = 1
	case corpus.NameIndex, corpus.NameInclusion, corpus.NameExternal, corpus.NameDrug, corpus.NameNeoplasm, corpus.NameCrossRef:
		f[9] = 1
	}
	f[10] = bestLearned
	f[11] = bestWeight
	if c.tgt.from != 0 {
		f[12] = 1
	}
	if c.tgt.stem != 0 {
		f[13] = 1
	}
	if b.section >= 0 && b.section < len(w.dxSection) && w.dxSection[b.section] {
		f[14] = 1
	}
	f[15] = float64(hist) / n
	f[16] = float64(unc) / n
	f[17] = float64(exp) / n
	if e.model != nil && e.model.Priors != nil {
		pc, pcat := e.priorPair(code) // one read of the table for f[18] and f[30]
		f[18] = min(pc, maxPriorLogit)
		f[30] = min(pcat, maxPriorLogit)
	}
	f[19] = float64(firstStart) / float64(max(len(doc.Text), 1))
	// factIn inlines: factRef's call is left for a code past the table.
	cf := e.factIn(code)
	var spare codeFact
	if cf == nil {
		cf = e.factRef(code, &spare)
	}
	icd := cf.flags&factICD != 0
	if !icd {
		f[20] = 1
	}
	if h.Matched == 1 {
		f[21] = 1
	}
	if e.model != nil && len(e.model.TermDF) > 0 {
		// The least common matched word says how ordinary the match is.
		f[22] = 1
		for _, p := range h.Positions {
			f[22] = minMath(f[22], w.termDF(e.df, e.model.TermDF, doc, p))
		}
	}
	if c.spanRank == 0 {
		f[23] = 1
	}
	f[24] = log1pInt(c.spanRank)
	f[25] = c.margin
	f[26] = f[21] * f[22]
	f[27] = f[0] * f[18]
	if len(c.mentions) > 0 && allLearned {
		f[28] = 1
	}
	f[29] = h.Coverage * h.Coverage
	f[31] = float64(cf.letter)
	if cf.flags&factUnspecified != 0 {
		f[32] = 1
	}
	f[33] = float64(cf.length)
	if c.sibling {
		f[34] = 1
	}
	f[35] = log1pInt(c.catCount)
	f[37] = b.partNeg
	f[38] = c.cooc
	if early {
		f[36] = 1
	}
	if full {
		f[39] = 1
	}
	if cf.flags&factSymptom != 0 {
		f[40] = 1
	}
	f[42] = -1
	if icd {
		f[41], f[42], f[43] = e.titleGrounding(w, doc, c, code)
	}
	if e.model != nil && e.model.PriorReach > 0 && (f[39] == 1 || f[41] == 1) {
		// A fully documented name: the priors may order it among others,
		// but not sink it below the cap less PriorReach.
		f[18] = max(f[18], maxPriorLogit-e.model.PriorReach)
		f[30] = max(f[30], maxPriorLogit-e.model.PriorReach)
		f[27] = f[0] * f[18]
	}
	return f
}

// priorKey names a code's, or its category's, prior.
type priorKey struct {
	system   corpus.System
	code     string
	category bool
}

// priorPair is the model's log-odds of code c, and of its category,
// appearing in a note, the model's default when training never saw it:
// both read from the table in one bounds test, or looked up when not in
// it (TestPriorPair holds it to prior, one at a time).
func (e *Engine) priorPair(c corpus.ID) (code, cat float64) {
	code, cat = math.NaN(), math.NaN()
	if int(c) >= 0 && int(c) < len(e.priorByID) {
		p := &e.priorByID[c]
		code, cat = p[0], p[1]
	}
	if math.IsNaN(code) {
		code = e.priorLookup(c, false)
	}
	if math.IsNaN(cat) {
		cat = e.priorLookup(c, true)
	}
	return code, cat
}

// priorTable holds, per code id, its prior and its category's (NaN: not
// in the table, look it up).
type priorTable [][2]float64

// priorTable looks up the priors of every code of the set.
func (e *Engine) priorTable() priorTable {
	var t priorTable
	for _, sys := range e.set.Systems() {
		for _, id := range e.set.IDs(sys) {
			for int(id) >= len(t) {
				t = append(t, [2]float64{math.NaN(), math.NaN()})
			}
			t[id] = [2]float64{e.priorLookup(id, false), e.priorLookup(id, true)}
		}
	}
	return t
}

// priorLookup is prior without the table.
func (e *Engine) priorLookup(c corpus.ID, category bool) float64 {
	cb := e.set.Brief(c)
	key := priorKey{cb.System, cb.Code, category}
	if category {
		key.code = cb.Code[:min(3, len(cb.Code))]
	}
	if p, ok := e.priors[key]; ok {
		return p
	}
	return e.priorDefault
}

// distinctSentences counts the sentences of mentions (gathered in
// sentence order, possibly interleaved by merged candidates). In
// sentence order, the count is how often the sentence changes, read in
// one pass; else past 2*sentScanMax mentions a sentSet counts them in
// linear time.
func distinctSentences(ms []mention) int {
	n := min(len(ms), 1)
	for i := 1; i < len(ms); i++ {
		if ms[i].sent < ms[i-1].sent {
			return distinctScan(ms) // interleaved
		}
		if ms[i].sent != ms[i-1].sent {
			n++
		}
	}
	return n
}

// distinctScan is distinctSentences of mentions in any order.
func distinctScan(ms []mention) int {
	if len(ms) > 2*sentScanMax {
		var seen sentSet
		var list []int
		for i := range ms {
			if s := ms[i].sent; !seen.has(list, s) {
				list = append(list, s)
				seen.added(list, s)
			}
		}
		return len(list)
	}
	n := 0
	for i := range ms {
		sent := ms[i].sent
		seen := false
		for j := range ms[:i] {
			if ms[j].sent == sent {
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

// log1pSmall holds math.Log1p(n) for the small counts log1pInt reads.
var log1pSmall = func() (t [64]float64) {
	for n := range t {
		t[n] = math.Log1p(float64(n))
	}
	return t
}()

// log1pInt is math.Log1p(float64(n)), from a table for small n.
func log1pInt(n int) float64 {
	if n >= 0 && n < len(log1pSmall) {
		return log1pSmall[n]
	}
	return math.Log1p(float64(n))
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
