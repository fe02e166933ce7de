package index

import (
	"fmt"
	"math"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"medcode/corpus"
	"medcode/nlp"
)

// Options configure Build. The zero value indexes every system of the set
// with the default analysis.
type Options struct {
	NLP     nlp.Options     // analysis of names and queries
	Systems []corpus.System // empty: every system in the set
	Extra   []Extra         // names added beyond the code sets (learned, site)
	// OnlyExtra indexes the Extra names alone (a side index of learned
	// names); the set is used to validate their codes.
	OnlyExtra bool
	// Pipeline, when not nil, is the analysis to index with, NLP being
	// ignored: a side index shares its main index's pipeline.
	Pipeline *nlp.Pipeline
}

// Extra is a name added at build time.
type Extra struct {
	System corpus.System
	Code   string
	Text   string
	Kind   corpus.NameKind
}

// generic matches words of official titles that say "no detail" and that
// notes do not write; they are removed from a name before analysis so that
// "Pain, unspecified" is found by "pain".
var generic = regexp.MustCompile(`(?i)\b(unspecified (side|site|laterality|organism|part|cause|region|severity|stage|trimester|intent|body region)|unspecified|not elsewhere classified|NEC|NOS|without complications?)\b`)

// genericStem weigh a fifth of their IDF: they rarely carry the meaning.
var genericStems = map[string]bool{"site": true, "with": true, "without": true, "part": true, "due": true}

// sideWord is "side" after a side's name ("ovarian cyst, left side"):
// notes say "left ovarian cyst".
var sideWord = regexp.MustCompile(`(?i)\b(right|left) side\b`)

// MatchText is the text of a name as it is analysed for matching: generic
// words removed, and "side" after right or left.
func MatchText(s string) string {
	t := generic.ReplaceAllString(s, " ")
	t = sideWord.ReplaceAllString(t, "$1")
	return strings.Join(strings.FieldsFunc(t, func(r rune) bool { return r == ' ' }), " ")
}

// SeventhCharacterCode reports whether c is an ICD-10-CM code built from a
// stem plus a seventh character (S72.001A); such codes are indexed through
// their stem and completed by the suggest layer.
func SeventhCharacterCode(c *corpus.Code) bool {
	return SeventhCharacter(corpus.Brief{System: c.System, Code: c.Code, Display: c.Display, Billable: c.Billable}, c.SevenChr)
}

// SeventhCharacter is SeventhCharacterCode for a code's brief and its
// seventh-character table.
func SeventhCharacter(c corpus.Brief, sevenChr []corpus.Extension) bool {
	if c.System != corpus.ICD10CM || len(c.Code) != 8 || !c.Billable {
		return false
	}
	if len(sevenChr) > 0 {
		return true
	}
	// Without the Tabular List the title tells.
	d := strings.ToLower(c.Display)
	return strings.Contains(d, "encounter") || strings.HasSuffix(d, "sequela")
}

// indexable reports whether a code gets names in the index.
func indexable(c *corpus.Code) bool {
	switch c.System {
	case corpus.HCPCS:
		return !c.Modifier
	case corpus.ICD10CM:
		return !SeventhCharacterCode(c)
	}
	return true
}

type rawName struct {
	code  int32
	kind  corpus.NameKind
	text  string
	stems []string
}

// Build indexes every name of every indexable code of set.
func Build(set *corpus.Set, opts Options) (*Index, error) {
	pipe := opts.Pipeline
	if pipe == nil {
		var err error
		if pipe, err = nlp.New(opts.NLP); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	ix := &Index{nlpOpts: pipe.Options(), hash: pipe.Hash(), pipe: pipe}
	systems := opts.Systems
	if len(systems) == 0 {
		systems = set.Systems()
	}
	codeIdx := map[CodeRef]int32{}
	var ab arenaBuilder

	var raw []rawName
	add := func(ref CodeRef, text string, kind corpus.NameKind) {
		ci, ok := codeIdx[ref]
		if !ok {
			ci = int32(len(ix.codes))
			codeIdx[ref] = ci
			ix.codes = append(ix.codes, codeEntry{sys: systemByte[ref.System], code: ab.add(ref.Code)})
		}
		raw = append(raw, rawName{code: ci, kind: kind, text: text})
	}
	if opts.OnlyExtra {
		systems = nil
	}
	for _, sys := range systems {
		for _, c := range set.Codes(sys) {
			if !indexable(c) {
				continue
			}
			ref := CodeRef{System: sys, Code: c.Code}
			if len(c.Names) == 0 {
				add(ref, c.Display, corpus.NameTitle)
			}
			for _, n := range c.Names {
				add(ref, n.Text, n.Kind)
				if v := Essential(n.Text); v != "" && sys == corpus.ICD10CM && (n.Kind == corpus.NameTitle || n.Kind == corpus.NameInclusion) {
					add(ref, v, n.Kind) // notes leave nonessential words out
				}
				if n.Kind == corpus.NameIndex {
					if v := WithoutVariants(n.Text); v != "" {
						add(ref, v, n.Kind) // a note says one form of the main term
					}
				}
				if n.Kind == corpus.NameCrossRef {
					if v := crossRefWithoutVariants(n.Text); v != "" {
						add(ref, v, n.Kind)
					}
				}
			}
		}
	}
	for _, e := range opts.Extra {
		c, ok := set.Lookup(e.System, e.Code)
		if !ok {
			continue // learned from an older edition; the code is not valid now
		}
		add(CodeRef{System: c.System, Code: c.Code}, e.Text, e.Kind)
	}

	// Analyse names in parallel; the pipeline is concurrency-safe.
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	chunk := (len(raw) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(raw))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func(part []rawName) {
			defer wg.Done()
			for i := range part {
				part[i].stems = stems(pipe, MatchText(matchSource(part[i].kind, part[i].text)))
			}
		}(raw[lo:hi])
	}
	wg.Wait()
	raw = dropRedundantCrossRefs(raw)

	// Vocabulary in sorted order, so ids are stable and prefix search works.
	vocab := map[string]struct{}{}
	for _, r := range raw {
		for _, s := range r.stems {
			vocab[s] = struct{}{}
		}
	}
	terms := make([]string, 0, len(vocab))
	for s := range vocab {
		terms = append(terms, s)
	}
	sort.Strings(terms)
	termID := make(map[string]uint32, len(terms))
	ix.termStr = make([]span, len(terms))
	for i, s := range terms {
		termID[s] = uint32(i)
		ix.termStr[i] = ab.add(s)
	}

	// Names, deduplicated per code on their term set (the first, most
	// authoritative kind wins).
	seen := map[string]struct{}{}
	var key strings.Builder
	for _, r := range raw {
		if len(r.stems) == 0 {
			continue
		}
		ids := make([]uint32, len(r.stems))
		for i, s := range r.stems {
			ids[i] = termID[s]
		}
		sorted := append([]uint32(nil), ids...)
		sort.Slice(sorted, func(a, b int) bool { return sorted[a] < sorted[b] })
		key.Reset()
		fmt.Fprint(&key, r.code, sorted)
		if _, dup := seen[key.String()]; dup {
			continue
		}
		seen[key.String()] = struct{}{}
		if len(ids) > maxNameTerms {
			return nil, fmt.Errorf("index: a name of %s has %d terms, more than %d", ix.Code(r.code).Code, len(ids), maxNameTerms)
		}
		ix.names = append(ix.names, name{code: r.code, kind: r.kind, text: ab.add(r.text), terms: uint32(len(ix.nameTerm)), nterm: uint16(len(ids))})
		ix.nameTerm = append(ix.nameTerm, ids...)
	}
	ix.arena = string(ab.b)
	ix.finish()
	return ix, nil
}

// stems returns the distinct stems of text as pipe analyses it, in
// first-seen order.
func stems(pipe *nlp.Pipeline, text string) []string {
	return stemsOf(pipe.Terms(text))
}

// stemsOf returns the distinct stems of terms, in order.
func stemsOf(terms []nlp.Term) []string {
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if t.Stem != "" && !slices.Contains(out, t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// Stems returns the distinct stems of text as the index analyses names.
// Texts up to stemMemoLen bytes are remembered (at most stemMemoMax of
// them): the suggest rules re-read the same code names for every note.
// The caller owns the result.
func (ix *Index) Stems(text string) []string {
	if len(text) > stemMemoLen {
		return ix.StemsOnce(text) // never remembered
	}
	if v, ok := ix.memo.Get(text); ok {
		return slices.Clone(v)
	}
	s := ix.StemsOnce(text)
	ix.memo.Put(text, slices.Clone(s), stemMemoMax)
	return s
}

// StemsKept is Stems for a text the caller keeps alive anyway (a code
// set's name): the memo keeps text itself, not a copy, and the result is
// shared with the memo, to be read, never modified. Neither Stems nor
// StemsKept leaves the text's terms in the pipeline's Terms memo: the
// stems are all they keep.
func (ix *Index) StemsKept(text string) []string {
	if len(text) > stemMemoLen {
		return ix.StemsOnce(text) // never remembered
	}
	if v, ok := ix.memo.Get(text); ok {
		return v
	}
	s := slices.Clip(ix.StemsOnce(text))
	ix.memo.PutKept(text, s, stemMemoMax)
	return s
}

// StemsOnce is Stems without the memos (its own and the pipeline's
// Terms memo): for texts read once into a table of the caller's, which
// would only crowd out the texts read again. The caller owns the result.
func (ix *Index) StemsOnce(text string) []string {
	return stemsOf(ix.pipe.TermsOnce(text))
}

// Bounds of the Stems memo: about 64 k names of up to 200 bytes, a few
// megabytes.
const (
	stemMemoLen = 200
	stemMemoMax = 1 << 16
)

// finish derives the term lookup, document frequencies, weights, norms,
// postings and name flags from the arena, codes, terms and names. Build
// and Read share it.
func (ix *Index) finish() {
	for i := range ix.names {
		n := &ix.names[i]
		n.flags = flagsOf(ix.nameText(n))
	}
	if ix.terms, ix.termsOK = newTermTable(ix); !ix.termsOK {
		ix.termID = make(map[string]uint32, len(ix.termStr))
		for i := range ix.termStr {
			ix.termID[ix.Term(uint32(i))] = uint32(i)
		}
	}
	ix.df = make([]uint32, len(ix.termStr))
	counted := 0
	var buf []uint32
	for i := range ix.names {
		if n := &ix.names[i]; weighsTerms(n.kind) {
			counted++
			buf = ix.appendTerms(buf[:0], n)
			for _, t := range buf {
				ix.df[t]++
			}
		}
	}
	N := float64(counted)
	ix.weight = make([]float64, len(ix.termStr))
	for t, df := range ix.df {
		w := math.Log(1 + N/float64(max(df, 1)))
		if genericStems[ix.Term(uint32(t))] {
			w /= 5
		}
		ix.weight[t] = w
	}
	ix.layPostings(len(ix.termStr) <= packTerm+1)
}

// layPostings lays the postings out flat, one record per name under its
// rarest term, so a search reads them sequentially:
//
//	name id | kind<<24 | system<<16 | term count | code | norm² (float64 bits, low word first) | text offset | term... | name-order term...
//
// The name id's and the code's words hold the name's text length, flags
// and where its text lies in their top bytes (layHead, hitref.go): a
// search's caller reads a hit's name from the head the search read
// (HitRef) rather than from the name's entry.
//
// The norm² is the exact Σ w² of the name's terms in name order, the sum
// score's coverage divides by: score reads it from the record's head
// rather than summing w² over every term of the record (a read of sw, a
// table of hundreds of kilobytes, for each term the query lacks), and the
// bounds (readTodo's, the pair lists') read it too (recordNorm).
//
// A term's w² (float32) is w2[term], one table for every record. With
// pack, the terms go heaviest first (ties by id), so a search's bound
// settles after the fewest terms, each term word holding above packShift
// the top half of the term's float32 w² (packWeight): a bound no larger
// than w², which the search's bound reads from the word it reads anyway
// rather than from w2 (a table of a hundred kilobytes, its line for a
// term the query lacks often a wait on memory). pack needs every term id
// below packTerm+1. A name's terms are its record's (name.terms is the
// record's first term word): the layout is the only copy of them.
// Packed, a record repeats its term ids in name order after the packed
// ones (recordTerms words a term): score reads them as they lie, and so
// does appendTerms; unpacked, the terms are in name order already, and
// lie once.
func (ix *Index) layPostings(pack bool) {
	rare := make([]uint32, len(ix.names))
	size := make([]uint32, len(ix.termStr)+1)
	postTerm, per := uint32(math.MaxUint32), uint32(1)
	if pack {
		postTerm, per = packTerm, 2
	}
	var buf []uint32
	for i := range ix.names {
		n := &ix.names[i]
		if n.nterm > 0 {
			buf = ix.appendTerms(buf[:0], n)
			rare[i] = ix.rarest(buf)
			size[rare[i]+1] += recordHead + per*uint32(n.nterm)
		}
	}
	postOff := make([]uint32, len(ix.termStr)+1)
	for t := 1; t < len(size); t++ {
		postOff[t] = postOff[t-1] + size[t]
	}
	post := make([]uint32, postOff[len(ix.termStr)])
	ix.postCount = make([]uint32, len(ix.termStr))
	ix.w2 = make([]float32, len(ix.termStr))
	ix.sw = make([]termWeight, len(ix.termStr))
	for t, w := range ix.weight {
		ix.w2[t] = float32(w * w)
		ix.sw[t] = termWeight{w * w, w}
	}
	for k := range ix.kindW {
		ix.kindW[k] = kindWeight(corpus.NameKind(k))
	}
	ix.idMask = math.MaxUint32
	if headsHold(len(ix.names), len(ix.codes)) {
		ix.idMask = headIDMask
	}
	fill := append([]uint32(nil), postOff...)
	for i := range ix.names {
		n := &ix.names[i]
		if n.nterm == 0 {
			continue
		}
		t := rare[i]
		ix.postCount[t]++
		o := fill[t]
		post[o+1] = uint32(n.kind)<<24 | uint32(ix.codes[n.code].sys)<<16 | uint32(n.nterm)
		buf = ix.appendTerms(buf[:0], n)
		var norm2 float64
		for _, term := range buf {
			norm2 += ix.sw[term].sq // matchTerms' order and values
		}
		ix.layHead(post, o, i) // name id, code and text
		post[o+3], post[o+4] = uint32(math.Float64bits(norm2)), uint32(math.Float64bits(norm2)>>32)
		o += recordHead
		n.terms = o // read above from the old layout or nameTerm
		body := post[o : o+uint32(n.nterm)]
		for j, term := range buf {
			if pack {
				term |= packWeight(ix.w2[term])
			}
			body[j] = term
		}
		if pack {
			slices.SortFunc(body, func(a, b uint32) int {
				if ix.rarer(a&packTerm, b&packTerm) {
					return -1
				}
				return 1
			})
			copy(post[o+uint32(n.nterm):], buf)
		}
		fill[t] = o + per*uint32(n.nterm)
	}
	ix.post, ix.postOff, ix.postTerm, ix.recordTerms = post, postOff, postTerm, per
	ix.nameTerm = nil
	ix.pairs = nil
	if pack && pairsFit(len(ix.termStr)) {
		ix.pairs = &pairSet{}
		ix.pairLists(loosePairs) // now: every search of an engine's coverage reads them
	}
}

// recordHead is the number of words before a posting record's terms.
const recordHead = 6

// recordNorm is the norm² a posting record's head holds (layPostings):
// the exact Σ w² of its terms in name order, score's and the bounds'.
func recordNorm(rec []uint32) float64 {
	_ = rec[4] // one bounds check
	return math.Float64frombits(uint64(rec[3]) | uint64(rec[4])<<32)
}

// recordLen is the number of words of a posting record of n terms.
func (ix *Index) recordLen(n uint32) uint32 { return recordHead + ix.recordTerms*n }

// A packed posting record's term word holds the term id in its low
// packShift bits and the top half of its w²'s float32 bits above them
// (packWeight).
const (
	packShift = 16
	packTerm  = 1<<packShift - 1
)

// packWeight is the top half of w2's float32 bits, in place above a term
// word's packShift bits: the float32 w2 with its low mantissa bits
// cleared, for a non-negative w2 a value no larger (a bound's missed
// weight summed from it is never more than the exact one's), within
// 2^-7 of it. wordWeight reads it back.
func packWeight(w2 float32) uint32 { return math.Float32bits(w2) &^ packTerm }

// wordWeight is the w² bound a packed term word holds (packWeight).
func wordWeight(tw uint32) float64 { return float64(math.Float32frombits(tw &^ packTerm)) }

// rarest picks the most informative term of a name (ties by id).
func (ix *Index) rarest(terms []uint32) uint32 {
	best := terms[0]
	for _, t := range terms[1:] {
		if ix.rarer(t, best) {
			best = t
		}
	}
	return best
}

func (ix *Index) rarer(a, b uint32) bool {
	if ix.weight[a] != ix.weight[b] {
		return ix.weight[a] > ix.weight[b]
	}
	return a < b
}

// arenaBuilder lays strings end to end for an index arena.
type arenaBuilder struct{ b []byte }

// add appends s and returns where it lies.
func (a *arenaBuilder) add(s string) span {
	sp := span{off: uint32(len(a.b)), len: uint32(len(s))}
	a.b = append(a.b, s...)
	return sp
}

// Essential returns a title without its parenthesised and bracketed words
// ("Obstructive sleep apnea (adult) (pediatric)" -> "Obstructive sleep
// apnea"), which the Tabular List marks as nonessential, or "" when the
// title has none or nothing else.
func Essential(title string) string {
	if !strings.ContainsAny(title, "([") {
		return ""
	}
	out := corpus.WithoutBracketed(title)
	out = strings.ReplaceAll(out, " ,", ",")
	out = strings.Trim(out, " ,;")
	if out == "" || out == title {
		return ""
	}
	return out
}

// WithoutVariants returns an Alphabetic Index path without the variant
// forms its main term lists after itself ("Atrophy, atrophic, thymus" ->
// "Atrophy, thymus"; "Polyp, polypus" -> "Polyp"): the Index writes
// "Atrophy, atrophic" for "atrophy or atrophic", and a note says one of
// them. A variant is a single lower-case word sharing its first letters
// with the main term and differing only in an ending of at most five
// letters ("Pneumonia, Pneumocystis" names an organism, not a variant). It
// returns "" when the path has no variant.
func WithoutVariants(path string) string {
	parts := strings.Split(path, ", ")
	if len(parts) < 2 || strings.Contains(parts[0], " ") {
		return ""
	}
	head := strings.ToLower(parts[0])
	k := 1
	for k < len(parts) && variantOf(head, parts[k]) {
		k++
	}
	if k == 1 {
		return ""
	}
	return strings.Join(append([]string{parts[0]}, parts[k:]...), ", ")
}

// variantOf reports whether w is a morphological variant of the lower-case
// head ("atrophic" of "atrophy", "painful" of "pain").
func variantOf(head, w string) bool {
	if w == "" || strings.ContainsAny(w, " -'") || strings.ToLower(w) != w {
		return false
	}
	n := 0
	for n < len(head) && n < len(w) && head[n] == w[n] {
		n++
	}
	return n >= 4 && len(head)-n <= 5 && len(w)-n <= 5
}
