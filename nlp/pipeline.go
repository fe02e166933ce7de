package nlp

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"medcode/internal/textmemo"
)

// analysisVersion changes whenever tokenization, normalisation, stemming or
// term generation change in a way the dictionaries do not show.
const analysisVersion = "medcode-nlp/4"

// Options configure a Pipeline. The zero value is the default analysis:
// stemming on, built-in abbreviation dictionary and synonym table on.
type Options struct {
	NoStemming         bool              // Stem = Norm
	NoAbbreviations    bool              // no abbreviation expansion at all
	NoSynonyms         bool              // no canonical synonyms ("renal" keeps its stem) and no synonym expansions
	NoCompounds        bool              // bound prefixes stay words of their own ("pre-eclampsia" is pre, eclampsia)
	ExtraAbbreviations map[string]string // site additions: "ABC" -> "expansion words"; they replace a built-in entry with the same key
}

// Pipeline analyses text. It is immutable after New and safe for
// concurrent use.
type Pipeline struct {
	opts    Options
	vocab   *vocab
	abbr    map[string]*abbreviation
	slash   map[string]struct{} // slash abbreviations the tokenizer keeps whole ("h/o")
	hyphen  map[string]struct{} // hyphenated abbreviations the tokenizer keeps whole ("IBS-D")
	headers map[string]SectionKind
	heads   headStarts // what the headers start with (headstart.go)
	trig    *triggerTrie
	hash    string
	scratch sync.Pool // *scratch for Terms
	// terms remembers Terms of short texts (code names the suggest rules
	// read for every note).
	terms textmemo.Memo[[]Term]
}

// Bounds of the Terms memo: texts of up to 200 bytes, at most 16 k of
// them (a few megabytes).
const (
	termsMemoLen = 200
	termsMemoMax = 1 << 14
)

// scratch holds per-call buffers reused across calls.
type scratch struct {
	raw  []rawToken
	toks []Token
	lex  []lex // per token: dictionary entries
	secs []Section
	buf  []byte  // the tokens' folded forms (tokenizeFold)
	look []*word // the tokens' candidate words (makeTokens)
	// sents are the tokens' sentences (sentences), which assert reads
	// rather than the Tokens.
	sents []int32
	// secFirst is the first token of each section and, last, the number
	// of tokens (makeTokens): assert reads a section's tokens without
	// searching them.
	secFirst []int32
	ix       termIndex // where each token's terms are (makeTerms)
	marked   []uint64  // the tokens assert flagged, a bit each
	// touched keeps touchWords' result, so that its loads stay.
	touched int
	ms      []match // assert's triggers of a sentence
}

// termIndex is where makeTerms put each token's terms, so that assert
// gives the flags of a token to its terms without reading all the terms.
type termIndex struct {
	first   []int32 // token i's terms are terms[first[i]:first[i+1]]; the last is the number of terms
	negated []int32 // the tokens, in order, of an abbreviation whose expansion is negated ("NKDA")
	attr    []int32 // the terms, in order, of words of attributes' switch (senseAttribute)
}

// lex is what the dictionaries know of one token.
type lex struct {
	abbr   *abbreviation // nil unless a dictionary abbreviation
	syn    *synonym      // nil unless the token's stem has synonym expansions
	trig   *triggerNode  // the trigger trie's node of the token's form, when an assertion trigger may start with it
	prefix boundPrefix   // the token is a bound prefix of compounds
	tw     uint16        // the token's trigger id (triggerTrie.ids), 0 if its form continues no trigger
}

// New builds a Pipeline: it parses and analyses the dictionaries once.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{
		opts:    opts,
		vocab:   newVocab(opts.NoStemming),
		abbr:    make(map[string]*abbreviation, 512),
		slash:   make(map[string]struct{}),
		hyphen:  make(map[string]struct{}),
		headers: sectionHeaders,
	}
	p.heads = newHeadStarts(p.headers)
	p.scratch.New = func() any { return new(scratch) }
	h := sha256.New()
	fmt.Fprintf(h, "%s\nstem=%t abbr=%t syn=%t\n", analysisVersion, !opts.NoStemming, !opts.NoAbbreviations, !opts.NoSynonyms)
	if !opts.NoCompounds {
		fmt.Fprintf(h, "compounds %v\n", boundPrefixes) // maps print sorted
	}
	h.Write([]byte(strings.Join(stopWords, " ")))
	for _, w := range stopWords {
		p.vocab.add(w)
	}
	if !opts.NoSynonyms {
		// First, so abbreviation expansions carry canonical stems.
		h.Write([]byte(synonymsFile))
		if err := p.parseSynonyms(synonymsName, synonymsFile); err != nil {
			return nil, err
		}
	}
	if !opts.NoAbbreviations {
		h.Write([]byte(abbreviationsFile))
		if err := p.parseAbbreviations(abbreviationsName, abbreviationsFile, p.abbr); err != nil {
			return nil, err
		}
		keys := make([]string, 0, len(opts.ExtraAbbreviations))
		for k := range opts.ExtraAbbreviations {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		extra := make(map[string]*abbreviation, len(keys))
		for _, k := range keys {
			fmt.Fprintf(h, "extra %q %q\n", k, opts.ExtraAbbreviations[k])
			if err := p.addSense(sense{key: strings.TrimSpace(k), expansion: strings.TrimSpace(opts.ExtraAbbreviations[k])}, extra); err != nil {
				return nil, fmt.Errorf("nlp: extra abbreviation %q: %w", k, err)
			}
		}
		for norm, a := range extra {
			p.abbr[norm] = a
		}
	}
	for norm, a := range p.abbr {
		w := p.vocab.add(norm)
		w.setAbbr(a)
		p.vocab.fixed[norm] = w
	}
	if !opts.NoCompounds {
		for _, a := range p.abbr {
			for j := range a.senses {
				a.senses[j].words = p.joinWords(a.senses[j].words)
			}
		}
	}
	p.trig = newTriggerTrie(p)
	p.vocab.setTriggers(p.trig.root.next, p.trig.ids)
	p.vocab.seal()
	p.hash = hex.EncodeToString(h.Sum(nil))
	return p, nil
}

// Hash identifies the analysis: the version constant, the options and the
// contents of the stop list, synonym table and abbreviation dictionaries. An index built
// with one hash must not be queried with a pipeline of another.
func (p *Pipeline) Hash() string { return p.hash }

// Options returns the options the pipeline was built with.
func (p *Pipeline) Options() Options { return p.opts }

// Analyze runs the full analysis of text.
func (p *Pipeline) Analyze(text string) *Document {
	return p.AnalyzeInto(new(Document), text)
}

// AnalyzeInto is Analyze reusing the storage of d's slices (tokens,
// terms, sections, sentences, assertions, abbreviations, attributes),
// which it overwrites and returns: a caller analysing note after note
// with one Document allocates little. Nothing of d's previous analysis
// survives, and a slice left empty is nil, as Analyze leaves it.
func (p *Pipeline) AnalyzeInto(d *Document, text string) *Document {
	*d = Document{Text: text, Tokens: d.Tokens[:0], Terms: d.Terms[:0], Sections: d.Sections[:0],
		Sentences: d.Sentences[:0], Assertions: d.Assertions[:0], Abbreviations: d.Abbreviations[:0], Attributes: d.Attributes[:0]}
	s := p.scratch.Get().(*scratch)
	s.raw, s.buf = p.tokenizeFold(text, s.raw[:0], s.buf[:0])
	d.Sections = p.findSections(text, d.Sections)
	d.Tokens, d.senses = p.makeTokens(text, s, d.Sections, d.Tokens, &d.Sentences)
	d.senses |= sensesKnown
	d.Terms = p.makeTerms(text, d.Tokens, s.lex, d.Sections, slices.Grow(d.Terms, len(d.Tokens)*3/2+8), &d.Abbreviations, &s.ix, true)
	p.assert(d, s)
	d.Attributes = attributes(d, d.Attributes, s.ix.attr)
	p.scratch.Put(s)
	d.Sentences = nilIfEmpty(d.Sentences)
	d.Assertions = nilIfEmpty(d.Assertions)
	d.Abbreviations = nilIfEmpty(d.Abbreviations)
	d.Attributes = nilIfEmpty(d.Attributes)
	return d
}

// nilIfEmpty returns s, or nil when s is empty: a reused Document's
// empty slices are nil, as a fresh analysis leaves them.
func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Terms returns the term stream of Analyze(text).Terms with Sent, Section
// and Assert zero. It skips sentences, assertions and attributes and reuses
// buffers, so it is cheap enough for every code name at index build time.
// Short texts' terms are remembered (bounded) and the result is shared:
// the caller reads it and must not modify its elements (its capacity is
// its length, so an append copies). Every caller only reads the terms,
// so no call pays a copy.
func (p *Pipeline) Terms(text string) []Term {
	if len(text) > termsMemoLen {
		return p.terms1(text)
	}
	if v, ok := p.terms.Get(text); ok {
		return v
	}
	t := slices.Clip(p.terms1(text))
	p.terms.Put(text, t, termsMemoMax)
	return t
}

// TermsOnce is Terms without the memo: for texts read once (a code
// set's titles read into a table), which would only crowd out the texts
// read again. The caller owns the result.
func (p *Pipeline) TermsOnce(text string) []Term { return p.terms1(text) }

// terms1 is Terms, analysing text.
func (p *Pipeline) terms1(text string) []Term {
	s := p.scratch.Get().(*scratch)
	s.raw, s.buf = p.tokenizeFold(text, s.raw[:0], s.buf[:0])
	s.secs = p.findSections(text, s.secs[:0])
	s.toks, _ = p.makeTokens(text, s, s.secs, s.toks[:0], nil)
	terms := p.makeTerms(text, s.toks, s.lex, s.secs, make([]Term, 0, len(s.toks)+2), nil, &s.ix, false)
	p.scratch.Put(s)
	return terms
}

// makeTokens normalises s.raw's tokens, folded into s.buf
// (tokenizeFold), into dst, writing them in place, each with the index of
// its section in secs (the sections of text, in order); s.lex receives
// each token's dictionary entries (none for list markers). It also
// returns the sense words the tokens hold. It reads the vocabulary's
// slots for all the tokens before it reads any word (vocab.candidate), so
// that the words' cache misses overlap. With spans not nil, it splits the
// tokens into sentences (sentences), whose spans it stores in *spans
// (reused) and the tokens' in s.sents and Token.Sent; with spans nil,
// Sent is 0. With spans not nil, s.secFirst receives the first token
// of each section.
func (p *Pipeline) makeTokens(text string, s *scratch, secs []Section, dst []Token, spans *[]Span) ([]Token, senseWords) {
	var senses senseWords
	raw, buf := s.raw, s.buf
	if cap(buf)-len(buf) < 8 {
		buf = slices.Grow(buf, 8) // room to read a short form's head (spells)
	}
	v := p.vocab
	look := slices.Grow(s.look[:0], len(raw))[:len(raw)]
	v.candidates(raw, look)
	s.look = look
	s.touched = touchWords(look)
	v.words(raw, buf, look)
	var sents []int32    // none: every Sent is 0
	var secFirst []int32 // none: not recorded
	if spans != nil {
		*spans, s.sents = p.sentences(text, raw, look, secs, *spans, s.sents)
		sents = s.sents
		secFirst = slices.Grow(s.secFirst[:0], len(secs)+1)[:len(secs)+1]
		for j := range secFirst {
			secFirst[j] = int32(len(raw)) // a section no token reaches
		}
		s.secFirst = secFirst
	}
	n0 := len(dst)
	dst = slices.Grow(dst, len(raw))[:n0+len(raw)]
	toks := dst[n0:]
	lexs := slices.Grow(s.lex[:0], len(raw))[:len(raw)]
	look, toks, lexs = look[:len(raw)], toks[:len(raw)], lexs[:len(raw)] // no bounds checks below
	sec := -1
	next := len(text) + 1 // the start of section sec+1
	if len(secs) > 0 {
		next = secs[0].Span.Start
	}
	for k := range raw {
		r, t, x := &raw[k], &toks[k], &lexs[k]
		w := look[k]
		senses |= w.sense
		for next <= r.start {
			sec++
			if sec < len(secFirst) {
				secFirst[sec] = int32(k)
			}
			next = len(text) + 1
			if sec+1 < len(secs) {
				next = secs[sec+1].Span.Start
			}
		}
		// Field by field: a composite literal is built on the stack and
		// copied.
		t.Start, t.End, t.Norm, t.Stem = r.start, r.end, w.norm, w.stem
		sent := 0
		if k < len(sents) {
			sent = int(sents[k])
		}
		t.Sent, t.Section, t.Assert, t.Stop, t.sense = sent, sec, 0, w.stop, w.sense
		x.trig, x.prefix, x.tw = w.trig, w.prefix, w.tw
		x.abbr, x.syn = nil, nil
		if e := w.ext; e != nil {
			x.abbr, x.syn = e.abbr, e.syn
		}
		if r.marker {
			// A list marker is a stop token, never an abbreviation.
			t.Stop, x.abbr, x.syn = true, nil, nil
		}
	}
	s.lex = lexs
	return dst, senses & senseGates
}

// makeTerms emits the term stream: one term per non-stop token; for an
// abbreviation, one expanded term per word of its chosen expansion (each
// followed by that word's synonym expansion); then the token's own synonym
// expansion and the longest synonym phrase starting at it. ix (reused)
// receives where each token's terms are. With full set, terms carry Sent
// and Section and abbreviations are recorded.
func (p *Pipeline) makeTerms(text string, toks []Token, lexs []lex, secs []Section, dst []Term, abbrs *[]Abbreviation, ix *termIndex, full bool) []Term {
	lexs = lexs[:len(toks)] // no bounds checks below
	ix.first = slices.Grow(ix.first[:0], len(toks)+1)[:len(toks)+1]
	ix.negated = ix.negated[:0]
	ix.attr = ix.attr[:0]
	first := ix.first[:len(toks)+1]
	for i := 0; i < len(toks); i++ {
		t, x := &toks[i], &lexs[i]
		first[i] = int32(len(dst))
		if x.prefix == 0 {
			// No compound starts here (the common case, without the call).
			if t.Stop && x.abbr == nil {
				continue // a stop word and no abbreviation: no term
			}
		} else if w, ok := p.compound(text, toks, lexs, i); ok {
			// "pre-eclampsia": one term, the joined word, over both tokens.
			n := &toks[i+1]
			first[i+1] = int32(len(dst)) // the compound's term is its word's
			term := Term{Stem: w.stem, Norm: w.norm, Start: t.Start, End: n.End, Tok: i + 1}
			if full {
				term.Sent, term.Section = n.Sent, n.Section
			}
			if w.sense&senseAttribute != 0 {
				ix.attr = append(ix.attr, int32(len(dst)))
			}
			dst = append(dst, term)
			if syn := w.synonyms(); syn != nil {
				e := term
				e.Expanded = true
				dst = appendWords(dst, e, syn.words, &ix.attr)
			}
			i++
			continue
		}
		var s *sense
		if a := x.abbr; a != nil {
			var kind SectionKind
			if t.Section >= 0 {
				kind = secs[t.Section].Kind
			}
			s = a.resolve(text, toks, i, kind)
		}
		if s == nil && t.Stop {
			continue
		}
		if s != nil {
			t.Stop = false
		}
		// The term is written in place, field by field: a composite
		// literal appended is built on the stack and copied.
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 1)
		}
		dst = dst[:len(dst)+1]
		tm := &dst[len(dst)-1]
		tm.Stem, tm.Norm, tm.Start, tm.End, tm.Tok = t.Stem, t.Norm, t.Start, t.End, i
		tm.Sent, tm.Section, tm.Assert, tm.Expanded = 0, 0, 0, false
		if full {
			tm.Sent, tm.Section = t.Sent, t.Section
		}
		if t.sense&senseAttribute != 0 {
			ix.attr = append(ix.attr, int32(len(dst)-1))
		}
		if s == nil && x.syn == nil {
			continue
		}
		term := *tm
		if s != nil {
			if abbrs != nil {
				*abbrs = append(*abbrs, Abbreviation{Span: Span{t.Start, t.End}, Expansion: s.expansion})
			}
			e := term
			e.Expanded = true
			if full && s.negated {
				e.Assert = Negated // "NKDA": no known drug allergies
				ix.negated = append(ix.negated, int32(i))
			}
			// Each word's term, then the words of its own synonym
			// expansion ("CA" -> cancer -> malignant, neoplasm).
			for k := range s.words {
				w := &s.words[k]
				e.Stem, e.Norm = w.stem, w.norm
				if w.sense&senseAttribute != 0 {
					ix.attr = append(ix.attr, int32(len(dst)))
				}
				dst = append(dst, e)
				if syn := w.synonyms(); syn != nil {
					dst = appendWords(dst, e, syn.words, &ix.attr)
				}
			}
		}
		syn := x.syn
		if syn == nil {
			continue
		}
		e := term
		e.Expanded = true
		dst = appendWords(dst, e, syn.words, &ix.attr)
		if ph, last := syn.matchPhrase(text, toks, i); ph != nil {
			e.End = toks[last].End
			dst = appendWords(dst, e, ph.words, &ix.attr)
		}
	}
	first[len(toks)] = int32(len(dst))
	return dst
}

// appendWords appends one expanded term per word, each a copy of e; it
// lists the terms of words of attributes' switch in *attr.
func appendWords(dst []Term, e Term, words []word, attr *[]int32) []Term {
	for _, w := range words {
		e.Stem, e.Norm = w.stem, w.norm
		if w.sense&senseAttribute != 0 {
			*attr = append(*attr, int32(len(dst)))
		}
		dst = append(dst, e)
	}
	return dst
}
