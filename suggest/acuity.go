package suggest

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"medcode/corpus"
	"medcode/nlp"
)

// Acuity values a title or a note states.
const (
	acuityNone           = ""
	acuityAcute          = "acute"
	acuityChronic        = "chronic"
	acuityAcuteOnChronic = "acute on chronic"
)

var (
	titleAcuteOnChronic = regexp.MustCompile(`\bacute (?:on|and) chronic\b`)
	titleAcuityWords    = regexp.MustCompile(`\b(?:acute (?:on|and) chronic|acute|chronic|unspecified)\b`)
	nonWord             = regexp.MustCompile(`[^a-z0-9]+`)
	// noteAcuteOnChronic are the ways notes say acute on chronic:
	// "acute-on-chronic", "acute exacerbation of chronic", "chronic ...
	// exacerbation" (an exacerbation is the acute phase of the chronic
	// condition), "decompensated chronic".
	noteAcuteOnChronic = regexp.MustCompile(`\bacute(?:\s+|-)(?:on|and|upon)(?:\s+|-)chronic\b|\b(?:acute\s+)?(?:exacerbation|decompensation)\s+of\s+(?:\w+\s+)?chronic\b|\bacutely\s+decompensated\s+chronic\b|\bdecompensated\s+chronic\b`)
	noteAcute          = regexp.MustCompile(`\bacute\b`)
	noteChronic        = regexp.MustCompile(`\bchronic\b`)
	noteAcuityAfter    = regexp.MustCompile(`^\s*,\s*(acute on chronic|acute|chronic)\s*(?:[.;]|$)`)
	noteExacerbation   = regexp.MustCompile(`^\W*(?:\w+\W+)?(?:exacerbation|exacerbated|decompensat\w*|flare)\b`)
)

// titleAcuity returns the acuity a code title states and the title's words
// without it ("Chronic diastolic (congestive) heart failure" -> chronic,
// "diastolic congestive heart failure"): codes of one category with equal
// words differ by acuity alone.
func titleAcuity(title string) (string, string) {
	t := strings.ToLower(title)
	// noteAcute.MatchString(t) and noteChronic.MatchString(t) by
	// wordIndex; titleAcuteOnChronic matches only where both do.
	acute, chronic := wordIndex(t, "acute") >= 0, wordIndex(t, "chronic") >= 0
	v := acuityNone
	switch {
	case acute && chronic && titleAcuteOnChronic.MatchString(t):
		v = acuityAcuteOnChronic
	case acute && chronic:
		return "", "" // two acuity words apart: not one slot
	case acute:
		v = acuityAcute
	case chronic:
		v = acuityChronic
	}
	key := strings.TrimSpace(nonWord.ReplaceAllString(titleAcuityWords.ReplaceAllString(t, " "), " "))
	return v, key
}

// mayStateAcuity reports whether titleAcuity(title) may state an acuity:
// the lower-cased title holds "acute" or "chronic" (containsLower, without
// the lower-cased copy of an ASCII title), which every acuity it states
// does.
func mayStateAcuity(title string) bool {
	return containsLower(title, "acute") || containsLower(title, "chronic")
}

// noteAcuity returns the acuity the note states for the condition at
// [start, end): words just before it in its clause ("acute on chronic
// diastolic CHF", "acute exacerbation of chronic HFpEF") or in the span,
// an exacerbation just after a chronic condition ("chronic systolic CHF
// exacerbation"), and an acuity closing its clause ("HFrEF, chronic.").
func noteAcuity(doc *nlp.Document, sent, start, end int) string {
	if sent < 0 || sent >= len(doc.Sentences) {
		return acuityNone
	}
	lo := doc.Sentences[sent].Start
	if i := strings.LastIndexAny(doc.Text[lo:start], ",;:("); i >= 0 {
		lo += i + 1
	}
	// At most eight words before the condition: a clause's acuity words
	// sit next to the condition they qualify.
	words := 0
	for i := start - 1; i > lo; i-- {
		if doc.Text[i] == ' ' && doc.Text[i-1] != ' ' {
			if words++; words == 8 {
				lo = i
				break
			}
		}
	}
	hi := min(doc.Sentences[sent].End, end+48) // a few words after it
	// Every acuity the clause can state holds "acute" or "chronic".
	if !containsFold(doc.Text[lo:hi], "acute") && !containsFold(doc.Text[lo:hi], "chronic") {
		return acuityNone
	}
	text := strings.ToLower(doc.Text[lo:end])
	after := strings.ToLower(doc.Text[end:hi])
	// Every pattern below but noteAcute holds "chronic", and noteAcute
	// "acute": a text without the word matches none of them.
	chronic := wordIndex(text, "chronic") >= 0 // noteChronic.MatchString(text)
	acute := wordIndex(text, "acute") >= 0     // noteAcute.MatchString(text)
	// noteAcuityAfter starts with white space and a comma.
	if strings.HasPrefix(strings.TrimLeft(after, "\t\n\f\r "), ",") && !acute && !chronic {
		if m := noteAcuityAfter.FindStringSubmatch(after); m != nil {
			return m[1] // "HFrEF, chronic."
		}
	}
	switch {
	case chronic && mayBeAcuteOnChronic(text) && noteAcuteOnChronic.MatchString(text):
		return acuityAcuteOnChronic
	case chronic && (acuteFirst(text) || noteExacerbation.MatchString(after)):
		return acuityAcuteOnChronic
	case chronic:
		return acuityChronic
	case acute:
		return acuityAcute
	}
	return acuityNone
}

// acuteFirst reports whether text says "acute" before "chronic" ("acute
// exacerbation of her chronic ..."); "chronic X and acute Y" are two
// conditions.
func acuteFirst(text string) bool {
	a, c := wordIndex(text, "acute"), wordIndex(text, "chronic")
	return a >= 0 && c >= 0 && a < c
}

// wordIndex is where \bw\b first matches text (w a lower-case ASCII
// word): the first w with no ASCII word byte (RE2's \b) either side, -1
// when none. noteAcute is wordIndex(text, "acute"), noteChronic
// wordIndex(text, "chronic").
func wordIndex(text, w string) int {
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		if (i == 0 || !isWordByte(text[i-1])) && (i+len(w) == len(text) || !isWordByte(text[i+len(w)])) {
			return i
		}
		off = i + 1
	}
	return -1
}

// mayBeAcuteOnChronic reports whether a lower-case text may match
// noteAcuteOnChronic: each of its ways holds "acute", "exacerbation" or
// "decompensat".
func mayBeAcuteOnChronic(text string) bool {
	return strings.Contains(text, "acute") || strings.Contains(text, "exacerbation") || strings.Contains(text, "decompensat")
}

// acuity replaces a suggested code by its category's code for the acuity
// the note states, when the two titles differ by acuity alone ("chronic
// HFpEF": I50.30, unspecified diastolic, becomes I50.32, chronic
// diastolic; "acute on chronic respiratory failure": J96.00 becomes
// J96.20). The replaced code is rejected with the reason. A code already
// suggested for that acuity takes the replaced one's place if surer.
//
// An annotating request (Request.Annotate) keeps the unspecified code
// beside the one for the stated acuity, as annotation corpora label both.
func (e *Engine) acuity(doc *nlp.Document, req Request, res *Result, rej []Rejection) []Rejection {
	// No letter of "acute" or "chronic" has a Unicode case fold outside
	// ASCII: containsFold is (?i)acute|chronic.
	var buf [16]acuityWord
	words := acuityWords(doc.Text, buf[:0])
	if len(words) == 0 {
		return rej
	}
	// A code of a category with no title stating an acuity has no
	// sibling to become (hasOther is false): told by its category's bit,
	// before its evidence is read against the words.
	cats := e.coder.rules.per.acuityCategories(e)
	for i := 0; i < len(res.Suggestions); i++ {
		// Tested in place: a suggestion is copied only past the test.
		if p := &res.Suggestions[i]; p.System != string(corpus.ICD10CM) || len(p.Evidence) == 0 || !cats.mayHold(p.Code) || !acuityNear(doc, words, p.Evidence) {
			continue
		}
		s := res.Suggestions[i]
		f := e.acuityFactsOf(s.Code, s.Display)
		is := f.is
		if f.key == "" || !f.hasOther() {
			continue // nothing the note's acuity could choose
		}
		said := acuityNone
		for _, ev := range s.Evidence { // evidenceCues without a slice
			c := spanCue(doc, ev.Start, ev.End)
			if v := noteAcuity(doc, c.sent, c.start, c.end); v != acuityNone {
				said = v
				break
			}
		}
		if said == acuityNone || said == is {
			continue
		}
		to, ok := f.sibling(said)
		if !ok {
			continue
		}
		b := e.set.Brief(to)
		why := "note says " + said + "; " + s.Code + " is " + cmp.Or(is, "unspecified acuity")
		if req.Annotate {
			if has(res, corpus.ICD10CM, b.Code) < 0 {
				insertBeside(res, s, b, "acuity", why)
				i++
			}
			continue
		}
		rej = append(rej, Rejection{System: s.System, Code: s.Code, Display: s.Display, Rule: "acuity", Reason: why + "; coded " + b.Code, Evidence: s.Evidence})
		if j := has(res, corpus.ICD10CM, b.Code); j >= 0 {
			t := res.Suggestions[j]
			res.Suggestions = slices.Delete(res.Suggestions, i, i+1)
			if j > i {
				j--
			}
			if s.Confidence > t.Confidence {
				res.Suggestions = slices.Delete(res.Suggestions, j, j+1)
				t.Confidence, t.Score = s.Confidence, max(t.Score, s.Score)
				t.Evidence = mergeEvidence(t.Evidence, s.Evidence)
				insert(res, t)
			}
			i--
			continue
		}
		s.Edits = slices.DeleteFunc(s.Edits, func(ed Edit) bool { return ed.Kind == "specificity" && strings.Contains(ed.Message, "assumed") })
		res.Suggestions[i] = recoded(s, b, "acuity", why)
	}
	return rej
}

// acuityFacts are what the acuity rule reads of one code: its title's
// acuity and words (titleAcuity), and its sibling for each acuity.
type acuityFacts struct {
	is, key string
	sib     [3]corpus.ID // per acuityValues: the sibling (findAcuitySibling), 0 when none
}

// acuityValues are the acuities a note can state.
var acuityValues = [3]string{acuityAcute, acuityChronic, acuityAcuteOnChronic}

// acuityFactsOf returns code's acuityFacts (title is its title),
// remembered per code id: one lookup per suggestion, not one per acuity.
func (e *Engine) acuityFactsOf(code, title string) *acuityFacts {
	id, ok := e.set.ID(corpus.ICD10CM, code)
	if !ok {
		return e.newAcuityFacts(code, title)
	}
	rec := e.coder.records.of(e.set, id)
	if got := rec.acuity.Load(); got != nil {
		return got
	}
	return keep(&rec.acuity, e.newAcuityFacts(code, title))
}

// newAcuityFacts works out code's acuityFacts.
func (e *Engine) newAcuityFacts(code, title string) *acuityFacts {
	f := &acuityFacts{}
	f.is, f.key = titleAcuity(title)
	if f.key != "" {
		for i, v := range acuityValues {
			f.sib[i], _ = e.findAcuitySibling(code, f.key, v)
		}
	}
	return f
}

// hasOther reports whether the code has a category mate for an acuity
// other than its own.
func (f *acuityFacts) hasOther() bool {
	for i, v := range acuityValues {
		if v != f.is && f.sib[i] != 0 {
			return true
		}
	}
	return false
}

// sibling returns the billable code of the code's category whose title has
// its words and states acuity v.
func (f *acuityFacts) sibling(v string) (corpus.ID, bool) {
	for i, x := range acuityValues {
		if x == v {
			return f.sib[i], f.sib[i] != 0
		}
	}
	return 0, false
}

// findAcuitySibling reads code's category (categoryAcuity) for
// acuitySibling.
func (e *Engine) findAcuitySibling(code, key, v string) (corpus.ID, bool) {
	var found corpus.ID
	n := 0
	for _, t := range e.categoryAcuity(category(code)) {
		if t.code != code && t.acuity == v && t.key == key {
			found = t.id
			n++
		}
	}
	if n != 1 {
		return 0, false
	}
	return found, true
}

// titleFacts is titleAcuity of one billable code's title.
type titleFacts struct {
	id          corpus.ID
	code        string
	acuity, key string
}

// categoryAcuity returns titleAcuity of every billable code under the
// ICD-10-CM category cat whose title states an acuity (the only ones
// findAcuitySibling can match), worked out once per category: a category
// of thousands of codes is read once, not once per candidate and acuity.
func (e *Engine) categoryAcuity(cat string) []titleFacts {
	if got, ok := e.coder.acuityCats.Load(cat); ok {
		return got.([]titleFacts)
	}
	var facts []titleFacts
	if id, ok := e.set.ID(corpus.ICD10CM, cat); ok {
		var walk func(id corpus.ID)
		walk = func(id corpus.ID) {
			// Most titles state no acuity: they are not read further.
			if b := e.set.Brief(id); b.Billable && mayStateAcuity(b.Display) {
				if a, k := titleAcuity(b.Display); a != acuityNone {
					facts = append(facts, titleFacts{id: id, code: b.Code, acuity: a, key: k})
				}
			}
			for _, k := range e.set.Children(id) {
				walk(k)
			}
		}
		walk(id)
	}
	e.coder.acuityCats.Store(cat, facts)
	return facts
}

// acuityWord is where the note says "acute" or "chronic" (any case):
// text[start:end].
type acuityWord struct{ start, end int }

// acuityWords appends to out every place of text containsFold finds
// "acute" or "chronic" at: containsFold(text[lo:hi], w) holds exactly when
// one of them lies in [lo, hi). Both words hold a c, the rarer letter: the
// text is read only where a c or C stands (strings.IndexByte), the acute
// ending there before the chronic starting there, so in order of place.
func acuityWords(text string, out []acuityWord) []acuityWord {
	cs := newLetterPlaces(text, 'c')
	for j := cs.next(); j >= 0; j = cs.next() {
		if j >= 1 && j+4 <= len(text) && text[j-1]|0x20 == 'a' && foldsTo(text[j+1:j+4], "ute") {
			out = append(out, acuityWord{j - 1, j + 4})
		}
		if j+7 <= len(text) && foldsTo(text[j+1:j+7], "hronic") {
			out = append(out, acuityWord{j, j + 7})
		}
	}
	return out
}

// foldsTo is strings.EqualFold(s, w) for a lower-case ASCII word w
// without "k" or "s" (the letters a non-ASCII rune folds to, the Kelvin
// and long s signs), of s's length: byte by byte, ASCII case folded.
func foldsTo(s, w string) bool {
	for j := range len(w) {
		if s[j]|0x20 != w[j] {
			return false
		}
	}
	return true
}

// acuityNear reports whether an acuity word lies where noteAcuity reads
// for some evidence span: in the span's sentence, before the end of the
// few words after it. noteAcuity finds no acuity for a span without one.
func acuityNear(doc *nlp.Document, words []acuityWord, evs []Evidence) bool {
	for k := range evs { // by index: an Evidence copied per span cost more than the test
		ev := &evs[k]
		sent := spanSent(doc, ev.Start, ev.End)
		if sent < 0 || sent >= len(doc.Sentences) {
			continue
		}
		lo, hi := doc.Sentences[sent].Start, min(doc.Sentences[sent].End, ev.End+48)
		for _, w := range words {
			if w.start >= lo && w.end <= hi {
				return true
			}
		}
	}
	return false
}

// spanSent is spanCue(doc, start, end).sent, the sentence of the first
// token inside note bytes [start, end) (-1 when none), without reading
// the span's other tokens for spanCue's last token and assertions:
// acuityNear asks it of every evidence span of the suggestions.
func spanSent(doc *nlp.Document, start, end int) int {
	for i := firstTokenAt(doc, start); i < len(doc.Tokens) && doc.Tokens[i].Start < end; i++ {
		if doc.Tokens[i].End <= end {
			return doc.Tokens[i].Sent
		}
	}
	return -1
}
