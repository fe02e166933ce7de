package nlp

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

// synonymsFile is the built-in synonym table; its format is described in
// its own header comment.
//
//go:embed synonyms.txt
var synonymsFile string

const synonymsName = "nlp/synonyms.txt"

// synonym is what a canonical stem expands to: extra words after a single
// word, and phrases starting with it.
type synonym struct {
	words   []word   // Expanded terms after the word itself ("cancer" -> malignant, neoplasm)
	line    int      // line of words in the table
	phrases []phrase // multi-word sources starting with the word, longest first
}

// phrase is a multi-word source: the stems of the tokens after the first
// and the words it expands to.
type phrase struct {
	rest  []string
	words []word
}

// synLine is one parsed line of the synonym file.
type synLine struct {
	line    int
	sources []string
	expand  bool // "+": expansion; "=": canonicalisation
	target  string
}

// parseSynonyms reads the synonym format (see synonyms.txt) and installs
// it into the pipeline's vocabulary: canonical stems first, so expansion
// words and later dictionary words already carry them, then expansions.
// name is used in error messages.
func (p *Pipeline) parseSynonyms(name, src string) error {
	var lines []synLine
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || l[0] == '#' {
			continue
		}
		i := strings.IndexAny(l, "=+")
		if i < 0 {
			return fmt.Errorf("nlp: %s:%d: want \"source, source = canonical\" or \"source + expansion\"", name, n)
		}
		sl := synLine{line: n, expand: l[i] == '+', target: strings.TrimSpace(l[i+1:])}
		if sl.target == "" || strings.ContainsAny(sl.target, "=+") {
			return fmt.Errorf("nlp: %s:%d: want one target after %q", name, n, l[i:i+1])
		}
		for _, s := range strings.Split(l[:i], ",") {
			if s = strings.TrimSpace(s); s == "" {
				return fmt.Errorf("nlp: %s:%d: empty source", name, n)
			}
			sl.sources = append(sl.sources, s)
		}
		lines = append(lines, sl)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("nlp: %s: %w", name, err)
	}
	v := p.vocab
	// Canonical stems.
	for _, sl := range lines {
		if sl.expand {
			continue
		}
		target, err := p.singleNorm(sl.target)
		if err != nil {
			return fmt.Errorf("nlp: %s:%d: canonical %w", name, sl.line, err)
		}
		if _, ok := v.stop[target]; ok {
			return fmt.Errorf("nlp: %s:%d: canonical %q is a stop word", name, sl.line, target)
		}
		for _, s := range sl.sources {
			norm, err := p.singleNorm(s)
			if err != nil {
				return fmt.Errorf("nlp: %s:%d: source %w", name, sl.line, err)
			}
			if _, ok := v.stop[norm]; ok {
				return fmt.Errorf("nlp: %s:%d: source %q is a stop word", name, sl.line, norm)
			}
			if _, dup := v.canon[norm]; dup {
				return fmt.Errorf("nlp: %s:%d: source %q already has a canonical form", name, sl.line, norm)
			}
			if norm == target {
				return fmt.Errorf("nlp: %s:%d: source %q is its own canonical form", name, sl.line, norm)
			}
			v.canon[norm] = v.stemOf(target)
		}
	}
	for _, sl := range lines {
		if sl.expand {
			continue
		}
		target, _ := p.singleNorm(sl.target)
		if _, chained := v.canon[target]; chained {
			return fmt.Errorf("nlp: %s:%d: canonical %q is itself a source; name its canonical form instead", name, sl.line, target)
		}
	}
	// Expansions, keyed by the canonical stem of the (first) source word.
	for _, sl := range lines {
		if !sl.expand {
			continue
		}
		var words []word
		for _, t := range p.tokenize(sl.target, nil) {
			if w := v.add(string(foldInto(nil, sl.target[t.start:t.end], t.dotted))); !w.stop {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			return fmt.Errorf("nlp: %s:%d: expansion %q has only stop words", name, sl.line, sl.target)
		}
		for _, s := range sl.sources {
			raw := p.tokenize(s, nil)
			if len(raw) == 0 {
				return fmt.Errorf("nlp: %s:%d: source %q has no word", name, sl.line, s)
			}
			stems := make([]string, len(raw))
			for k, t := range raw {
				w := v.add(string(foldInto(nil, s[t.start:t.end], t.dotted)))
				if k == 0 && w.stop {
					return fmt.Errorf("nlp: %s:%d: source %q starts with a stop word", name, sl.line, s)
				}
				stems[k] = w.stem
			}
			e := v.syn[stems[0]]
			if e == nil {
				e = &synonym{}
				v.syn[stems[0]] = e
			}
			if len(raw) == 1 {
				if e.words != nil && e.line != sl.line {
					return fmt.Errorf("nlp: %s:%d: source %q already has an expansion (line %d)", name, sl.line, s, e.line)
				}
				e.words, e.line = words, sl.line
				continue
			}
			ph := phrase{rest: stems[1:], words: words}
			k := 0
			for k < len(e.phrases) && len(e.phrases[k].rest) >= len(ph.rest) {
				k++
			}
			e.phrases = append(e.phrases[:k], append([]phrase{ph}, e.phrases[k:]...)...)
		}
	}
	v.linkSynonyms()
	return nil
}

// singleNorm returns the normalised form of s, which must be one token.
func (p *Pipeline) singleNorm(s string) (string, error) {
	raw := p.tokenize(s, nil)
	if len(raw) != 1 || raw[0].start != 0 || raw[0].end != len(s) {
		return "", fmt.Errorf("%q is not a single word", s)
	}
	return string(foldInto(nil, s, raw[0].dotted)), nil
}

// phraseJoin reports whether the bytes between two tokens of a phrase join
// them: spaces and tabs, or one hyphen ("heart attack", "heart-attack"). A
// line break or punctuation ends the phrase, so it never spans sentences.
func phraseJoin(gap string) bool {
	if gap == "-" {
		return true
	}
	if gap == "" {
		return false
	}
	for i := 0; i < len(gap); i++ {
		if gap[i] != ' ' && gap[i] != '\t' {
			return false
		}
	}
	return true
}

// matchPhrase returns the longest phrase of e starting at token i and the
// index of its last token, or nil.
func (e *synonym) matchPhrase(text string, toks []Token, i int) (*phrase, int) {
	for k := range e.phrases {
		ph := &e.phrases[k]
		end := i + len(ph.rest)
		if end >= len(toks) {
			continue
		}
		ok := true
		for j, st := range ph.rest {
			a, b := &toks[i+j], &toks[i+j+1]
			if b.Stem != st || !phraseJoin(text[a.End:b.Start]) {
				ok = false
				break
			}
		}
		if ok {
			return ph, end
		}
	}
	return nil, 0
}
