package suggest

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Suggest codes one note.
func (e *Engine) Suggest(ctx context.Context, req Request) (*Result, error) {
	root := e                    // the engine Release hands results back to
	e, err := e.forRequest(&req) // the release of the date of service (release.go)
	if err != nil {
		return nil, err
	}
	if err := e.validate(&req); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	w := e.getWork(len(req.Text))
	defer e.putWork(w)
	doc := e.pipe.AnalyzeInto(&w.doc, req.Text)
	// What the rules read of the note, found once on first use
	// (rulenote.go): histories and preferHistory read it before
	// coderRules, which shares their pass.
	w.rn.reset(e, w, doc)
	cands := e.siblingsHistories(w, e.collect(w, doc, req)) // history.go
	arena := root.getArena()
	w.res = arena // the rejections' evidence is cut from it too (evidence)
	res := &Result{Suggestions: []Suggestion{}, Rejected: []Rejection{}, CodeSets: e.codeSets(req), Threshold: e.DecisionThreshold(),
		DateOfService: dateString(req.DateOfService), arena: arena}
	w.rejected = w.rejected[:0]
	encounter := documentAttribute(doc, "encounter")

	gates := noteGatesOf(doc) // the sense gates the note can trip (sensegates.go)
	capped := 0
	if !req.Features { // training sees every candidate (livecap.go)
		capped = e.maxLive
	}
	live := e.assertLive(w, doc, cands, req.Setting, gates, capped) // assertlive.go
	w.tail.bindEvidence(w.rejected, &arena.rejEvs)
	if capped > 0 {
		live = e.capLive(w, live, capped)
	}
	live = e.discriminate(w, doc, live, encounter)
	e.sides(doc, live)
	e.specific(w, doc, live)
	e.refine(w, doc, live)
	live = e.siteRefine(w, doc, live, req.Annotate) // site.go
	w.noteSections(doc)
	compete(w, live)
	w.live = live
	e.countCategories(w, live) // ranktables.go
	e.cooccur(w, live)
	// Score every candidate; render only what is returned.
	w.tail.dated = w.tail.dated[:0] // the releases' cover of this note's date
	pre := slices.Grow(w.pre[:0], len(live))
	// The features of every candidate, in order, with room for rowPad more (evalDepth3).
	w.feats = floats(w.feats, featureCount*len(live)+rowPad)[:featureCount*len(live)]
	feats, fbuf := w.feats, w.feats
	for _, c := range live {
		code, edits := c.tgt.code, []Edit(nil)
		if c.tgt.edit != 0 {
			edits = w.withEdit(edits, e.edits[c.tgt.edit])
		}
		if c.sideEdit != nil {
			edits = w.withEdit(edits, *c.sideEdit)
		}
		if c.replacedBy != "" {
			edits = w.withEdit(edits, Edit{Kind: "history", Message: "documented as a past condition: personal-history code " + c.replacedBy + " suggested; keep this code only if the condition is current"})
		}
		if c.tgt.stem != 0 {
			var ed *Edit
			code, ed = e.completeSeventh(c.tgt.stem, e.seventhOf(w, doc, c, encounter)) // seventhmemo.go
			if code == 0 {
				continue
			}
			if ed != nil {
				edits = w.withEdit(edits, *ed)
			}
		}
		// The release must cover the date of service (billability is the
		// specificity edit's business, not this rule's).
		if !w.tail.covers(e.set, e.set.SystemOf(code), req.DateOfService) {
			b := e.set.Brief(code)
			r, _ := e.set.Release(b.System)
			w.rejected = append(w.rejected, Rejection{System: string(b.System), Code: b.Code, Display: b.Display,
				Rule: "not_valid_on_date", Reason: fmt.Sprintf("the %s release %s does not cover the date of service %s", b.System, r.Name, req.DateOfService.Format("2006-01-02")),
				Evidence: e.evidence(w, doc, c, 1)})
			continue
		}
		pre = e.prepare(w, doc, pre, c, code, edits, fbuf[:featureCount:featureCount])
		fbuf = fbuf[featureCount:]
	}
	w.pre = pre
	e.confidences(w, pre, feats[:featureCount*len(pre)])
	e.promote(pre)
	e.demote(w, pre)
	e.preferHistory(&w.rn, pre) // history.go
	e.familyFloor(doc, pre)     // history.go
	e.injuryFloor(doc, pre)     // injuryfloor.go
	e.yieldDominated(w, pre)    // dominated.go
	// The sections' marks the rules below share (sectionmarks.go).
	marks := newSectionMarks(doc, w.secMarks, e.sectionBits)
	e.unaddressed(doc, pre, &marks, req.Annotate) // addressed.go
	e.learnedOnly(pre, req.Annotate)              // addressed.go

	e.unconcluded(doc, pre, &marks, req.Annotate)     // unconcluded.go
	e.statedHistory(doc, pre, req.Annotate)           // stated.go
	e.laterEncounters(doc, pre, &marks, req.Annotate) // notyet.go
	w.secMarks = marks.marks
	// Candidates that landed on the same billable code merge: the best
	// scored keeps its explanation, the mentions pool as evidence.
	kept := slices.Grow(w.kept[:0], len(pre))
	merged := &w.tail.merged // mergetable.go
	merged.reset(len(pre))
	for pi := range pre { // in place: a scored is large to copy
		k := &pre[pi]
		at, ok := merged.slot(k.code)
		if ok {
			o := &kept[*at]
			// Ties go to the candidate that needed no resolution edit.
			if e.less(k, o) || k.conf == o.conf && k.z == o.z && k.score == o.score && o.c.tgt.from != 0 && k.c.tgt.from == 0 {
				k.extra = append(append(k.extra, o.c), o.extra...)
				*o = *k
			} else {
				o.extra = append(o.extra, k.c)
			}
			continue
		}
		*at = int32(len(kept))
		kept = append(kept, *k)
	}
	w.kept = kept
	ranked := e.sortScored(w, kept) // resolveConflicts' merge need not test the order
	// Specificity, integral symptoms and Excludes1 (conflict.go).
	// Ranked and rendered with room for the codes the coding rules drop,
	// cut to MaxResults after them: --top N is the first N of a longer list.
	wide := req
	wide.MaxResults += ruleSlack
	final := e.resolveConflicts(w, doc, kept, wide, ranked)
	e.sameCondition(w, final, req.Annotate) // specificity.go
	res.Suggestions = e.renderAll(w, doc, final, req, arena)
	w.seq.hint = w.seq.hint[:0] // the rendered codes, for sequenceIn's ids (seqfacts.go)
	for i := range final {
		w.seq.hint = append(w.seq.hint, final[i].code)
	}
	w.rejected = e.coderRules(w, doc, wide, res, w.rejected) // what coders add (coder.go)
	e.sequenceIn(&w.seq, doc, wide, res)                     // the order a coder lists them (sequence.go)
	if len(res.Suggestions) > req.MaxResults {
		res.Suggestions = res.Suggestions[:req.MaxResults]
	}
	alternatives(res.Suggestions, &w.tail.alt, &arena.alts)
	rejected := w.rejected
	sortRejections(rejected, &w.tail.rej) // rejectorder.go
	rejected = dedupeRejected(rejected, res.Suggestions, &w.tail.rej)
	res.Rejected = append(reuse(&arena.rej, len(rejected)), rejected...)
	arena.rej = res.Rejected // its length the end of what is written (Engine.Release)
	return res, nil
}

// category is the three-character category of an ICD-10-CM code.
func category(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// reportable says whether a rejected candidate is worth showing a coder:
// its best words matched a name well and no longer name covered them.
// It reads the best mention in place (a copy reads all 160 bytes).
func reportable(c *candidate) bool {
	return shownMention(&c.mentions[c.best])
}

// shownMention says whether m, read in place, is a best mention worth
// showing a coder (reportable; pendHits' knownOf keeps the answer).
func shownMention(m *mention) bool {
	return m.hit.Score >= 0.45 && !m.dominated
}

// scored is a kept candidate with its ranking.
type scored struct {
	c     *candidate
	extra []*candidate // merged candidates for the same code
	code  corpus.ID
	edits []Edit
	f     []float64
	adj   float64
	conf  float64
	// z is the ranker's log-odds (with adj) before calibration, rounded:
	// it orders candidates the isotonic calibration maps onto one
	// confidence.
	z     float64
	score float64
}

// sortScored puts candidates in the total order of less, moving indices
// rather than the structs. Where confidences and log-odds are rounded as
// confidences rounds them (as the engine sets them; a model's threshold
// that is not so rounded takes the plain sort) and that order is strict
// over ks (as for distinct codes without NaN), they are sorted as
// packed integers (packedOrder); else pdqsort orders indices with
// compareKeys, which decides the order of those it calls the same
// (plainOrder; TestSortRankedAgrees holds the two equal). ranked reports
// that the packed keys sorted ks: ks is then strictly in rank order
// (rankOrdered, TestSortScoredRanked), as is every subsequence of it.
func (e *Engine) sortScored(w *work, ks []scored) (ranked bool) {
	idx, ok := e.packedOrder(w, ks, w.idx[:0])
	if !ok {
		idx = e.plainOrder(w, ks)
	}
	w.placeScored(ks, idx)
	return ok
}

// sortScoredPlain is sortScored by pdqsort of indices.
func (e *Engine) sortScoredPlain(w *work, ks []scored) {
	w.placeScored(ks, e.plainOrder(w, ks))
}

// plainOrder is sortScored's order of ks as indices, by pdqsort with
// compareKeys.
func (e *Engine) plainOrder(w *work, ks []scored) []int32 {
	keys, idx := w.tail.keys[:0], w.idx[:0]
	for i := range ks {
		keys = append(keys, keyOf(&ks[i]))
		idx = append(idx, int32(i))
	}
	w.tail.keys = keys
	slices.SortFunc(idx, func(a, b int32) int { return e.compareKeys(&keys[a], &keys[b]) })
	return idx
}

// placeScored puts ks in the order idx lists them (indices into ks), by
// way of w.sorted, and keeps idx's array for the next sort.
func (w *work) placeScored(ks []scored, idx []int32) {
	w.idx = idx
	sorted := w.sorted[:0]
	for _, j := range idx {
		sorted = append(sorted, ks[j])
	}
	w.sorted = sorted
	copy(ks, sorted)
}

// scoreKey is what the order of suggestions reads of a scored candidate.
type scoreKey struct {
	conf, z, score float64
	code           corpus.ID
}

// keyOf is k's scoreKey.
func keyOf(k *scored) scoreKey {
	return scoreKey{conf: k.conf, z: k.z, score: k.score, code: k.code}
}

// less is the total order of suggestions: confidence desc, ranker
// log-odds desc, score desc, system asc, code asc.
func (e *Engine) less(a, b *scored) bool {
	if a.conf != b.conf {
		return a.conf > b.conf
	}
	if a.z != b.z {
		return a.z > b.z
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.code == b.code {
		return false
	}
	return e.compareCodes(a.code, b.code) < 0
}

// compareScored is less as a three-way comparison: -1 when a comes
// first, 1 when b does, 0 when neither.
func (e *Engine) compareScored(a, b *scored) int {
	ka, kb := keyOf(a), keyOf(b)
	return e.compareKeys(&ka, &kb)
}

// compareKeys is compareScored of the candidates a and b are the keys of.
func (e *Engine) compareKeys(a, b *scoreKey) int {
	switch {
	case a.conf != b.conf:
		return cmpDesc(a.conf, b.conf)
	case a.z != b.z:
		return cmpDesc(a.z, b.z)
	case a.score != b.score:
		return cmpDesc(a.score, b.score)
	case a.code == b.code:
		return 0
	}
	return e.compareCodes(a.code, b.code)
}

// compareCodes orders two codes by system, then code: the rank order's
// last tie-break, read without their briefs.
func (e *Engine) compareCodes(a, b corpus.ID) int {
	if x, y := e.set.SystemOf(a), e.set.SystemOf(b); x != y {
		return strings.Compare(string(x), string(y))
	}
	return strings.Compare(e.set.CodeString(a), e.set.CodeString(b))
}

// cmpDesc orders two numbers descending (0 when neither is greater, as
// with a NaN: less says neither comes first).
func cmpDesc(x, y float64) int {
	switch {
	case x > y:
		return -1
	case y > x:
		return 1
	}
	return 0
}

func (e *Engine) codeSets(req Request) map[string]CodeSet {
	out := make(map[string]CodeSet, len(e.releases))
	for sys, cs := range e.releases {
		if len(req.Systems) == 0 || contains(req.Systems, corpus.System(sys)) {
			out[sys] = cs
		}
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

func round(x float64, digits int) float64 {
	p := pow10(digits) // confidence.go
	return math.Round(x*p) / p
}
