package suggest

import (
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
func (e *Engine) histories(w *work, cands []*candidate) []*candidate {
	have := w.byCode // every candidate's code is in it already
	out := cands
	for _, c := range cands {
		code := c.tgt.anyCode()
		if b := e.set.Brief(code); b.System != corpus.ICD10CM || historyCode(b) || familyCode(b) {
			continue
		}
		all := nlp.Historical | nlp.Family | nlp.Unrelated
		for _, m := range c.mentions {
			all &= m.assert
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
		b := c.mentions[c.best]
		if b.learned {
			continue
		}
		hit, ok := e.historyOf(b.hit.Name, all&nlp.Family != 0, words, prefixes)
		if !ok {
			continue
		}
		t := e.targets[hit.Code]
		hc := t.anyCode()
		if t.invalid || hc == 0 {
			continue
		}
		c.replacedBy = e.set.Brief(hc).Code
		if have[hc] != nil {
			continue
		}
		ms := w.mentionSlice(len(c.mentions))[:len(c.mentions)]
		for i, m := range c.mentions {
			m.name, m.kind = e.ix.NameText(hit.Name), e.ix.NameKind(hit.Name)
			m.hit.Score = min(m.hit.Score, hit.Score)
			m.assert &^= nlp.Historical | nlp.Family
			ms[i] = m
		}
		h := w.candidate()
		*h = candidate{key: e.set.Brief(hc).Code, tgt: t, mentions: ms, best: c.best, historyOf: e.set.Brief(code).Code}
		have[hc] = h
		out = append(out, h)
	}
	return out
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
