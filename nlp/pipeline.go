package nlp

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// analysisVersion changes whenever tokenization, normalisation, stemming or
// term generation change in a way the dictionaries do not show.
const analysisVersion = "medcode-nlp/1"

// Options configure a Pipeline. The zero value is the default analysis:
// stemming on, built-in abbreviation dictionary on.
type Options struct {
	NoStemming         bool              // Stem = Norm
	NoAbbreviations    bool              // no abbreviation expansion at all
	ExtraAbbreviations map[string]string // site additions: "ABC" -> "expansion words"; they replace a built-in entry with the same key
}

// Pipeline analyses text. It is immutable after New and safe for
// concurrent use.
type Pipeline struct {
	opts    Options
	vocab   *vocab
	abbr    map[string]*abbreviation
	slash   map[string]struct{} // slash abbreviations the tokenizer keeps whole ("h/o")
	headers map[string]SectionKind
	trig    *triggerTrie
	hash    string
	scratch sync.Pool // *scratch for Terms
}

// scratch holds per-call buffers reused across calls.
type scratch struct {
	raw   []rawToken
	toks  []Token
	abbrs []*abbreviation // per token, nil unless a dictionary abbreviation
	secs  []Section
	buf   []byte
}

// New builds a Pipeline: it parses and analyses the dictionaries once.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{
		opts:    opts,
		vocab:   newVocab(opts.NoStemming),
		abbr:    make(map[string]*abbreviation, 512),
		slash:   make(map[string]struct{}),
		headers: sectionHeaders,
	}
	p.scratch.New = func() any { return new(scratch) }
	h := sha256.New()
	fmt.Fprintf(h, "%s\nstem=%t abbr=%t\n", analysisVersion, !opts.NoStemming, !opts.NoAbbreviations)
	h.Write([]byte(strings.Join(stopWords, " ")))
	for _, w := range stopWords {
		p.vocab.add(w)
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
		w.abbr = a
		p.vocab.fixed[norm] = w
	}
	p.trig = newTriggerTrie(p)
	p.hash = hex.EncodeToString(h.Sum(nil))
	return p, nil
}

// Hash identifies the analysis: the version constant, the options and the
// contents of the stop list and abbreviation dictionaries. An index built
// with one hash must not be queried with a pipeline of another.
func (p *Pipeline) Hash() string { return p.hash }

// Options returns the options the pipeline was built with.
func (p *Pipeline) Options() Options { return p.opts }

// Analyze runs the full analysis of text.
func (p *Pipeline) Analyze(text string) *Document {
	d := &Document{Text: text}
	s := p.scratch.Get().(*scratch)
	s.raw = p.tokenize(text, s.raw[:0])
	d.Tokens, s.abbrs, s.buf = p.makeTokens(text, s.raw, make([]Token, 0, len(s.raw)), s.abbrs[:0], s.buf)
	d.Sections = p.findSections(text, nil)
	assignSections(d.Tokens, d.Sections)
	d.Sentences = p.sentences(text, s.raw, d.Tokens, d.Sections)
	d.Terms = p.makeTerms(text, d.Tokens, s.abbrs, d.Sections, make([]Term, 0, len(d.Tokens)*3/2+8), &d.Abbreviations, true)
	p.scratch.Put(s)
	p.assert(d)
	d.Attributes = attributes(d)
	return d
}

// Terms returns the term stream of Analyze(text).Terms with Sent, Section
// and Assert zero. It skips sentences, assertions and attributes and reuses
// buffers, so it is cheap enough for every code name at index build time.
func (p *Pipeline) Terms(text string) []Term {
	s := p.scratch.Get().(*scratch)
	s.raw = p.tokenize(text, s.raw[:0])
	s.toks, s.abbrs, s.buf = p.makeTokens(text, s.raw, s.toks[:0], s.abbrs[:0], s.buf)
	s.secs = p.findSections(text, s.secs[:0])
	assignSections(s.toks, s.secs)
	terms := p.makeTerms(text, s.toks, s.abbrs, s.secs, make([]Term, 0, len(s.toks)+2), nil, false)
	p.scratch.Put(s)
	return terms
}

// makeTokens normalises raw tokens; abbrs receives each token's
// dictionary entry (nil for list markers and ordinary words).
func (p *Pipeline) makeTokens(text string, raw []rawToken, dst []Token, abbrs []*abbreviation, buf []byte) ([]Token, []*abbreviation, []byte) {
	for _, r := range raw {
		buf = foldInto(buf[:0], text[r.start:r.end], r.dotted)
		w := p.vocab.lookup(buf)
		dst = append(dst, Token{Start: r.start, End: r.end, Norm: w.norm, Stem: w.stem, Stop: w.stop || r.marker, Section: -1})
		if r.marker {
			w.abbr = nil
		}
		abbrs = append(abbrs, w.abbr)
	}
	return dst, abbrs, buf
}

// assignSections sets Token.Section.
func assignSections(toks []Token, secs []Section) {
	s := -1
	for i := range toks {
		for s+1 < len(secs) && secs[s+1].Span.Start <= toks[i].Start {
			s++
		}
		toks[i].Section = s
	}
}

// makeTerms emits the term stream: one term per non-stop token and, for an
// abbreviation, one expanded term per word of its chosen expansion. With
// full set, terms carry Sent and Section and abbreviations are recorded.
func (p *Pipeline) makeTerms(text string, toks []Token, tokAbbr []*abbreviation, secs []Section, dst []Term, abbrs *[]Abbreviation, full bool) []Term {
	for i := range toks {
		t := &toks[i]
		var s *sense
		if a := tokAbbr[i]; a != nil {
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
		term := Term{Stem: t.Stem, Norm: t.Norm, Start: t.Start, End: t.End, Tok: i}
		if full {
			term.Sent, term.Section = t.Sent, t.Section
		}
		dst = append(dst, term)
		if s == nil {
			continue
		}
		if abbrs != nil {
			*abbrs = append(*abbrs, Abbreviation{Span: Span{t.Start, t.End}, Expansion: s.expansion})
		}
		for _, w := range s.words {
			e := term
			e.Stem, e.Norm, e.Expanded = w.stem, w.norm, true
			if full && s.negated {
				e.Assert = Negated // "NKDA": no known drug allergies
			}
			dst = append(dst, e)
		}
	}
	return dst
}
