package suggest

import (
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// seventhGlue are words of seventh-character meanings that say nothing by
// themselves ("subsequent encounter for fracture with routine healing").
var seventhGlue = map[string]bool{"for": true, "or": true, "of": true, "and": true, "the": true, "to": true}

// meaningWords are the words of a seventh-character meaning a note would
// write, lower case, glue words dropped.
func meaningWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), notWordRune) {
		if !seventhGlue[w] {
			out = append(out, w)
		}
	}
	return out
}

// seventhFromNote chooses the seventh character of a stem from what the
// note says near the candidate's mentions: each row of the stem's table
// ("subsequent encounter for fracture with malunion") scores the words of
// its meaning the candidate's sentences hold, less 0.3 for each they do
// not; the documented encounter (nlp's "initial", "subsequent", "sequela",
// which also reads "late effect" and "follow-up visit") counts as one more
// word of the rows it starts. The best row wins, the earlier on ties; it is
// documented when it holds a matched word that not every row holds and
// the stem's title does not. ""
// means nothing was documented.
func seventhFromNote(set *corpus.Set, doc *nlp.Document, c *candidate, stem corpus.ID, encounter string) string {
	var sr sentenceRanges
	sr.index(doc)
	return seventhChoice(set, doc, &sr, sentencesOf(c, false, nil), stem, encounter)
}

// seventhChoice is seventhFromNote over the sentences sents.
func seventhChoice(set *corpus.Set, doc *nlp.Document, sr *sentenceRanges, sents []int, stem corpus.ID, encounter string) string {
	rows := sr.seventhRowsOf(set, stem) // seventhrows.go
	if i := seventhRow(doc, sr, rows, sents, encounter); i >= 0 {
		return rows.ext[i].Char
	}
	return ""
}

// seventhRow is seventhChoice of rows: the index of the documented row,
// -1 when none is.
func seventhRow(doc *nlp.Document, sr *sentenceRanges, rows *seventhRows, sents []int, encounter string) int {
	if len(rows.ext) == 0 {
		return -1
	}
	// The words of the candidate's sentences, affirmed (a bit per word
	// of the seventh vocabulary, seventhvocab.go), and the healing the
	// note states (healing.go).
	said := sr.sevenSaid(doc, sents)
	var heal []string
	if rows.nonunion {
		heal = sr.noteHealing(doc)
	}
	has := func(id uint16, w string) bool {
		return said[id/64]&(1<<(id%64)) != 0 || slices.Contains(heal, w)
	}
	// "both eyes" is the "bilateral" row.
	both := (has(sevenBoth, "both") || has(sevenBilaterally, "bilaterally")) && !has(sevenBilateral, "bilateral")
	// Each distinct word of the rows is asked about once: saidV per
	// word of rows.vocab, and the same as a bit set when there are at
	// most 64.
	var vb [64]bool
	saidV := vb[:0]
	var saidM uint64
	for k, w := range rows.vocab {
		s := has(rows.gid[k], w) || both && w == "bilateral"
		saidV = append(saidV, s)
		if s && k < 64 {
			saidM |= 1 << k
		}
	}
	want, _ := encounterStart(encounter)
	var best int
	var documented bool
	if rows.masked {
		best, documented = rows.bestMasked(saidV, saidM, want) // seventhmask.go
	} else {
		best, documented = rows.bestPlain(saidV, want)
	}
	if best < 0 || !documented {
		return -1
	}
	return best
}

// sideWord reports whether a meaning word is a side.
func sideWord(w string) bool { return w == "right" || w == "left" || w == "bilateral" }

// onlyWithout reports whether every negation governing a token is a
// "without" ("fracture without intercondylar fracture, subsequent encounter
// for fracture with malunion"): titles use it to name a variety, and the
// words after it still state the encounter.
func onlyWithout(doc *nlp.Document, t *nlp.Token) bool { return withoutOnly(doc, t.Start, t.End) }

// withoutOnly is onlyWithout for the bytes start:end.
func withoutOnly(doc *nlp.Document, start, end int) bool {
	for _, a := range doc.Assertions {
		if a.Kind != nlp.Negated || start < a.Scope.Start || end > a.Scope.End {
			continue
		}
		if !strings.EqualFold(doc.Text[a.Trigger.Start:a.Trigger.End], "without") {
			return false
		}
	}
	return true
}

// seventhWords marks the tokens that state a stem candidate's seventh
// character ("initial encounter", "with malunion"): those words belong to
// that code. It returns, per token of doc, the stem whose character they
// state (0: none), and whether it marked any: when it marked none (most
// notes: two in three of the dev notes), statesSeventh finds no stem for
// any candidate, and discriminate does not read their mentions' positions
// to learn so.
func seventhWords(w *work, set *corpus.Set, doc *nlp.Document, cs []*candidate, encounter string, dst []corpus.ID) ([]corpus.ID, bool) {
	dst = slices.Grow(dst[:0], len(doc.Tokens))[:len(doc.Tokens)]
	clear(dst) // one memclr, not an append per token
	memo := w.seventhMemo[:0]
	defer func() { w.seventhMemo = memo[:0] }()
	marked := false // a token of dst is set
	for _, c := range cs {
		if c.tgt.stem == 0 {
			continue
		}
		w.sents = sentencesOf(c, false, w.sents)
		enc := encounterNear(doc, c, encounter)
		rows := w.sr.seventhRowsOf(set, c.tgt.stem)
		// A stem whose rows read as an earlier one's, from the same
		// sentences, chooses as it did and marks no token it did not.
		at := -1
		for i := range memo {
			if memo[i].same(rows.class, enc, w.sents) {
				at = i
				break
			}
		}
		var row int
		if at >= 0 {
			row = int(memo[at].row)
		} else {
			row = seventhRow(doc, &w.sr, rows, w.sents, enc)
			if k, ok := newSeventhKey(rows.class, enc, w.sents, row); ok {
				memo = append(memo, k)
				at = len(memo) - 1
			}
		}
		c.seventh, c.seventhKnown = "", true
		if row < 0 {
			continue
		}
		c.seventh = rows.ext[row].Char
		if at >= 0 && memo[at].marked {
			continue // its words' tokens are marked already
		}
		// The words of the last row of the chosen character, as
		// seventhRowsOf read them from meanings.
		row = rows.last[row]
		rw := newRowWords(rows.words[row]) // seventhrowwords.go
		// A stem found only by words of its own 7th character ("fracture"
		// of "closed fracture" for T14.8) states nothing of its own.
		own := false
		for _, p := range c.top().hit.Positions {
			if int(p) < len(doc.Tokens) && !rw.says(doc.Tokens[p].Norm) {
				own = true
				break
			}
		}
		if !own {
			continue
		}
		// The tokens of its sentences that are a word of the row, by
		// their words' numbers in the seventh vocabulary (rw.says).
		ids := rows.wid[row]
		for _, sn := range w.sents {
			if sn >= len(w.sr.tok) {
				continue
			}
			lo := w.sr.tok[sn][0]
			for j, p := range w.sr.sevenWords(doc, sn) {
				if p == noSevenWords || dst[int(lo)+j] != 0 {
					continue
				}
				if rows.holds(ids, p) {
					dst[int(lo)+j] = c.tgt.stem
					marked = true
				}
			}
		}
		if at >= 0 {
			memo[at].marked = true
		}
	}
	return dst, marked
}

// seventhKey is one seventhChoice of a note: the class of the stem's
// rows, the encounter and the sentences it read (up to four), the row
// chosen (-1: none), and whether a stem of it marked its words' tokens.
type seventhKey struct {
	class  int32
	n      int32
	sents  [4]int32
	enc    string
	row    int32
	marked bool
}

// newSeventhKey returns the key of a choice; ok is false when the rows
// have no class or the sentences are too many to keep.
func newSeventhKey(class int32, enc string, sents []int, row int) (seventhKey, bool) {
	k := seventhKey{class: class, n: int32(len(sents)), enc: enc, row: int32(row)}
	if class < 0 || len(sents) > len(k.sents) {
		return k, false
	}
	for i, s := range sents {
		k.sents[i] = int32(s)
	}
	return k, true
}

// same reports whether k is the choice of rows of class, encounter enc
// and sentences sents, in that order.
func (k *seventhKey) same(class int32, enc string, sents []int) bool {
	if class < 0 || k.class != class || int(k.n) != len(sents) || k.enc != enc {
		return false
	}
	for i, s := range sents {
		if k.sents[i] != int32(s) {
			return false
		}
	}
	return true
}

// statesSeventh reports the stem whose seventh character every word of
// every mention of c states ("encounter" alone is not Z76.89 when it is the
// "initial encounter" of an injury), or 0. It is 0 for every candidate when
// owner marks no token (TestStatesSeventhUnowned): its first position
// returns it, and a candidate without one finds no stem.
func statesSeventh(c *candidate, owner []corpus.ID) corpus.ID {
	if len(c.mentions) == 0 {
		return 0
	}
	var by corpus.ID
	for mi := range c.mentions {
		m := &c.mentions[mi]
		for _, p := range m.hit.Positions {
			if int(p) >= len(owner) || owner[p] == 0 || owner[p] == c.tgt.stem {
				return 0
			}
			by = owner[p]
		}
	}
	return by
}

// meanings are a stem's seventh-character rows: the Tabular List's, else
// childMeanings.
func meanings(set *corpus.Set, stem corpus.ID) []corpus.Extension {
	if ext := set.SevenChr(stem); len(ext) > 0 {
		return ext
	}
	return childMeanings(set, stem)
}

// childMeanings derives a stem's seventh-character rows from its billable
// children's titles when the Tabular List gives none (a code newer than the
// loaded Tabular): "<stem title>, sequela" is row S "sequela".
func childMeanings(set *corpus.Set, stem corpus.ID) []corpus.Extension {
	title := set.Brief(stem).Display
	var out []corpus.Extension
	for _, k := range set.Children(stem) {
		kb := set.Brief(k)
		if !kb.Billable || len(kb.Code) != 8 || !strings.HasPrefix(kb.Display, title) {
			continue
		}
		if text := strings.TrimLeft(kb.Display[len(title):], " ,"); text != "" {
			out = append(out, corpus.Extension{Char: kb.Code[7:], Text: text})
		}
	}
	return out
}

// seventhOf is the seventh character documented for stem candidate c,
// chosen once per note (seventhWords) or here.
func (e *Engine) seventhOf(w *work, doc *nlp.Document, c *candidate, encounter string) string {
	if !c.seventhKnown {
		w.sents = sentencesOf(c, false, w.sents)
		c.seventh, c.seventhKnown = seventhChoice(e.set, doc, &w.sr, w.sents, c.tgt.stem, encounterNear(doc, c, encounter)), true
	}
	return c.seventh
}

// statesSeventhOf is statesSeventh of c when owned (seventhWords marked a
// token of owner), else 0, as statesSeventh finds for every candidate
// then, without reading c's mentions and their positions.
func statesSeventhOf(c *candidate, owner []corpus.ID, owned bool) corpus.ID {
	if !owned {
		return 0
	}
	return statesSeventh(c, owner)
}
