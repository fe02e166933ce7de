package suggest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

var (
	// bmiValue is a documented body mass index: "BMI 32", "BMI of 41.5",
	// "body mass index: 27.2", "BMI is 18". The value is the first number
	// within a few words after the term.
	bmiValue = guard(`(?i)\b(?:bmi|body mass index)\b[^0-9\n.;]{0,16}?(\d{2}(?:\.\d+)?)\b`, "bmi", "body mass index")
	// bmiAt is bmiValue anchored at the start of the text (bmiMatches).
	bmiAt = regexp.MustCompile(`^(?i)(?:bmi|body mass index)\b[^0-9\n.;]{0,16}?(\d{2}(?:\.\d+)?)\b`)
	// bmiRange is an adult Z68 title's range: "32.0-32.9", "18.4 or less",
	// "70 or greater".
	bmiRange = regexp.MustCompile(`(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?)| or (less|greater))`)
)

// bmiWeightPrefixes are the diagnoses a BMI code goes with (guideline
// I.B.14 and I.C.21.c.3: the BMI is coded only with an associated
// reportable diagnosis such as obesity, overweight, underweight or
// malnutrition).
var bmiWeightPrefixes = []string{"E66", "E40", "E41", "E42", "E43", "E44", "E45", "E46", "R63.6"}

// weightDiagnosis says whether an ICD-10-CM code starts with one of
// bmiWeightPrefixes, all of them E or R codes: the first byte rules out
// the others without comparing every prefix.
func weightDiagnosis(code string) bool {
	if code == "" || code[0] != 'E' && code[0] != 'R' {
		return false
	}
	for _, p := range bmiWeightPrefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// bmiBand is one adult body mass index code and its range.
type bmiBand struct {
	lo, hi float64 // inclusive; hi is +Inf-like for "or greater"
	code   string
}

// bmiBands are the adult Z68 codes of the engine's release, read once.
func (e *Engine) bmiBands() []bmiBand {
	e.bmiOnce.Do(func() { e.bmi = e.readBMIBands() })
	return e.bmi
}

// readBMIBands reads the adult Z68 codes of the engine's release from
// their titles ("Body mass index [BMI] 32.0-32.9, adult"), in range order.
func (e *Engine) readBMIBands() []bmiBand {
	id, ok := e.set.ID(corpus.ICD10CM, "Z68")
	if !ok {
		return nil
	}
	var out []bmiBand
	var walk func(id corpus.ID)
	walk = func(id corpus.ID) {
		for _, k := range e.set.Children(id) {
			b := e.set.Brief(k)
			if !b.Billable {
				walk(k)
				continue
			}
			if !strings.HasSuffix(b.Display, ", adult") {
				continue
			}
			m := bmiRange.FindStringSubmatch(b.Display)
			if m == nil {
				continue
			}
			v, _ := strconv.ParseFloat(m[1], 64)
			band := bmiBand{lo: v, hi: v, code: b.Code}
			switch {
			case m[2] != "":
				band.hi, _ = strconv.ParseFloat(m[2], 64)
			case m[3] == "less":
				band.lo = 0
			default:
				band.hi = 1e9
			}
			out = append(out, band)
		}
	}
	walk(id)
	sort.Slice(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	return out
}

// bodyMassIndex adds the adult Z68 code of a documented BMI value when the
// note's suggestions hold the weight diagnosis it goes with, and the
// patient is an adult (20 or older, or of unstated age: pediatric codes
// need a percentile, which adult values do not give). The value is rounded
// down to the tenth, as the titles' ranges are written. Any other Z68 code
// the ranker found ("BMI" matches the category) is dropped: one BMI per
// encounter, and none without a value and a weight diagnosis.
func (e *Engine) bodyMassIndex(n *ruleNote, res *Result, adds []addition, rej []Rejection) ([]addition, []Rejection) {
	doc := n.doc
	if !anySuggestedICD(res, "Z68") && !mentionsBMI(doc.Text) {
		return adds, rej
	}
	band, why := e.bmiBand(n, res)
	if band.code != "" {
		adds = append(adds, addition{sys: corpus.ICD10CM, code: band.code, conf: e.secondaryConfidence(), ev: []cue{band.ev},
			rule: "body_mass_index", why: why})
		why = "one body mass index per encounter: the documented value selects " + band.code
	}
	for i := 0; i < len(res.Suggestions); i++ {
		if s := &res.Suggestions[i]; s.System == string(corpus.ICD10CM) && strings.HasPrefix(s.Code, "Z68") && s.Code != band.code {
			rej = append(rej, drop(res, i, "body_mass_index", why))
			i--
		}
	}
	return adds, rej
}

// mentionsBMI is containsFold(text, "bmi") || containsFold(text, "body
// mass"), reading the text once rather than twice: both words start with
// a b, which folds to no byte but b and B, so a match stands only where
// one of them does (as containsFold finds it), and there both words are
// compared.
func mentionsBMI(text string) bool {
	bs := newLetterPlaces(text, 'b')
	for j := bs.next(); j >= 0; j = bs.next() {
		if j+len("bmi") > len(text) {
			return false // the later b's have less text after them
		}
		if strings.EqualFold(text[j:j+len("bmi")], "bmi") || j+len("body mass") <= len(text) && strings.EqualFold(text[j:j+len("body mass")], "body mass") {
			return true
		}
	}
	return false
}

// chosenBMI is the band a documented value selects and its evidence.
type chosenBMI struct {
	code string
	ev   cue
}

// bmiBand returns the adult band of the note's BMI value, or why none
// applies.
func (e *Engine) bmiBand(n *ruleNote, res *Result) (chosenBMI, string) {
	doc := n.doc
	var with *Suggestion // the first recommended weight diagnosis
	thr := e.DecisionThreshold()
	for i := range res.Suggestions {
		if s := &res.Suggestions[i]; s.System == string(corpus.ICD10CM) && weightDiagnosis(s.Code) && s.Confidence >= thr {
			with = s
			break
		}
	}
	if with == nil {
		return chosenBMI{}, "a body mass index is coded only with a documented weight diagnosis (obesity, overweight, underweight, malnutrition)"
	}
	if a := n.age(); a >= 0 && a < 20 {
		return chosenBMI{}, fmt.Sprintf("the patient is %d: pediatric BMI codes need the documented percentile for age", a)
	}
	for _, m := range bmiMatches(doc.Text) {
		c := spanCue(doc, m[0], m[1])
		if c.tok < 0 || !n.patients(c) || c.assert&nlp.Historical != 0 {
			continue
		}
		v, err := strconv.ParseFloat(doc.Text[m[2]:m[3]], 64)
		if err != nil || v < 10 || v > 150 {
			continue
		}
		v = float64(int(v*10)) / 10
		for _, b := range e.bmiBands() {
			if v >= b.lo && v <= b.hi {
				return chosenBMI{code: b.code, ev: c}, "BMI " + doc.Text[m[2]:m[3]] + " documented with " + with.Code + " (" + with.Display + "); the BMI code goes with the weight diagnosis and is sequenced after it"
			}
		}
	}
	return chosenBMI{}, "no body mass index value is documented for the patient"
}

// firstTokenAt is the index of the first token starting at or after
// byte start (len(doc.Tokens) when none): sort.Search by hand, since
// spanCue and spanSent run per evidence span of many passes.
func firstTokenAt(doc *nlp.Document, start int) int {
	first, hi := 0, len(doc.Tokens)
	for first < hi {
		if m := int(uint(first+hi) >> 1); doc.Tokens[m].Start < start {
			first = m + 1
		} else {
			hi = m
		}
	}
	return first
}

// spanCue is the cue of the tokens inside note bytes [start, end): its
// first and last token, sentence, section and assertion flags (tok is -1
// when no token lies inside). The tokens are read in place: a Token
// copied per step (ten words) cost more than the step.
func spanCue(doc *nlp.Document, start, end int) cue {
	c := cue{start: start, end: end, sent: -1, sec: -1, tok: -1}
	toks := doc.Tokens
	for i := firstTokenAt(doc, start); i < len(toks) && toks[i].Start < end; i++ {
		if t := &toks[i]; t.End <= end {
			if c.tok < 0 {
				c.sent, c.sec, c.tok = t.Sent, t.Section, i
			}
			c.last = i
			c.assert |= t.Assert
		}
	}
	return c
}

// bmiMatches is bmiValue.FindAllStringSubmatchIndex(text, -1) without a
// regexp scan of the whole note: a match starts at a word boundary
// before "bmi" or "body" (letters (?i) folds to ASCII only), so bmiAt
// runs at those places alone, each next one after the last match's end
// as FindAll's non-overlapping matches.
//
// The b's are found with strings.IndexByte, one search per case whose
// next hit is kept until passed, rather than by reading every byte.
func bmiMatches(text string) [][]int {
	var out [][]int
	next := func(c byte, from int) int {
		if i := strings.IndexByte(text[from:], c); i >= 0 {
			return from + i
		}
		return len(text)
	}
	lo, up := next('b', 0), next('B', 0)
	for p := 0; p < len(text); p++ {
		if lo < p {
			lo = next('b', p)
		}
		if up < p {
			up = next('B', p)
		}
		if p = min(lo, up); p >= len(text) {
			break
		}
		if p > 0 && isWordByte(text[p-1]) ||
			!(len(text)-p >= 3 && asciiFoldPrefix(text[p:], "bmi")) && !(len(text)-p >= 4 && asciiFoldPrefix(text[p:], "body")) {
			continue
		}
		m, sure := bmiValueAt(text, p)
		if !sure {
			m = shiftMatch(bmiAt.FindStringSubmatchIndex(text[p:]), p)
		}
		if m == nil {
			continue
		}
		out = append(out, m)
		p = m[1] - 1
	}
	return out
}

// bmiValueAt is bmiAt's match at p of text (p a word start), as
// bmiAt.FindStringSubmatchIndex(text[p:]) gives it in text's places,
// spelled out byte by byte (the regexp's machine is cold by the time a
// note asks): "bmi" or "body mass index", a word boundary, up to 16 bytes
// of neither digit, newline, '.' nor ';' (the lazy filler can stop only at
// the first digit: it cannot pass one), two digits that are the number's
// first, then the decimals when a word boundary follows them, else a word
// boundary after the two. sure is false, and nothing is said, when a byte
// beyond ASCII lies within reach (a rune counts as one filler, and the
// long s folds to s): bmiAt decides.
func bmiValueAt(text string, p int) (m []int, sure bool) {
	for k := p; k < min(len(text), p+len("body mass index")+16+2); k++ {
		if text[k] >= 0x80 {
			return nil, false
		}
	}
	var e int
	switch {
	case len(text)-p >= len("bmi") && asciiFoldPrefix(text[p:], "bmi"):
		e = p + len("bmi")
	case len(text)-p >= len("body mass index") && asciiFoldPrefix(text[p:], "body mass index"):
		e = p + len("body mass index")
	default:
		return nil, true
	}
	if !wordBoundary(text, e) {
		return nil, true
	}
	q := e
	for ; q < len(text) && !isDigit(text[q]); q++ {
		if c := text[q]; q-e == 16 || c == '\n' || c == '.' || c == ';' {
			return nil, true
		}
	}
	if q+2 > len(text) || !isDigit(text[q+1]) {
		return nil, true
	}
	d := q + 2
	if d+1 < len(text) && text[d] == '.' && isDigit(text[d+1]) {
		f := d + 1
		for f < len(text) && isDigit(text[f]) {
			f++
		}
		if wordBoundary(text, f) {
			return []int{p, f, q, f}, true
		}
	}
	if wordBoundary(text, d) {
		return []int{p, d, q, d}, true
	}
	return nil, true
}
