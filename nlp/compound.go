package nlp

// Compounds of a bound prefix and a word are written three ways:
// "pre-eclampsia" (the ICD-10-CM titles), "preeclampsia" (most notes) and
// "pre eclampsia". Tokens follow the surface (a hyphen separates tokens),
// so the term stream joins them: a prefix token followed by its word, after
// one hyphen (or one space, for prefixes that are never words of their
// own), gives one term, the joined word, over both tokens' bytes, and the
// prefix gives none. "preeclampsia", "pre-eclampsia" and "pre eclampsia"
// then all yield the term of "preeclampsia", on the code names and on the
// notes alike.

// boundPrefixes join the word after a hyphen; the true ones join the word
// after one space too. "non-" is left out: it negates its word
// ("non-smoker", "non-painful"), which is the assertions' business, and
// the code names' "Non-Hodgkin", "non-ST" keep matching the notes' forms
// word by word.
var boundPrefixes = map[string]bool{
	"pre": true, "anti": true, "peri": true, "intra": true, "inter": true, "post": true,
	"co": false, "sub": false, "trans": false, "semi": false, "multi": false, "hyper": false, "hypo": false,
	"retro": false, "extra": false, "mid": false, "ultra": false,
}

// joinable reports whether w can be the word after a bound prefix: a word
// of at least three letters (a possessive too: "anti-Parkinson's"), no
// stop word and no abbreviation of the
// dictionary ("post MI" keeps its expansion).
func (p *Pipeline) joinable(w word) bool {
	if _, abbr := p.abbr[w.norm]; w.stop || abbr || len(w.norm) < 3 {
		return false
	}
	for i := 0; i < len(w.norm); i++ {
		if c := w.norm[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// compound returns the joined word of tokens i and i+1 when token i is a
// bound prefix its neighbour attaches to ("pre-eclampsia", "anti inflammatory";
// not "status post fall", which says the fall is over).
func (p *Pipeline) compound(text string, toks []Token, lexs []lex, i int) (word, bool) {
	if lexs[i].prefix == 0 || p.opts.NoCompounds || i+1 >= len(toks) {
		return word{}, false
	}
	t, n := &toks[i], &toks[i+1]
	if n.Start != t.End+1 {
		return word{}, false
	}
	switch text[t.End] {
	case '-':
	case ' ':
		if lexs[i].prefix != prefixSpaced || i > 0 && toks[i-1].Norm == "status" {
			return word{}, false
		}
	default:
		return word{}, false
	}
	if lexs[i+1].abbr != nil || n.Stop {
		return word{}, false
	}
	if !p.joinable(p.vocab.lookup([]byte(n.Norm))) {
		return word{}, false
	}
	return p.vocab.lookup([]byte(t.Norm + n.Norm)), true
}

// joinWords joins the words of an expansion the way compound joins tokens
// ("nonsteroidal anti inflammatory drug" -> nonsteroidal, antiinflammatory,
// drug), so an abbreviation meets the code names' compounds. Only New
// calls it.
func (p *Pipeline) joinWords(ws []word) []word {
	out := ws[:0:0]
	for i := 0; i < len(ws); i++ {
		if _, ok := boundPrefixes[ws[i].norm]; ok && i+1 < len(ws) && p.joinable(ws[i+1]) {
			out = append(out, p.vocab.add(ws[i].norm+ws[i+1].norm))
			i++
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

// boundPrefix is what a form is as a bound prefix: none, or one joining
// the word after a hyphen, or after a hyphen or a space.
type boundPrefix uint8

const (
	prefixHyphen boundPrefix = 1 + iota // joins after a hyphen only
	prefixSpaced                        // joins after a hyphen or one space
)

// boundPrefixOf is the boundPrefix of a normalised form (boundPrefixes).
func boundPrefixOf(norm string) boundPrefix {
	spaced, ok := boundPrefixes[norm]
	switch {
	case !ok:
		return 0
	case spaced:
		return prefixSpaced
	}
	return prefixHyphen
}
