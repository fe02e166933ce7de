package nlp

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

// abbreviationsFile is the built-in dictionary; its format is described in
// its own header comment.
//
//go:embed abbreviations.txt
var abbreviationsFile string

const abbreviationsName = "nlp/abbreviations.txt"

// sense is one reading of an abbreviation.
type sense struct {
	key       string // spelling as written in the dictionary
	anyCase   bool   // key was all lower case: match in any case
	strict    bool   // an English word in capitals: needs a non-capital neighbour
	expansion string
	sections  []SectionKind
	cues      []string
	words     []word // analysed expansion, stop words removed
	negated   bool   // expansion starts with "no"/"without": its words are negated
}

// abbreviation gathers the senses sharing one normalised form.
type abbreviation struct {
	senses []sense
}

// parseAbbreviations reads the dictionary format into entries keyed by the
// normalised key. name is used in error messages.
func (p *Pipeline) parseAbbreviations(name, src string, into map[string]*abbreviation) error {
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" || l[0] == '#' {
			continue
		}
		parts := strings.Split(l, "|")
		if len(parts) < 2 {
			return fmt.Errorf("nlp: %s:%d: want \"KEY | expansion\"", name, line)
		}
		s := sense{key: strings.TrimSpace(parts[0]), expansion: strings.TrimSpace(parts[1])}
		for _, f := range parts[2:] {
			f = strings.TrimSpace(f)
			switch {
			case f == "strict":
				s.strict = true
			case strings.HasPrefix(f, "sections="):
				for _, k := range strings.Split(strings.TrimPrefix(f, "sections="), ",") {
					s.sections = append(s.sections, SectionKind(strings.TrimSpace(k)))
				}
			case strings.HasPrefix(f, "cues="):
				for _, c := range strings.Split(strings.TrimPrefix(f, "cues="), ",") {
					if c = strings.TrimSpace(c); c != "" {
						s.cues = append(s.cues, c)
					}
				}
			default:
				return fmt.Errorf("nlp: %s:%d: unknown field %q", name, line, f)
			}
		}
		if err := p.addSense(s, into); err != nil {
			return fmt.Errorf("nlp: %s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

// addSense validates and analyses one sense and merges it into the table.
func (p *Pipeline) addSense(s sense, into map[string]*abbreviation) error {
	if s.key == "" || s.expansion == "" {
		return fmt.Errorf("empty key or expansion")
	}
	s.anyCase = strings.ToLower(s.key) == s.key
	if strings.Contains(s.key, "/") {
		p.slash[strings.ToLower(s.key)] = struct{}{}
	}
	if strings.Contains(s.key, "-") {
		p.hyphen[strings.ToLower(s.key)] = struct{}{}
	}
	raw := p.tokenize(s.key, nil)
	if len(raw) != 1 || raw[0].start != 0 || raw[0].end != len(s.key) {
		return fmt.Errorf("key %q is not a single token", s.key)
	}
	norm := string(foldInto(nil, s.key, raw[0].dotted))
	for _, t := range p.tokenize(s.expansion, nil) {
		w := p.vocab.add(string(foldInto(nil, s.expansion[t.start:t.end], t.dotted)))
		if !w.stop {
			s.words = append(s.words, w)
		}
	}
	if len(s.words) == 0 {
		return fmt.Errorf("expansion %q has only stop words", s.expansion)
	}
	s.negated = s.words[0].norm == "no" || s.words[0].norm == "without"
	a := into[norm]
	if a == nil {
		a = &abbreviation{}
		into[norm] = a
	}
	for i := range a.senses {
		old := &a.senses[i]
		if old.expansion == s.expansion {
			// Same reading spelt twice (e.g. "dm" and "DM"): keep the
			// first position, widen the case rule, pool the context.
			old.anyCase = old.anyCase || s.anyCase
			old.strict = old.strict && s.strict
			old.sections = append(old.sections, s.sections...)
			old.cues = append(old.cues, s.cues...)
			return nil
		}
	}
	a.senses = append(a.senses, s)
	return nil
}

// caseMatches reports whether the surface form may be read as sense s.
func (s *sense) caseMatches(surface string) bool {
	if s.anyCase || surface == s.key {
		return true
	}
	for i := 0; i < len(surface); i++ {
		if c := surface[i]; 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// hasLower reports whether s holds an ASCII lower-case letter.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// abbreviationWindow is how many tokens each side are searched for cues.
const abbreviationWindow = 8

// resolve picks the sense of the abbreviation at token i, or nil when no
// sense fits the spelling. kinds gives the section kind of each token.
func (a *abbreviation) resolve(text string, toks []Token, i int, kind SectionKind) *sense {
	surface := text[toks[i].Start:toks[i].End]
	var best *sense
	bestScore := -1
	var heads headSet // windowHeads, once a sense has cues
	headsSet := false
	for k := range a.senses {
		s := &a.senses[k]
		if !s.caseMatches(surface) {
			continue
		}
		if s.strict && !(i > 0 && hasLower(text[toks[i-1].Start:toks[i-1].End]) ||
			i+1 < len(toks) && hasLower(text[toks[i+1].Start:toks[i+1].End])) {
			continue
		}
		score := 0
		if len(a.senses) > 1 {
			if surface == s.key && !s.anyCase && hasLower(s.key) {
				score += 2 // an exact mixed-case spelling ("PsA", not "PSA")
			}
			for _, sk := range s.sections {
				if sk == kind {
					score += 3
					break
				}
			}
			if len(s.cues) > 0 {
				if !headsSet {
					windowHeads(&heads, toks, i)
					headsSet = true
				}
				score += cueScore(s.cues, toks, i, &heads)
			}
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// cueScore counts the cues found as prefixes of tokens near i; heads
// is windowHeads(toks, i). A cue is never empty (parseAbbreviations
// drops empty ones): a cue whose head (headOf) starts no token of the
// window is passed over without reading the tokens, and a token whose
// first byte is not the cue's is passed over without comparing them.
func cueScore(cues []string, toks []Token, i int, heads *headSet) int {
	lo, hi := max(0, i-abbreviationWindow), min(len(toks), i+abbreviationWindow+1)
	n := 0
	for _, c := range cues {
		if !heads.has(headOf(c)) {
			continue
		}
		for j := lo; j < hi; j++ {
			if t := toks[j].Norm; j != i && len(t) >= len(c) && t[0] == c[0] && t[:len(c)] == c {
				n++
				break
			}
		}
	}
	return n
}

// headSet is a set of heads (headOf), one bit each: the heads of the
// tokens of a cue window (windowHeads). Two heads may share a bit, which
// only costs a search.
type headSet [4]uint64

// headOf is the head of s, a string that is not empty: a number of its
// first two bytes, or of its only one, below 256.
func headOf(s string) uint8 {
	if len(s) == 1 {
		return s[0]
	}
	return s[0]<<3 ^ s[1]
}

// has reports whether h is in the set.
func (m *headSet) has(h uint8) bool { return m[h>>6]&(1<<(h&63)) != 0 }

// add puts h into the set.
func (m *headSet) add(h uint8) { m[h>>6] |= 1 << (h & 63) }

// windowHeads sets m to the heads of the tokens cueScore searches around
// i: of a token's first byte and of its first two, so that a cue of
// either length starting it finds its own.
func windowHeads(m *headSet, toks []Token, i int) {
	*m = headSet{}
	lo, hi := max(0, i-abbreviationWindow), min(len(toks), i+abbreviationWindow+1)
	for j := lo; j < hi; j++ {
		if t := toks[j].Norm; j != i && len(t) > 0 {
			m.add(headOf(t[:1]))
			if len(t) > 1 {
				m.add(headOf(t[:2]))
			}
		}
	}
}
