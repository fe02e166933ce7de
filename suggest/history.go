package suggest

import (
	"math"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/index"
	"medcode/nlp"
)

// histories applies the guideline that a past condition is coded with a
// personal-history code (Z85-Z87, Z92) and a relative's with a
// family-history code (Z80-Z84), where one exists: for each ICD-10-CM
// candidate whose every mention is historical or family, the index is
// searched for "personal history of" / "family history of" plus the words
// of the name that matched. A history code found joins the candidates on
// the same evidence; the condition's own code is rejected for a relative
// (family rule) and, for a past condition, kept with an edit naming the
// history code, for the coder to judge whether it is still current.
//
// It reads only the candidates of cands at the indexes hist (in order):
// siblings lists those whose mentions are all historical or a
// relative's, the others needing nothing here (siblingsHistories); a
// list of every index is the plain pass (TestHistoriesListed).
func (e *Engine) histories(w *work, cands []*candidate, hist []int32) []*candidate {
	have := &w.sc.codes // every candidate's code is in it already (candidateOf, siblings)
	out := cands
	for _, i := range hist {
		c := cands[i]
		// The mentions first: most candidates are neither historical nor
		// a relative's, and need no look at their code.
		all := sharedHistoryFlags(c.mentions)
		if all&(nlp.Historical|nlp.Family) == 0 {
			continue
		}
		code := c.tgt.anyCode()
		cf := e.conditionOf(code) // conditionstems.go: read once per code
		if cf.pass {
			continue
		}
		if all&nlp.Unrelated != 0 {
			continue // a spouse's or friend's condition is no family history
		}
		var words []string
		var prefixes []string
		switch {
		case all&nlp.Family != 0:
			words, prefixes = []string{"family", "history"}, []string{"Z80", "Z81", "Z82", "Z83", "Z84"}
		case all&nlp.Historical != 0:
			words, prefixes = []string{"personal", "history"}, []string{"Z85", "Z86", "Z87", "Z92", "I25.2"}
		default:
			continue
		}
		b := &c.mentions[c.best]
		if b.learned {
			continue
		}
		family := all&nlp.Family != 0
		hit, ok := e.historyOf(b.hit.Name, family, words, prefixes)
		var t target
		if ok {
			t = e.targets[hit.Code]
			ok = !t.invalid && t.anyCode() != 0
		}
		// Where the Index is silent, the chapter of the condition gives
		// the history code (historymap.go): for a relative's condition,
		// and for a past one the note says is over; a relative's
		// malignancy goes by its site rather than "unspecified".
		// A code the search found that does not name the condition
		// ("other specified conditions") gives way to the chapter's too.
		byChapter := false
		if !ok || !e.namesCondition(t.anyCode(), code) || family && cf.malignant && e.set.CodeString(t.anyCode()) == "Z80.9" {
			if id, found := cf.chapterHistory(family); found && (family || saidOverStrongly(&w.rn, c) && !e.namedAmong(cands, code)) {
				t, ok, byChapter = target{code: id}, true, true
			}
		}
		if !ok {
			continue
		}
		hc := t.anyCode()
		c.replacedBy = e.set.CodeString(hc)
		if x := have.get(hc); x != nil {
			if x.historyFrom == nil && x.tgt.anyCode() == hc {
				// found on its own words too: it stands for c as well
				x.historyOf, x.historyFrom = e.set.CodeString(code), c
			}
			continue
		}
		ms := w.mentionSlice(len(c.mentions))[:len(c.mentions)]
		for i, m := range c.mentions {
			if !byChapter {
				m.name, m.kind = e.ix.NameText(hit.Name), e.ix.NameKind(hit.Name)
				m.hit.Score = min(m.hit.Score, hit.Score)
			}
			m.assert &^= nlp.Historical | nlp.Family
			ms[i] = m
		}
		h := w.candidate()
		*h = candidate{key: e.set.CodeString(hc), tgt: t, mentions: ms, best: c.best, historyOf: e.set.CodeString(code), historyFrom: c}
		have.put(hc, h)
		out = append(out, h)
	}
	return out
}

// siblingsHistories is histories of siblings of cands (collect's): the
// siblings' pass lists the candidates histories reads.
func (e *Engine) siblingsHistories(w *work, cands []*candidate) []*candidate {
	var buf [16]int32 // the candidates all of whose mentions are past: a few
	cands, hist := e.siblings(w, cands, buf[:0])
	return e.histories(w, cands, hist)
}

// namedAmong reports whether a personal-history code among cands names
// condition code on its own words ("History of TIA" finds
// Z86.73 by its title): the chapter's "other" code is not needed.
func (e *Engine) namedAmong(cands []*candidate, code corpus.ID) bool {
	for _, h := range cands {
		hc := h.tgt.anyCode()
		if b := e.set.Brief(hc); pastHistoryCode(b) && e.namesCondition(hc, code) {
			return true
		}
	}
	return false
}

// historyOf memoises historySearch per matched name: names are few and the
// answer never changes for an engine.
func (e *Engine) historyOf(name int32, family bool, words, prefixes []string) (index.Hit, bool) {
	key := int64(name) << 1
	if family {
		key |= 1
	}
	e.historyMu.RLock()
	r, seen := e.historyMemo[key]
	e.historyMu.RUnlock()
	if seen {
		return r.hit, r.ok
	}
	hit, ok := e.historySearch(e.ix.NameTerms(name), words, prefixes)
	// The hit's positions are a slice of the search's buffer (4 KB and
	// up): the memo keeps a copy of its own.
	hit.Positions = slices.Clip(slices.Clone(hit.Positions))
	e.historyMu.Lock()
	e.historyMemo[key] = historyResult{hit: hit, ok: ok}
	e.historyMu.Unlock()
	return hit, ok
}

type historyResult struct {
	hit index.Hit
	ok  bool
}

// historySearch looks for a history code named by words plus the stems of
// a condition's name.
func (e *Engine) historySearch(stems, words, prefixes []string) (index.Hit, bool) {
	var q index.Query
	add := func(stem string) {
		if id, ok := e.ix.TermID(stem); ok {
			q.Terms = append(q.Terms, id)
			q.Pos = append(q.Pos, int32(len(q.Pos)))
		}
	}
	for _, w := range words {
		for _, t := range e.pipe.Terms(w) {
			add(t.Stem)
		}
	}
	nw := int32(len(q.Pos))
	for _, s := range stems {
		add(s)
	}
	for _, h := range e.ix.Search(q, index.SearchOptions{MinCoverage: 0.7, Systems: []corpus.System{corpus.ICD10CM}, Limit: 50}) {
		if h.Last < nw {
			continue // only "personal history" matched, not the condition
		}
		code := e.ix.Code(h.Code).Code
		for _, p := range prefixes {
			if strings.HasPrefix(code, p) {
				return h, true
			}
		}
	}
	return index.Hit{}, false
}

// pastHistoryCode reports the personal-history codes a past condition
// other than a malignancy is coded with (Z86, Z87, Z92, I25.2 old
// myocardial infarction); Z85 is the treated-malignancy rule's.
func pastHistoryCode(b corpus.Brief) bool {
	return b.System == corpus.ICD10CM && pastHistoryICD(b.Code)
}

// pastHistoryICD is pastHistoryCode of an ICD-10-CM code, for the callers
// that read only the code.
func pastHistoryICD(code string) bool {
	if len(code) < 3 {
		return false
	}
	switch code[:3] {
	case "Z86", "Z87", "Z92":
		return true
	}
	return strings.HasPrefix(code, "I25.2")
}

// preferHistory applies the guideline on personal-history codes: a
// condition that no longer exists and receives no treatment is coded with
// its personal-history code. When every mention of a condition is
// historical, the sentence says it is over ("completed anticoagulation",
// "no residual deficits", "none in 3 years", "fully recovered") and the
// classification has a personal-history code naming it, suggested on the
// same words, the two trade places: the history code takes the
// condition's confidence and the condition, kept with its history edit
// for the coder, falls to the history code's. A bare "history of X" may
// be current ("history of hypertension") and keeps the condition first.
// Malignancies are left to the treated-malignancy rule (encounter.go),
// which asks for no evidence of disease. The note's cues come from
// ruleNote n.
func (e *Engine) preferHistory(n *ruleNote, ks []scored) {
	type pair struct{ cond, hist int }
	var pairs []pair
	for i := range ks {
		if !allHistorical(ks[i].c) {
			continue
		}
		// Not ICD-10-CM, Z, C, D00-D49 or a personal-history code.
		f := e.fact(ks[i].code)
		if f.flags&factICD == 0 || f.letter == 'Z' || f.letter == 'C' || f.flags&factPastHistory != 0 ||
			f.letter == 'D' && e.set.CodeString(ks[i].code) < "D50" {
			continue
		}
		if saidOver(n, ks[i].c) {
			if j := e.historyFor(ks, i); j >= 0 {
				pairs = append(pairs, pair{i, j})
			}
		} else if j := e.namedHistory(n, ks, i); j >= 0 {
			pairs = append(pairs, pair{i, j})
		}
	}
	if len(pairs) == 0 {
		return
	}
	orig := make(map[int]scored, len(pairs))
	for _, p := range pairs {
		orig[p.hist] = ks[p.hist]
	}
	// The history code takes the best condition's place; each condition
	// falls below its history code and the threshold: the note says it
	// is over, so it is an alternative for the coder, not a suggestion.
	thr := e.DecisionThreshold()
	for _, p := range pairs {
		k, h := &ks[p.cond], &ks[p.hist]
		if k.conf > h.conf || k.conf == h.conf && k.z > h.z {
			h.conf, h.z = k.conf, k.z
		}
		o := orig[p.hist]
		k.conf = round(math.Max(0, math.Min(k.conf, math.Min(o.conf, thr))-0.0001), 4)
		k.z = round(math.Min(k.z, o.z)-1e-6, 6)
	}
}

// historyCues say in so many words that a condition is of the past
// ("Hx of peptic ulcer disease"), unlike a past medical history list,
// which holds current chronic conditions too.
var historyCues = phrases("history of|hx of|h/o|hx|past history|previous|prior|remote history|personal history")

// namedHistory returns the index in ks of the personal-history code the
// classification has for condition ks[i] itself, when every sentence
// mentioning it says "history of" in so many words: the Index or a
// Tabular title names the condition ("History, personal, peptic ulcer
// disease" Z87.11, "Personal history of urinary (tract) infections"
// Z87.440), so the coder codes the history, not the condition. A generic
// history code ("other diseases of the respiratory system") does not
// name it: "history of asthma" may be current. -1 when none.
func (e *Engine) namedHistory(n *ruleNote, ks []scored, i int) int {
	doc := n.doc
	k := ks[i]
	if k.c.replacedBy == "" {
		return -1
	}
	if !mentionsSay(n, k.c, historyCues) {
		return -1
	}
	for j := range ks {
		if j == i || e.fact(ks[j].code).flags&factPastHistory == 0 {
			continue
		}
		if k.c.replacedBy == e.set.CodeString(ks[j].code) && e.statesName(doc, k.c, ks[j].code) {
			return j
		}
	}
	return -1
}

// statesName reports whether every sentence mentioning c holds every
// content word of some name of history code h (not learned): "Hx of
// peptic ulcer disease" states "Personal history of peptic ulcer
// disease", "history of osteoporosis" does not state "Personal history of
// (healed) osteoporosis fracture".
func (e *Engine) statesName(doc *nlp.Document, c *candidate, h corpus.ID) bool {
	hn := e.historyNamesOf(h)
	if !hn.ok {
		return false
	}
	for mi := range c.mentions {
		m := &c.mentions[mi]
		have := sentenceTerms(doc, m.sent)
		stated := false
		for _, name := range hn.names {
			all := true
			for _, s := range name {
				if !slices.ContainsFunc(have, func(t nlp.Term) bool { return t.Stem == s }) {
					all = false
					break
				}
			}
			if all {
				stated = true
				break
			}
		}
		if !stated {
			return false
		}
	}
	return len(c.mentions) > 0
}

// historyNames are the content stems of each name of a history code
// statesName reads (not learned; the generic words of historyGeneric and
// "healed", "other", "of", "in", "the" aside; names left with none are
// dropped), worked out once per engine (rankTables.history).
type historyNames struct {
	ok    bool // the code is in the set
	names [][]string
}

// historyNamesOf returns h's historyNames.
func (e *Engine) historyNamesOf(h corpus.ID) *historyNames {
	if hn, ok := e.rank.history.load(e.set, h); ok {
		return hn
	}
	hn := &historyNames{}
	if cd := e.set.Code(h); cd != nil {
		hn.ok = true
		generic := map[string]bool{}
		for _, w := range append([]string{"healed", "other", "of", "in", "the"}, historyGeneric...) {
			for _, s := range e.ix.Stems(w) {
				generic[s] = true
			}
		}
		for _, n := range cd.Names {
			if n.Kind == corpus.NameLearned {
				continue
			}
			var content []string
			for _, s := range e.ix.Stems(n.Text) {
				if !generic[s] {
					content = append(content, s)
				}
			}
			if len(content) > 0 {
				hn.names = append(hn.names, content)
			}
		}
	}
	return e.rank.history.store(e.set, h, hn)
}

// familyFloor raises a family-history code that stands for a relative's
// condition the note names (histories) to the decision threshold: the
// condition itself is rejected as a relative's, and the family history
// is what the note documents. Only where the note states what the
// encounter assesses (encounterSections): a family history section is
// background the coder codes when it bears on the encounter, and a
// relative in the history of present illness is mostly a sick contact
// ("her daughter has a cold"). Of the codes standing for conditions found
// on overlapping words, only the one whose condition matched best is
// raised; a condition found on words inside a fuller match ("cancer" in
// "colon cancer") raises none.
func (e *Engine) familyFloor(doc *nlp.Document, ks []scored) {
	thr := e.DecisionThreshold()
	// src returns the condition's best mention in place (a mention is
	// large), nil when k stands for none.
	src := func(k *scored) (*mention, bool) {
		if k.c.historyFrom == nil || !familyCode(e.set.Brief(k.code)) {
			return nil, false
		}
		f := k.c.historyFrom
		m := &f.mentions[f.best]
		if m.dominated || !encounterSections[sectionKind(doc, m.section)] {
			return m, false
		}
		// the code names the condition, or is its chapter's (historymap.go)
		fc := f.tgt.anyCode()
		ch, ok := chapterHistoryCode(e.set, e.set.CodeString(fc), true)
		return m, ok && ch == k.code || e.namesCondition(k.code, fc)
	}
	for i := range ks {
		k := &ks[i]
		m, ok := src(k)
		if !ok || k.conf >= thr {
			continue
		}
		best := true
		for j := range ks {
			o, ok := src(&ks[j])
			if j == i || !ok || o.sent != m.sent || o.end <= m.start || m.end <= o.start {
				continue
			}
			if so, sm := ks[j].c.historyFrom.bestScore(), k.c.historyFrom.bestScore(); so > sm || so == sm && ks[j].z > k.z {
				best = false
				break
			}
		}
		if best {
			k.conf = thr
		}
	}
}

// overCues say a past condition is over: treatment finished, no
// recurrence, no residual, recovered.
var overCues = phrases("completed|complete|finished|no longer|none in|none since|none for|no episodes|no further|no recurrence|no recurrences|without recurrence|no residual|without residual|no lasting|no symptoms|asymptomatic since|symptom free|resolved|recovered|cured|healed|treated|off|as a child|in childhood|childhood")

// strongOverCues say a past condition is over in so many words; unlike
// overCues, not the words of a treatment ("treated", "off"), which say
// nothing of the condition being gone.
var strongOverCues = phrases("no longer|none in|none since|none for|no episodes|no recurrence|no recurrences|without recurrence|no residual|without residual|no lasting|no symptoms|asymptomatic since|symptom free|resolved|recovered|cured|healed|as a child|in childhood|childhood")

// saidOverStrongly reports whether every sentence mentioning c says in
// so many words that the condition is over (strongOverCues), read
// through ruleNote n (the note's one pass over the rules' lists).
func saidOverStrongly(n *ruleNote, c *candidate) bool {
	return len(c.mentions) > 0 && mentionsSay(n, c, strongOverCues)
}

// saidOver reports whether every sentence mentioning c says the condition
// is over (overCues), read through ruleNote n.
func saidOver(n *ruleNote, c *candidate) bool {
	return len(c.mentions) > 0 && mentionsSay(n, c, overCues)
}

// mentionsSay reports whether the sentence of every mention of c holds
// one of ps (true when c has no mentions), read through ruleNote n.
func mentionsSay(n *ruleNote, c *candidate, ps []phrase) bool {
	for mi := range c.mentions {
		if !n.sentenceHas(c.mentions[mi].sent, ps, -1) {
			return false
		}
	}
	return true
}

// allHistorical reports whether every mention of c is historical.
func allHistorical(c *candidate) bool {
	for mi := range c.mentions {
		m := &c.mentions[mi]
		if m.assert&nlp.Historical == 0 {
			return false
		}
	}
	return len(c.mentions) > 0
}

// historyFor returns the index in ks of the personal-history code that
// stands for condition ks[i]: the one histories() found for it, else a
// personal-history code whose name matched some of the condition's own
// words in the same sentence ("History of TIA, no residual deficits" for
// Z86.73 beside G45.9's "TIA"). -1 when none is suggested.
func (e *Engine) historyFor(ks []scored, i int) int {
	k := ks[i]
	for j := range ks {
		if j == i || e.fact(ks[j].code).flags&factPastHistory == 0 {
			continue
		}
		hb := e.set.Brief(ks[j].code)
		if k.c.replacedBy == hb.Code && (e.namesCondition(ks[j].code, k.code) || chapterOther(hb.Code)) {
			return j
		}
	}
	for j := range ks {
		if j == i || e.fact(ks[j].code).flags&factPastHistory == 0 || chapterOther(e.set.CodeString(ks[j].code)) {
			continue
		}
		if sharesWords(ks[j].c, k.c) && e.namesCondition(ks[j].code, k.code) {
			return j
		}
	}
	return -1
}

// historyGeneric are the words of history-code names that name no
// condition ("Personal history of other specified conditions").
var historyGeneric = groundingGeneric

// namesCondition reports whether some name of history code h shares a
// content word with some name of condition c: Z86.73 "... transient
// ischemic attack ..." names G45.9, Z87.898 "... other specified
// conditions" names nothing.
func (e *Engine) namesCondition(h, c corpus.ID) bool {
	if strings.HasPrefix(e.set.CodeString(h), "I25.2") {
		// Old myocardial infarction is the history of an infarction only.
		cc := e.set.CodeString(c)
		return strings.HasPrefix(cc, "I21") || strings.HasPrefix(cc, "I22")
	}
	return shareStem(e.conditionStemsOf(c), e.conditionStemsOf(h)) // conditionstems.go
}

// sharesWords reports whether a mention of h matched a word of a mention
// of c in the same sentence.
func sharesWords(h, c *candidate) bool {
	for _, hm := range h.mentions {
		for _, cm := range c.mentions {
			if hm.sent != cm.sent {
				continue
			}
			for _, p := range hm.hit.Positions {
				if slices.Contains(cm.hit.Positions, p) {
					return true
				}
			}
		}
	}
	return false
}

// unsaidLearned reports a learned phrase pointing at a personal- or
// family-history code from words the note does not place in the past or
// in a relative: "myocardial infarction" in "acute STEMI" is no old
// infarction (I25.2), "coronary disease" no history of anything. The
// code's own names still find it when the note says so ("old MI").
// Whether learned-index code's target is a history code is read from
// e.lPast (pastTargets): searchSentence asks it of every learned hit.
func (e *Engine) unsaidLearned(code int32, assert nlp.Assertion) bool {
	return e.lPast[code] && assert&(nlp.Historical|nlp.Ended|nlp.Family) == 0
}

// pastTargets lists per target of ts whether its code is a personal- or
// family-history one (pastOrFamilyCode): a status (allergy, absence,
// presence) needs no past tense.
func pastTargets(set *corpus.Set, ts []target) []bool {
	past := make([]bool, len(ts))
	for i := range ts {
		id := ts[i].anyCode()
		past[i] = pastOrFamilyCode(set.SystemOf(id), set.CodeString(id))
	}
	return past
}

// pastOrFamilyCode is pastHistoryCode(b) || familyCode(b) ||
// strings.HasPrefix(b.Code, "Z85") on the brief's system and code alone,
// which pastTargets reads instead of the whole brief.
func pastOrFamilyCode(sys corpus.System, code string) bool {
	return sys == corpus.ICD10CM && (pastHistoryICD(code) || familyICD(code)) || strings.HasPrefix(code, "Z85")
}

// sharedHistoryFlags is the historical, family and unrelated flags every
// mention of ms has, or 0 in the historical and family bits as soon as a
// mention has neither: histories reads the rest only when one of those is
// left, and most candidates' first mention has neither, so the loop stops
// there instead of reading every mention.
func sharedHistoryFlags(ms []mention) nlp.Assertion {
	all := nlp.Historical | nlp.Family | nlp.Unrelated
	for i := range ms {
		if all &= ms[i].assert; all&(nlp.Historical|nlp.Family) == 0 {
			break
		}
	}
	return all
}
