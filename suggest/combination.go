package suggest

import (
	"cmp"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// withRule is one "with" subterm of the Alphabetic Index: a main
// condition's index path (head), the stems of the condition linked to it
// by "with" (sub) and the combination code the index gives the pair.
type withRule struct {
	sub  []string
	code corpus.ID
	// subID are sub's stems as ids of the engine's "with" stems
	// (coderTables.stems); str is code's string, cat its category and
	// sub5 its subcategory (its first five characters); catKey is
	// categoryKey of str.
	subID          []int32
	str, cat, sub5 string
	catKey         uint32
}

// withTable derives the "with" convention from the Alphabetic Index paths
// loaded as code names: "Diabetes, diabetic, type 2, with, chronic kidney
// disease" -> E11.22 gives the head "Diabetes, diabetic, type 2" and the
// subterm "chronic kidney disease". Subterms ending in NEC (what the
// index does not name) are left out. The table covers diabetes, whose
// "with" list guideline I.C.4.a presumes causal; hypertension, whose
// combinations the index reaches through its "kidney", "heart" and
// "cardiorenal" modifiers and stage ranges, is hypertensionCode's. Other
// main terms' "with" subterms name a manifestation of that condition
// (toxoplasmosis with hepatitis: toxoplasma hepatitis) that a word match
// against another documented condition does not establish.
func withTable(set *corpus.Set, terms func(string) []string) (map[string][]withRule, []string) {
	out := map[string][]withRule{}
	ids := map[string]int32{}
	var vocab []string
	for _, id := range set.IDs(corpus.ICD10CM) {
		if !set.Brief(id).Billable {
			continue
		}
		for _, n := range set.Code(id).Names {
			if n.Kind != corpus.NameIndex {
				continue
			}
			head, sub, ok := strings.Cut(n.Text, ", with, ")
			if !ok || !presumedCausal(head) || strings.HasSuffix(sub, "NEC") || strings.Contains(head, ", with") {
				continue
			}
			st := terms(sub)
			if len(st) == 0 || len(st) == 1 && strings.HasPrefix(sub, "complication") {
				continue
			}
			r := withRule{sub: st, code: id}
			for _, t := range st {
				k, ok := ids[t]
				if !ok {
					k = int32(len(ids))
					ids[t] = k
					vocab = append(vocab, t)
				}
				r.subID = append(r.subID, k)
			}
			r.str = set.CodeString(id)
			r.cat, r.sub5, r.catKey = category(r.str), r.str[:min(len(r.str), 5)], categoryKey(r.str)
			out[head] = append(out[head], r)
		}
	}
	return out, vocab
}

// contradictedWithout reports whether r rejected a code because its title
// says "without" what the note documents (discriminate.go's reason "note
// says with unstable angina; I25.10 is without angina").
func contradictedWithout(r *Rejection) bool {
	if r.Rule != "contradicted" || !strings.Contains(r.Reason, "without ") {
		return false // every reason the test below passes holds "without "
	}
	_, is, ok := strings.Cut(r.Reason, "; "+r.Code+" is ")
	return ok && (strings.HasPrefix(is, "without ") || strings.Contains(is, " without "))
}

// presumedCausal reports whether the guidelines presume the conditions an
// Index head links by "with" causally related: diabetes and its
// complications (I.C.4.a), coronary atherosclerosis and angina, which its
// combination codes include (I.C.9.b).
func presumedCausal(head string) bool {
	return strings.HasPrefix(head, "Diabetes") || strings.HasPrefix(head, "Arteriosclerosis, arteriosclerotic, coronary")
}

// withHeads returns the "with" heads an Index name n of code id opens: n
// itself, the head of n when n is already a "with" subterm (E11.40, "type
// 2, with, neuropathy", opens "type 2" so polyneuropathy refines it), and
// the heads that extend n with a qualifier whose combinations stay in id's
// category ("coronary" opens "coronary, native vessel" for I25.10). own
// says whether id is a head's plain code (absorbed by its combination)
// rather than a combination itself.
func (e *Engine) withHeads(id corpus.ID, n string) (heads []string, own bool) {
	if _, ok := e.with[n]; ok {
		return []string{n}, true
	}
	if head, _, ok := strings.Cut(n, ", with, "); ok {
		if _, ok := e.with[head]; ok {
			return []string{head}, false
		}
		return nil, false
	}
	cat := category(e.set.CodeString(id))
	for h, rs := range e.with {
		if strings.HasPrefix(h, n+", ") && !strings.Contains(h[len(n):], ", with") && len(rs) > 0 && category(e.set.CodeString(rs[0].code)) == cat {
			heads = append(heads, h)
		}
	}
	slices.Sort(heads)
	return heads, true
}

// stemTerms returns the distinct stems the pipeline gives text.
func (e *Engine) stemTerms(text string) []string {
	var out []string
	for _, t := range e.pipe.Terms(text) {
		if !slices.Contains(out, t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// unrelatedCues say two conditions are not linked, which sets the "with"
// presumption aside.
var unrelatedCues = phrases("unrelated|not related|not due to|not caused by|not secondary to|independent of|not attributed to|nondiabetic|non diabetic|non-diabetic")

// combinations applies the "with" convention (guidelines I.A.15): two
// documented conditions the Alphabetic Index links by "with" are coded with
// their combination code, unless the note says they are unrelated. The
// combination absorbs its parts: the main condition's code is rejected,
// and the linked condition's too unless the combination's "use additional
// code" note asks for it (the CKD stage with E11.22).
//
// A head condition's code rejected as contradicted because its title says
// "without" what the note documents (I25.10, "without angina pectoris",
// beside "unstable angina") still documents the head: it opens the
// combination, whose confidence is then its linked condition's.
func (e *Engine) combinations(n *ruleNote, res *Result, adds []addition, rej, prior []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	// Parts and heads point at the suggestions (nothing below changes
	// res.Suggestions before the combinations are picked) and at the
	// rejected heads' stand-ins (rejHeads), not at copies.
	// A part also carries what the heads ask of it as a linked condition,
	// worked out on first use: one allocation for all the parts.
	type part struct {
		s        *Suggestion
		id       corpus.ID
		rejected bool   // a head from prior's rejections
		cat      uint32 // categoryKey, compared per head and rule
		evDone   bool
		named    stemBits   // which "with" stems its code's names hold
		ev       []string   // its evidence's stems
		words    *partWords // its words
		sup      supportRow // which "with" stems its evidence supports
	}
	isPart := func(s *Suggestion) bool {
		return s.System == string(corpus.ICD10CM) && !(s.Confidence < res.Threshold) && !slices.Contains(s.Assertions, "historical")
	}
	nparts := 0
	for i := range res.Suggestions {
		if isPart(&res.Suggestions[i]) {
			nparts++
		}
	}
	parts := make([]part, 0, nparts)
	for i := range res.Suggestions {
		s := &res.Suggestions[i]
		if !isPart(s) {
			continue
		}
		id, _ := e.set.ID(corpus.ICD10CM, s.Code)
		parts = append(parts, part{s: s, id: id, cat: categoryKey(s.Code)})
	}
	var rejHeads []Suggestion
	var rejIDs []corpus.ID
	for i := range prior {
		r := &prior[i]
		if r.System != string(corpus.ICD10CM) || !contradictedWithout(r) || has(res, corpus.ICD10CM, r.Code) >= 0 {
			continue
		}
		if id, ok := e.set.ID(corpus.ICD10CM, r.Code); ok {
			rejHeads = append(rejHeads, Suggestion{System: r.System, Code: r.Code, Display: r.Display, Evidence: r.Evidence, Confidence: 1})
			rejIDs = append(rejIDs, id)
		}
	}
	heads := parts
	if len(rejHeads) > 0 {
		heads = make([]part, len(parts), len(parts)+len(rejHeads))
		copy(heads, parts)
		for i := range rejHeads {
			heads = append(heads, part{s: &rejHeads[i], id: rejIDs[i], rejected: true})
		}
	}
	type combo struct {
		code     corpus.ID
		a, b     *Suggestion
		own      bool // a is the head's plain code, not a combination
		rank     int  // how b's words reach the subterm (lower is better)
		subTerms int
	}
	var combos []combo
	var evBuf []string // the parts' evidence stems, one after the other
	nstems := len(e.coder.stems)
	// With at most 64 parts and 64 "with" stems (57 in the release), the
	// parts whose code's names hold every stem of a rule are one AND of a
	// mask per stem (partMasks), read on the first rule, rather than a
	// test per part and rule; the parts are then visited in the same
	// order, the plain loop's other tests unchanged.
	fast := len(parts) <= 64 && nstems <= 64
	var pw partMasks
	pwReady := false
	for ai := range heads {
		a := &heads[ai] // not a copy of the suggestion per head
		opens := e.headOpens(a.id)
		if len(opens) == 0 {
			continue
		}
		acat := categoryKey(a.s.Code)
		pk := newCodePrefixKeys(a.s.Code) // a's code's prefixes, for the rules' sub5 (withkeys.go)
		unspecified := -1                 // whether a's title says unspecified, once asked
		for _, o := range opens {
			if !o.own && a.rejected {
				continue // a rejected code opens its own heads only
			}
			for ri := range o.keys {
				// The rule's key is read first: most rules end at it,
				// their withRule unread.
				k := &o.keys[ri]
				// A combination code may stand beside or for the
				// combination a already suggested when it is another
				// subcategory (a second complication: E11.22 and
				// E11.42), or a's own subcategory when a is its
				// unspecified code (E11.40, "neuropathy, unspecified",
				// refined to E11.42), or a itself (E11.22 with the CKD
				// stage its note asks for). (Equal ids are equal codes;
				// other ids compare the strings.)
				if !o.own && pk.hasPrefix(k.sub5) && k.code != a.id && o.rules[ri].str != a.s.Code {
					if unspecified < 0 {
						unspecified = 0
						if containsFold(a.s.Display, "unspecified") {
							unspecified = 1
						}
					}
					if unspecified == 0 {
						continue
					}
				}
				holding := ^uint64(0) // fast: the parts whose names hold r's stems
				if fast {
					if !pwReady {
						for bi := range parts {
							b := &parts[bi]
							b.named = e.namedStems(b.id, b.s.Code)
							pw.add(bi, b.named)
						}
						pwReady = true
					}
					holding = pw.holdingBits(len(parts), k.stems)
					if holding == 0 {
						continue // no part holds the rule's stems
					}
				}
				r := &o.rules[ri]
				for bi := 0; bi < len(parts); bi++ {
					if fast {
						if holding == 0 {
							break
						}
						bi = bits.TrailingZeros64(holding) // the next part holding them
						holding &= holding - 1
					}
					b := &parts[bi] // not a copy of the suggestion per rule
					// Equal codes have equal ids: the ids tell most pairs apart.
					if b.id == a.id && b.s.Code == a.s.Code || b.cat == acat || b.cat == k.catKey {
						continue
					}
					// partCovers wants every stem of the subterm among
					// the names of b's code: read first, per engine.
					if !fast {
						if b.named == nil {
							b.named = e.namedStems(b.id, b.s.Code)
						}
						if !b.named.hasAll(r.subID) {
							continue
						}
					}
					if !b.evDone {
						at := len(evBuf)
						evBuf = e.appendEvidenceStems(evBuf, b.s.Evidence)
						b.ev, b.evDone = evBuf[at:len(evBuf):len(evBuf)], true
					}
					if !b.sup.supports(nstems, b.ev, r) {
						continue
					}
					w := b.words
					if w == nil {
						w = e.partWordsOf(doc, b.id, *b.s)
						b.words = w
					}
					rank, ok := partCovers(w, r.sub)
					if !ok || e.unrelated(n, a.s, b.s) {
						continue
					}
					combos = append(combos, combo{r.code, a.s, b.s, o.own, rank, len(r.sub)})
				}
			}
		}
	}
	// One combination per pair of conditions: the subterm matched by the
	// linked condition's most authoritative name, then the longest.
	slices.SortStableFunc(combos, func(x, y combo) int {
		if c := compareJoined(x.a.Code, x.b.Code, y.a.Code, y.b.Code); c != 0 {
			return c
		}
		if x.rank != y.rank {
			return x.rank - y.rank
		}
		if x.subTerms != y.subTerms {
			return y.subTerms - x.subTerms
		}
		return strings.Compare(e.set.CodeString(x.code), e.set.CodeString(y.code))
	})
	// One combination per pair of conditions; of sibling combinations
	// (E11.21 and E11.22 for one diabetes), the best documented.
	var picked []combo
	for i, c := range combos {
		if i > 0 && combos[i-1].a.Code == c.a.Code && combos[i-1].b.Code == c.b.Code {
			continue
		}
		picked = append(picked, c)
	}
	conf := func(c combo) float64 { return min(c.a.Confidence, c.b.Confidence) }
	slices.SortStableFunc(picked, func(x, y combo) int {
		switch {
		case conf(x) > conf(y):
			return -1
		case conf(x) < conf(y):
			return 1
		}
		return 0
	})
	var absorbed absorbedCodes     // the codes a combination absorbs
	kept := map[string]corpus.ID{} // subcategory -> combination
	for _, c := range picked {
		cc := e.set.Brief(c.code)
		sub := cc.Code[:min(len(cc.Code), 5)]
		if k, ok := kept[sub]; ok && k != c.code {
			continue
		}
		kept[sub] = c.code
		adds = append(adds, addition{sys: corpus.ICD10CM, code: cc.Code, conf: conf(c),
			ev: append(evidenceCues(doc, *c.a), evidenceCues(doc, *c.b)...), rule: "with_convention",
			why: c.a.Code + " (" + c.a.Display + ") and " + c.b.Code + " (" + c.b.Display + ") are linked by \"with\" in the Alphabetic Index: a causal relationship is presumed"})
		if c.own || strings.HasPrefix(c.a.Code, sub) {
			absorbed.set(c.a.Code, cc.Code)
		}
		if !e.asksFor(c.code, c.b.Code) {
			absorbed.set(c.b.Code, cc.Code)
		} else {
			adds[len(adds)-1].follow = append(adds[len(adds)-1].follow, c.b.Code)
		}
	}
	adds = e.hypertensionCode(n, res, adds, &absorbed)
	for i := len(res.Suggestions) - 1; i >= 0 && len(absorbed) > 0; i-- {
		s := &res.Suggestions[i] // read before drop: not a copy of the suggestion
		if by, ok := absorbed.by(s.Code); ok && s.System == string(corpus.ICD10CM) && by != s.Code {
			rej = append(rej, drop(res, i, "combination", "coded in the combination code "+by+" (\"with\" convention)"))
		}
	}
	return adds, rej
}

// partWords are a linked condition's words: the stems of each of its
// names and of its category's title (partNames, worked out once per code),
// and of the sentences holding its evidence (once per request).
type partWords struct {
	*partNames
	stated []string
}

// partNames are the words of a code's names: shared, read only.
type partNames struct {
	names [][]string
	kinds []corpus.NameKind
	all   map[string]bool // every stem of names and cat
}

// partWordsOf collects the words of suggestion s (code id).
func (e *Engine) partWordsOf(doc *nlp.Document, id corpus.ID, s Suggestion) *partWords {
	return &partWords{partNames: e.partNamesOf(id, s.Code), stated: e.statedStems(doc, s)}
}

// partNamesOf returns the partNames of code id, remembered per code.
func (e *Engine) partNamesOf(id corpus.ID, code string) *partNames {
	if got, ok := e.partMemo.load(e.set, id); ok {
		return got
	}
	w := &partNames{all: map[string]bool{}}
	for _, n := range e.set.Code(id).Names {
		if n.Kind == corpus.NameTitle || n.Kind == corpus.NameInclusion || n.Kind == corpus.NameIndex {
			st := e.stemTerms(n.Text)
			w.names = append(w.names, st)
			w.kinds = append(w.kinds, n.Kind)
			for _, t := range st {
				w.all[t] = true
			}
		}
	}
	if cat, found := e.set.ID(corpus.ICD10CM, category(code)); found {
		for _, t := range e.stemTerms(e.set.Brief(cat).Display) {
			w.all[t] = true
		}
	}
	return e.partMemo.store(e.set, id, w)
}

// partCovers reports whether the linked condition with words w is what a
// "with" subterm sub names, and how directly (lower is better): 0 when
// the note states sub's words and no name of it the note states says
// more than sub ("neuropathy"); then by the kind of its name holding every
// stem of sub, its title first ("peripheral neuropathy" is G62.9, titled
// polyneuropathy: the Index's "with, polyneuropathy"); last when sub's
// words are those of its names and its category's title together
// ("Angina, unstable" in "Angina pectoris": "with, angina pectoris,
// unstable").
func partCovers(w *partWords, sub []string) (int, bool) {
	for _, t := range sub {
		if !w.all[t] {
			return 0, false
		}
	}
	best, ok := 0, false
	for i, st := range w.names {
		if (!ok || 1+int(w.kinds[i]) < best) && holdsAll(st, sub) {
			best, ok = 1+int(w.kinds[i]), true
		}
	}
	if !ok {
		best = 10 // every stem is in the names and the category's title
	}
	if holdsAll(w.stated, sub) {
		more := slices.ContainsFunc(w.names, func(st []string) bool {
			return holdsAll(st, sub) && slices.ContainsFunc(st, func(t string) bool { return slices.Contains(w.stated, t) && !slices.Contains(sub, t) })
		})
		if !more {
			return 0, true
		}
	}
	return best, true
}

// statedStems are the stems (abbreviations expanded) of the sentences
// holding s's evidence.
func (e *Engine) statedStems(doc *nlp.Document, s Suggestion) []string {
	var sents []int
	for _, c := range evidenceCues(doc, s) {
		if c.sent >= 0 && !slices.Contains(sents, c.sent) {
			sents = append(sents, c.sent)
		}
	}
	var out []string
	for _, t := range doc.Terms {
		if slices.Contains(sents, t.Sent) && !slices.Contains(out, t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// holdsAll reports whether have holds every stem of want.
func holdsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// supports reports whether the note's words for a suggestion (its
// evidence's stems ev) share a word with a "with" subterm (stems, or one
// holding the other: "neuropathy" in "polyneuropathy"): the code's names tie it to the subterm ("peripheral
// vascular disease" is indexed as peripheral angiopathy), the note must
// still speak of it (hypernatremia does not document hyperosmolarity,
// though one code covers both).
func supports(ev, sub []string) bool {
	for _, t := range ev {
		for _, w := range sub {
			if t == w || len(t) >= 5 && strings.Contains(w, t) || len(w) >= 5 && strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

// appendEvidenceStems appends to out the stems of evs' texts that
// out[len(out):] does not hold yet (each once).
func (e *Engine) appendEvidenceStems(out []string, evs []Evidence) []string {
	at := len(out)
	for _, ev := range evs {
		for _, t := range e.pipe.Terms(ev.Text) {
			if !slices.Contains(out[at:], t.Stem) {
				out = append(out, t.Stem)
			}
		}
	}
	return out
}

// unrelated reports whether a sentence of a's or b's evidence says the
// conditions are unrelated. Each sentence is read once, however many
// evidence spans it holds, from the note's cue table (unrelatedCues is
// one of ruleCueLists): a cue search of the sentence's tokens per
// sentence cost some 6,000 instructions a call.
func (e *Engine) unrelated(n *ruleNote, a, b *Suggestion) bool {
	var buf [16]int
	seen := buf[:0]
	for _, evs := range [2][]Evidence{a.Evidence, b.Evidence} {
		for _, ev := range evs {
			c := spanCue(n.doc, ev.Start, ev.End)
			if c.sent < 0 || slices.Contains(seen, c.sent) {
				continue
			}
			seen = append(seen, c.sent)
			if n.sentenceHas(c.sent, unrelatedCues, -1) {
				return true
			}
		}
	}
	return false
}

var rangeRef = regexp.MustCompile(`\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:-([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?))?`)

// asksFor reports whether the "use additional code" notes of id or its
// ancestors name code, alone or in a range ("N18.1-N18.6", "I50.-").
func (e *Engine) asksFor(id corpus.ID, code string) bool {
	return e.notesName(id, code, useAdditionalNote)
}

// noteKind is a kind of Tabular instructional note read for the codes it
// names.
type noteKind uint8

const (
	useAdditionalNote noteKind = iota
	codeFirstNote
)

// codeRange is a code or a range of codes a note names: hi is empty for
// one code (a prefix: "I50" names I50.-).
type codeRange struct{ lo, hi string }

// notesName reports whether the notes of a kind of id or its ancestors
// name code, alone or in a range.
func (e *Engine) notesName(id corpus.ID, code string, kind noteKind) bool {
	for _, r := range e.noteRanges(id, kind) {
		if r.hi == "" && strings.HasPrefix(code, r.lo) || r.hi != "" && code >= r.lo && (code <= r.hi || strings.HasPrefix(code, r.hi)) {
			return true
		}
	}
	return false
}

// noteRanges are the codes the notes of a kind of id and its ancestors
// name, parsed once per engine.
func (e *Engine) noteRanges(id corpus.ID, kind noteKind) []codeRange {
	n := e.codeNotes(id)
	if kind == codeFirstNote {
		return n.codeFirst
	}
	return n.useAdditional
}

// codeNotes are the codes the "code first" and "use additional code"
// notes of a code and its ancestors name.
type codeNotes struct {
	codeFirst, useAdditional []codeRange
}

// codeNotes returns id's codeNotes, parsed once per engine: a slot per
// code id (coderTables.notes), not a hash of an interface key per lookup.
func (e *Engine) codeNotes(id corpus.ID) *codeNotes {
	rec := e.coder.records.of(e.set, id)
	if v := rec.notes.Load(); v != nil {
		return v
	}
	n := &codeNotes{}
	for c := id; c != 0; c = e.parent(c) {
		ns := e.set.Notes(c)
		n.codeFirst = appendRanges(n.codeFirst, ns.CodeFirst)
		n.useAdditional = appendRanges(n.useAdditional, ns.UseAdditional)
	}
	return keep(&rec.notes, n)
}

// appendRanges appends the codes and ranges notes name to out.
func appendRanges(out []codeRange, notes []string) []codeRange {
	for _, note := range notes {
		for _, m := range rangeRef.FindAllStringSubmatch(note, -1) {
			out = append(out, codeRange{strings.TrimSuffix(m[1], "."), strings.TrimSuffix(m[2], ".")})
		}
	}
	return out
}

// assumedChild says whether s is a header's default child, taken with a
// specificity edit because the note did not document the detail.
func assumedChild(s Suggestion) bool {
	return slices.ContainsFunc(s.Edits, func(ed Edit) bool { return ed.Kind == "specificity" && strings.Contains(ed.Message, "assumed") })
}

// sequenceAfter puts the codes a combination code keeps by its "use
// additional code" note after it (I11.0 then I50.22, E11.22 then N18.32),
// as the notes sequence them: a kept part surer than its combination
// takes the combination's confidence, and a score just below its. An
// annotating request (Request.Annotate) lists concepts, not a claim's
// sequence, and keeps the ranker's order.
func sequenceAfter(res *Result, adds []addition) {
	for _, a := range adds {
		ci := has(res, a.sys, a.code)
		if ci < 0 {
			continue
		}
		c := res.Suggestions[ci]
		for _, f := range a.follow {
			i := has(res, corpus.ICD10CM, f)
			if i < 0 || i > ci {
				continue
			}
			s := res.Suggestions[i]
			res.Suggestions = slices.Delete(res.Suggestions, i, i+1)
			s.Confidence = min(s.Confidence, c.Confidence)
			s.Score = min(s.Score, math.Nextafter(c.Score, math.Inf(-1)))
			insert(res, s)
			ci = has(res, a.sys, a.code)
		}
	}
}

// compareJoined is strings.Compare(a1+b1, a2+b2) without joining them.
func compareJoined(a1, b1, a2, b2 string) int {
	n1, n2 := len(a1)+len(b1), len(a2)+len(b2)
	at := func(a, b string, i int) byte {
		if i < len(a) {
			return a[i]
		}
		return b[i-len(a)]
	}
	for i := range min(n1, n2) {
		if c1, c2 := at(a1, b1, i), at(a2, b2, i); c1 != c2 {
			if c1 < c2 {
				return -1
			}
			return 1
		}
	}
	return cmp.Compare(n1, n2)
}
