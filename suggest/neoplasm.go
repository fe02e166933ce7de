package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// neoColumn is a column of the Neoplasm Table.
type neoColumn int

const (
	colPrimary neoColumn = iota
	colSecondary
	colInSitu
	colBenign
	colUncertain
	colUnspecified
	neoColumns
)

// neoHeads are the column headings as corpus phrases them in a
// NameNeoplasm name ("Neoplasm, neoplastic, lung, malignant primary").
var neoHeads = [neoColumns]string{"malignant primary", "malignant secondary", "ca in situ", "benign", "uncertain behavior", "unspecified behavior"}

// neoRow is one site of the Neoplasm Table: the stems of its path (all
// levels, "lung, upper lobe") and the code of each column (0: "-").
type neoRow struct {
	site  string
	stems []string
	cells [neoColumns]corpus.ID
}

// neoTable is the Neoplasm Table by each stem of a site.
type neoTable struct {
	rows   []neoRow
	byStem map[string][]int32
	skin   string // the stem of "skin"
	// stemID numbers the stems of the rows; rowIDs are each row's stems
	// as ids (in the order of its stems), byID the rows of each stem id
	// (byStem's), distinct each row's distinctStems and skinID the id of
	// skin (-1: no row has it). neoSites reads these.
	stemID   map[string]int32
	rowIDs   [][]int32
	byID     [][]int32
	distinct []int
	skinID   int32
}

// neoplasmTableOf rebuilds the Neoplasm Table from the codes' Neoplasm
// Table names. Rows of ill-defined sites (head, trunk, limbs: C76) are
// left out: a note naming an organ on one is read by the organ's row.
func neoplasmTableOf(set *corpus.Set, stems func(string) []string) neoTable {
	var t neoTable
	rowOf := map[string]int{}
	for _, id := range set.IDs(corpus.ICD10CM) {
		b := set.Brief(id)
		if b.Code < "C00" || b.Code >= "D50" {
			continue
		}
		for _, n := range set.Code(id).Names {
			if n.Kind != corpus.NameNeoplasm {
				continue
			}
			site, ok := strings.CutPrefix(n.Text, "Neoplasm, neoplastic, ")
			if !ok {
				continue
			}
			col := neoColumn(-1)
			for c, h := range neoHeads {
				if s, ok := strings.CutSuffix(site, ", "+h); ok {
					site, col = s, neoColumn(c)
					break
				}
			}
			if col < 0 {
				continue
			}
			i, seen := rowOf[site]
			if !seen {
				st := slices.DeleteFunc(stems(site), func(s string) bool { return s == "nec" || s == "nos" })
				if len(st) == 0 {
					continue
				}
				i = len(t.rows)
				rowOf[site] = i
				t.rows = append(t.rows, neoRow{site: site, stems: st})
			}
			if t.rows[i].cells[col] == 0 {
				t.rows[i].cells[col] = id
			}
		}
	}
	// A nested row is also read from a site named by a main row: the
	// table sends "colon" on to "intestine, large, colon", whose
	// "sigmoid" row a note writes "sigmoid colon".
	main := map[string]bool{}
	for _, r := range t.rows {
		if !strings.Contains(r.site, ", ") {
			main[r.site] = true
		}
	}
	for _, r := range slices.Clone(t.rows) {
		parts := strings.Split(r.site, ", ")
		for k := 1; k < len(parts)-1; k++ {
			site := strings.Join(parts[k:], ", ")
			if _, dup := rowOf[site]; dup || !main[parts[k]] {
				continue
			}
			st := slices.DeleteFunc(stems(site), func(s string) bool { return s == "nec" || s == "nos" })
			rowOf[site] = len(t.rows)
			t.rows = append(t.rows, neoRow{site: site, stems: st, cells: r.cells})
		}
	}
	out := neoTable{byStem: map[string][]int32{}}
	if st := stems("skin"); len(st) > 0 {
		out.skin = st[0]
	}
	for _, r := range t.rows {
		if p := r.cells[colPrimary]; p != 0 && strings.HasPrefix(set.CodeString(p), "C76") {
			continue
		}
		i := int32(len(out.rows))
		out.rows = append(out.rows, r)
		for _, s := range uniq(r.stems) {
			out.byStem[s] = append(out.byStem[s], i)
		}
	}
	out.numberStems()
	return out
}

// numberStems fills t's stem ids from its rows, in the rows' order.
func (t *neoTable) numberStems() {
	t.stemID = map[string]int32{}
	t.rowIDs = make([][]int32, len(t.rows))
	t.distinct = make([]int, len(t.rows))
	for r, row := range t.rows {
		ids := make([]int32, len(row.stems))
		for k, s := range row.stems {
			id, ok := t.stemID[s]
			if !ok {
				id = int32(len(t.stemID))
				t.stemID[s] = id
				t.byID = append(t.byID, t.byStem[s])
			}
			ids[k] = id
		}
		t.rowIDs[r] = ids
		t.distinct[r] = distinctStems(row.stems)
	}
	t.skinID = -1
	if id, ok := t.stemID[t.skin]; ok {
		t.skinID = id
	}
}

// uniq returns ss without repeats, in order.
func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// distinctStems is len(uniq(ss)), counted without a copy.
func distinctStems(ss []string) int {
	n := 0
	for i, s := range ss {
		if !slices.Contains(ss[:i], s) {
			n++
		}
	}
	return n
}

// Words that state a neoplasm's behavior. Morphologies the Alphabetic
// Index codes by their own categories (melanoma C43, lymphoma, leukemia,
// carcinoid, hepatocellular carcinoma ...) or that are no neoplasm
// (polyp, cyst) keep the sentence off the table: the index path is the
// coder's there.
var (
	malignantCues   = phrases("cancer|cancers|carcinoma|carcinomas|adenocarcinoma|adenocarcinomas|malignant neoplasm|malignant neoplasms|malignant tumor|malignant tumors|malignant tumour|malignant lesion|malignant mass|malignancy|malignancies|nsclc|sclc|glioblastoma")
	secondaryCues   = phrases("metastatic|metastatic to|metastasis to|metastases to|metastasized to|metastasised to|mets to|spread to|secondary|metastasis|metastases|mets|metastatic disease")
	inSituCues      = phrases("in situ")
	benignCues      = phrases("benign neoplasm|benign neoplasms|benign tumor|benign tumors|benign tumour|adenoma|adenomas|macroadenoma|microadenoma|fibroadenoma")
	uncertainCues   = phrases("uncertain behavior|uncertain behaviour|uncertain malignant potential")
	unspecifiedCues = phrases("neoplasm|neoplasms|tumor|tumors|tumour|tumours")
	ownMorphology   = phrases("cystic|melanoma|lymphoma|leukemia|leukaemia|myeloma|kaposi|carcinoid|neuroendocrine|mesothelioma|sarcoma|hepatocellular|hepatoma|cholangiocarcinoma|lipoma|hemangioma|nevus|polyp|polyps|cyst|remission|relapse|dcis|lcis|cin|hsil|lsil|intraductal|lobular")
	basalCell       = phrases("basal cell|bcc")
	notCurrentCues  = phrases("history|hx|screening|screen|risk|survivor|ned|no evidence|rule out|r/o|suspicious|concern|concerning|possible|probable|likely|suspected|evaluate|evaluation|workup|family|mother|father|sister|brother")
)

// neoMention is a site of the table the note gives a behavior.
type neoMention struct {
	row   int
	col   neoColumn
	ev    []cue
	words map[int]bool
	first int // first token, for the note's order
}

// neoplasmTableCodes adds the Neoplasm Table code of each site a sentence
// names with words of a behavior ("adenocarcinoma of the left lower lobe
// of the lung": lung, lower lobe, malignant primary, C34.3-): the row is
// the one whose every word the sentence holds and has most words; the
// column is malignant secondary for a site the metastasis reached
// ("metastatic to liver", "brain metastases"), else the behavior's; a
// category code is completed by the child whose distinct title words the
// note holds (right/left, female/male, basal/squamous cell). The codes
// are listed in the order the note names them. Neoplasm codes of the
// sentence give way to it when they are less specific in its category
// (its header, more "unspecified" words),
// in another column of its row (a primary liver code beside "metastatic
// to the liver") or read only its words.
func (e *Engine) neoplasmTableCodes(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	if len(e.neo.rows) == 0 {
		return adds, rej
	}
	doc := n.doc
	ms := e.neoMentions(n)
	ids := make([]corpus.ID, len(ms))
	var sex noteSex
	for k, m := range ms {
		ids[k] = e.completeNeoplasm(doc, e.neo.rows[m.row].cells[m.col], m.ev[0].sent, &sex)
	}
	for k, m := range ms {
		row := e.neo.rows[m.row]
		id := ids[k]
		if id == 0 || e.lessSpecificNeoplasm(id, ids) {
			continue
		}
		b := e.set.Brief(id)
		if slices.ContainsFunc(adds, func(a addition) bool { return a.code == b.Code }) {
			continue
		}
		conf := ruleConfidence - 0.001*float64(k)
		if m.col == colUnspecified {
			// "tumor" alone: coded so until the histology is known, the
			// least certain of the table's readings.
			conf = e.secondaryConfidence()
		}
		adds = append(adds, addition{sys: corpus.ICD10CM, code: b.Code, conf: conf, ev: m.ev, rule: "neoplasm_table",
			why: "Neoplasm Table: " + row.site + ", " + neoHeads[m.col]})
		chosen := func(code string) bool { // a code of a subcategory the table chose
			sub := func(c string) string { return c[:min(5, len(c))] }
			return slices.ContainsFunc(ids, func(o corpus.ID) bool { return o != 0 && sub(e.set.CodeString(o)) == sub(code) })
		}
		for i := len(res.Suggestions) - 1; i >= 0; i-- {
			s := &res.Suggestions[i] // read in place, not copied: used before drop alone
			if s.System != string(corpus.ICD10CM) || s.Code < "C00" || s.Code >= "D50" || s.Code == b.Code {
				continue
			}
			switch {
			case category(s.Code) == category(b.Code) && (strings.HasPrefix(b.Code, s.Code) || unspecifiedWords(s.Display) > unspecifiedWords(b.Display)) && inSentence(doc, s.Evidence, m.ev[0].sent):
				rej = append(rej, drop(res, i, "neoplasm_table", "the note documents "+row.site+" ("+neoHeads[m.col]+"): "+b.Code+" says more"))
			case e.otherColumn(m, s.Code, chosen) && inSentence(doc, s.Evidence, m.ev[0].sent):
				rej = append(rej, drop(res, i, "neoplasm_table", "contradicted: the note documents "+row.site+" as "+neoHeads[m.col]+", coded "+b.Code))
			case !chosen(s.Code) && wordsCover(doc, m.words, s.Evidence):
				rej = append(rej, drop(res, i, "neoplasm_table", "its words are those of "+row.site+" ("+neoHeads[m.col]+"), coded "+b.Code))
			}
		}
	}
	return adds, rej
}

// unspecifiedWords counts "unspecified" in a title.
func unspecifiedWords(title string) int {
	return strings.Count(strings.ToLower(title), "unspecified")
}

// inSentence reports whether an evidence span lies in sentence sent.
func inSentence(doc *nlp.Document, evs []Evidence, sent int) bool {
	return slices.Contains(evidenceSentences(doc, evs), sent)
}

// otherColumn reports whether code is in the scope of another column of
// m's row (the category of a billable cell, the subcategory a header cell
// names), outside the subcategories the table chose: "metastatic to the
// liver" is not a primary liver neoplasm.
func (e *Engine) otherColumn(m neoMention, code string, chosen func(string) bool) bool {
	if chosen(code) {
		return false
	}
	for col, id := range e.neo.rows[m.row].cells {
		if id == 0 || neoColumn(col) == m.col {
			continue
		}
		b := e.set.Brief(id)
		scope := b.Code
		if b.Billable {
			scope = category(b.Code)
		}
		if strings.HasPrefix(code, scope) {
			return true
		}
	}
	return false
}

// lessSpecificNeoplasm reports whether id is an unspecified code of a
// category another of ids is a specified code of ("sigmoid colon": C18.7,
// not C18.9 of "colon").
func (e *Engine) lessSpecificNeoplasm(id corpus.ID, ids []corpus.ID) bool {
	b := e.set.Brief(id)
	if !containsLower(b.Display, "unspecified") {
		return false
	}
	return slices.ContainsFunc(ids, func(o corpus.ID) bool {
		ob := e.set.Brief(o)
		return o != 0 && o != id && category(ob.Code) == category(b.Code) && !containsLower(ob.Display, "unspecified")
	})
}

// neoMentions finds, per sentence stating a behavior, the most specific
// site rows it names.
func (e *Engine) neoMentions(n *ruleNote) []neoMention {
	doc := n.doc
	var out []neoMention
	// The behavior cues of the whole note, from the rules' one pass
	// (rulenote.go): a sentence with none (most notes: every sentence) is
	// passed over.
	found := [6][]cue{n.cues(malignantCues), n.cues(benignCues), n.cues(inSituCues), n.cues(uncertainCues), n.cues(unspecifiedCues), n.cues(secondaryCues)}
	if !slices.ContainsFunc(found[:], func(cs []cue) bool { return len(cs) > 0 }) {
		return nil
	}
	ns := &neoScratch{} // a ruleNote of no pooled work (tests) has its own
	if n.w != nil {
		ns = &n.w.neo
	}
	// Only the sentences holding a behavior cue are visited (nextCueSent):
	// the others, most of a note, hold none of the six and were passed
	// over after six lookups each.
	var at [6]int
	for sent := nextCueSent(found[:], at[:], 0); sent >= 0 && sent < len(doc.Sentences); sent = nextCueSent(found[:], at[:], sent+1) {
		mal := affirmedOf(sentenceCues(found[0], &at[0], sent))
		ben := affirmedOf(sentenceCues(found[1], &at[1], sent))
		sit := affirmedOf(sentenceCues(found[2], &at[2], sent))
		unc := affirmedOf(sentenceCues(found[3], &at[3], sent))
		uns := affirmedOf(sentenceCues(found[4], &at[4], sent))
		sec := affirmedOf(sentenceCues(found[5], &at[5], sent))
		if len(mal)+len(ben)+len(sit)+len(unc)+len(uns)+len(sec) == 0 {
			continue // no behavior cue: a sentence without tokens has none either
		}
		lo, hi := sentenceTokens(doc, sent)
		if lo == hi || len(n.inSentence(sent, ownMorphology)) > 0 || len(n.inSentence(sent, notCurrentCues)) > 0 {
			continue
		}
		for _, site := range e.neoSites(ns, n, lo, hi) {
			col, ev, ok := neoColumnOf(doc, site, mal, ben, sit, unc, uns, sec)
			if !ok {
				continue
			}
			if e.neo.rows[site.row].cells[col] == 0 {
				continue
			}
			// Past, negated, hypothetical or uncertain ("possible
			// malignancy") sites are not coded; "uncertain behavior" is a
			// column, not a doubt.
			flags := site.assert
			for _, c := range ev {
				flags |= c.assert
			}
			if flags&(blockedAssert|nlp.Historical) != 0 || flags&nlp.Uncertain != 0 && col != colUncertain {
				continue
			}
			words := map[int]bool{}
			for _, c := range append([]cue{site.cue}, ev...) {
				for i := c.tok; i <= c.last; i++ {
					words[i] = true
				}
			}
			for i := lo; i < hi; i++ {
				if n := doc.Tokens[i].Norm; n == "right" || n == "left" || n == "of" || n == "the" {
					words[i] = true
				}
			}
			out = append(out, neoMention{row: site.row, col: col, ev: append([]cue{site.cue}, ev...), words: words, first: min(site.tok, ev[0].tok)})
		}
	}
	slices.SortStableFunc(out, func(a, b neoMention) int { return a.first - b.first })
	return out
}

// affirmedOf are the cues of cs that are about the patient: cs itself
// (its capacity cut to its length) when every one is, the common case.
func affirmedOf(cs []cue) []cue {
	if !slices.ContainsFunc(cs, func(c cue) bool { return c.assert&blockedAssert != 0 }) {
		if len(cs) == 0 {
			return nil
		}
		return cs[:len(cs):len(cs)]
	}
	var out []cue
	for _, c := range cs {
		if c.assert&blockedAssert == 0 {
			out = append(out, c)
		}
	}
	return out
}

// neoSite is a row a sentence names: its tokens.
type neoSite struct {
	row int
	cue
	tokens []int
}

// neoSites returns the sentence's site rows (tokens lo:hi): a row whose
// every stem the sentence holds, unless a row holding its stems and more
// is named on the same words; overlapping rows keep the one with more
// stems. It reads basalCell through ruleNote n, whose pass found it with
// the note's other cues, rather than by a pass over the sentence.
func (e *Engine) neoSites(ns *neoScratch, n *ruleNote, lo, hi int) []neoSite {
	doc := n.doc
	t := &e.neo
	// Each stem of a row's first token: stems no row has are passed over
	// (no row asks for them).
	ns.start(len(t.byID), len(t.rows))
	for i := lo; i < hi; i++ {
		if tk := &doc.Tokens[i]; !tk.Stop {
			if id, ok := t.stemID[tk.Stem]; ok && !ns.has(id) {
				ns.set(id, i)
			}
		}
	}
	// A basal cell carcinoma is a neoplasm of the skin of its site
	// (Alphabetic Index: Carcinoma, basal cell, see Neoplasm, skin).
	if t.skinID >= 0 && !ns.has(t.skinID) {
		for _, c := range n.inSentence(doc.Tokens[lo].Sent, basalCell) {
			ns.set(t.skinID, c.tok)
		}
	}
	var found []neoSite
	for _, st := range ns.ids {
		for _, r := range t.byID[st] {
			if ns.rowGen[r] == ns.gen {
				continue
			}
			ns.rowGen[r] = ns.gen
			// Most rows tried miss a stem: the token list is made only
			// for a row the sentence holds whole.
			ids := t.rowIDs[r]
			whole := true
			for _, s := range ids {
				if !ns.has(s) {
					whole = false
					break
				}
			}
			if !whole {
				continue
			}
			toks := make([]int, 0, len(ids))
			for _, s := range ids {
				toks = append(toks, int(ns.first[s]))
			}
			slices.Sort(toks)
			t0, t1 := toks[0], toks[len(toks)-1]
			if t1-t0 > len(toks)+8 {
				continue // words scattered over the sentence
			}
			c := cue{start: doc.Tokens[t0].Start, end: doc.Tokens[t1].End, sent: doc.Tokens[t0].Sent, sec: doc.Tokens[t0].Section, tok: t0, last: t1}
			for _, k := range toks {
				c.assert |= doc.Tokens[k].Assert
			}
			found = append(found, neoSite{row: int(r), tokens: toks, cue: c})
		}
	}
	// Most stems first, then document order of the rows.
	slices.SortFunc(found, func(a, b neoSite) int {
		if la, lb := t.distinct[a.row], t.distinct[b.row]; la != lb {
			return lb - la
		}
		return a.row - b.row
	})
	var out []neoSite
	for _, f := range found {
		if slices.ContainsFunc(out, func(o neoSite) bool {
			return slices.ContainsFunc(f.tokens, func(t int) bool { return slices.Contains(o.tokens, t) })
		}) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// neoColumnOf picks the column of a site: malignant secondary when a
// metastasis word governs it ("metastatic to <site>", "<site>
// metastases"), else the sentence's behavior, most definite first.
func neoColumnOf(doc *nlp.Document, s neoSite, mal, ben, sit, unc, uns, sec []cue) (neoColumn, []cue, bool) {
	// "metastatic breast cancer to bone": the site after "to" in a
	// sentence a metastasis word opens.
	if k := s.tok - 1; k >= 0 && (doc.Tokens[k].Norm == "to" || doc.Tokens[k].Stop && k > 0 && doc.Tokens[k-1].Norm == "to") {
		for _, c := range sec {
			if c.last < s.tok {
				return colSecondary, []cue{c}, true
			}
		}
	}
	for _, c := range sec {
		to := strings.HasSuffix(strings.ToLower(doc.Text[c.start:c.end]), " to")
		switch {
		case to && c.last < s.tok && s.tok-c.last <= 3: // "metastatic to the liver"
			return colSecondary, []cue{c}, true
		case !to && c.tok > s.last && c.tok-s.last <= 1: // "brain metastases"
			return colSecondary, []cue{c}, true
		case !to && c.last < s.tok && s.tok-c.last <= 2 && strings.EqualFold(doc.Text[c.start:c.end], "secondary"):
			return colSecondary, []cue{c}, true
		}
	}
	for _, k := range []struct {
		cs  []cue
		col neoColumn
	}{{sit, colInSitu}, {unc, colUncertain}, {mal, colPrimary}, {ben, colBenign}, {uns, colUnspecified}} {
		// The behavior's words stand beside the site ("adenocarcinoma of
		// the sigmoid colon"), not anywhere in a long sentence.
		i := slices.IndexFunc(k.cs, func(c cue) bool { return tokenGap(c, s.cue) <= neoWindow })
		if i < 0 {
			continue
		}
		// A site a metastasis reached is not the primary's; the words
		// after "from" name the primary.
		if k.col == colPrimary && slices.ContainsFunc(sec, func(c cue) bool { return c.tok > s.last && c.tok-s.last <= 1 }) {
			return 0, nil, false
		}
		return k.col, []cue{k.cs[i]}, true
	}
	return 0, nil, false
}

// neoWindow is how many tokens may stand between a site and its
// behavior's words.
const neoWindow = 4

// tokenGap is the number of tokens between two cues (0 when they touch
// or overlap).
func tokenGap(a, b cue) int {
	switch {
	case a.last < b.tok:
		return b.tok - a.last - 1
	case b.last < a.tok:
		return a.tok - b.last - 1
	}
	return 0
}

// sexWords state the patient's sex for a title's "female"/"male".
var sexWords = map[string]string{"she": "female", "her": "female", "woman": "female", "female": "female", "lady": "female", "girl": "female",
	"he": "male", "his": "male", "man": "male", "male": "male", "gentleman": "male", "boy": "male"}

// completeNeoplasm turns a table cell into a billable code: a category is
// completed by the billable descendant whose distinct title words (those
// not in the cell's title) the sentence holds, each word it does not hold
// costing half; "unspecified" costs nothing, so it wins when nothing is
// documented. A skin cell (C44) is completed from its site's category,
// where the morphology is the distinct word.
//
// sex is the note's sexWords, found on the first completion that reads
// them: a long note's mentions do not each scan the whole note.
func (e *Engine) completeNeoplasm(doc *nlp.Document, id corpus.ID, sent int, sex *noteSex) corpus.ID {
	if id == 0 {
		return 0
	}
	// C44 divides each skin site by morphology (basal cell, squamous
	// cell, other); the table prints the unspecified one.
	if b := e.set.Brief(id); strings.HasPrefix(b.Code, "C44.") && len(b.Code) > 5 {
		if p, ok := e.set.ID(corpus.ICD10CM, b.Code[:5]); ok {
			id = p
		}
	}
	if e.set.Brief(id).Billable {
		return id
	}
	said := neoSaid(doc, sent, sex.of(doc))
	parent := map[string]bool{}
	for _, w := range meaningWords(e.set.Brief(id).Display) {
		parent[w] = true
	}
	var kids []corpus.ID
	var walk func(corpus.ID)
	walk = func(p corpus.ID) {
		for _, k := range e.set.Children(p) {
			if e.set.Brief(k).Billable {
				kids = append(kids, k)
			} else {
				walk(k)
			}
		}
	}
	walk(id)
	best, bestScore := corpus.ID(0), 0.0
	for _, k := range kids {
		s := 0.0
		for _, w := range meaningWords(e.set.Brief(k).Display) {
			switch {
			case parent[w] || w == "unspecified":
			case said[w]:
				s++
			default:
				s -= 0.5
			}
		}
		if best == 0 || s > bestScore || s == bestScore && unspecifiedWords(e.set.Brief(k).Display) > unspecifiedWords(e.set.Brief(best).Display) {
			best, bestScore = k, s // on a tie the unspecified type: "lobular" is a word the note does not say
		}
	}
	return best
}
