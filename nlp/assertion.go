package nlp

import (
	"math/bits"
	"slices"
	"strings"
)

// scopeWindow is the most non-stop tokens a trigger's scope covers on one
// side (within one list item: see listItem).
const scopeWindow = 15

// listItem is the most non-stop tokens of a short list item: crossing a
// list separator (a comma, "and", "or", "/") after an item this short
// starts the window again, so "denies fevers, chills, nausea, night sweats,
// ..., or vomiting" is negated to the end of the list.
const listItem = 5

// subjectWindow is the most non-stop tokens of the subject a result word
// governs ("HIV screening test last year was unremarkable").
const subjectWindow = 6

// match is a ConText phrase found in a sentence, by token range; a sign
// such as "(-)" has no tokens (start == end) and its bytes in trig.
type match struct {
	r          *rule
	start, end int // token indices, end exclusive
	trig       Span
}

// signNegative is the "(-)" written after a finding ("Chest pain (-)").
var signNegative = &rule{phrase: "(-)", kind: Negated, dir: backward, result: true}

// assert runs ConText over each sentence, then applies section-driven
// assertions (family history section: Family; past medical and surgical
// history: Historical), and copies token flags to terms.
//
// Within a sentence, the longest phrase starting at each token wins;
// pseudo-triggers are skipped, and so are predicate triggers that do not
// end their clause. A trigger's scope runs forward and/or backward to the
// sentence edge, a terminator or another trigger, at most scopeWindow
// non-stop tokens per list item. A result word ("negative",
// "unremarkable", "(-)") governs its subject: back to a comma or a clause
// word, or, right after a colon, the label before the colon ("Fever:
// none", "Nausea: no", "HIV: nonreactive"); so does any negation trigger
// that follows a colon and ends its clause. Header tokens are never
// triggers or scope. An abbreviation whose expansion is negated ("NKDA")
// is negated itself.
//
// It reads the tokens' sentences, their sections' first tokens and their
// terms from s (makeTokens, makeTerms) rather than from the tokens and
// terms: it gives a token's flags only to its own terms, those of the
// tokens it flagged.
func (p *Pipeline) assert(d *Document, s *scratch) {
	toks := d.Tokens
	lexs := s.lex
	sents := s.sents[:len(toks)] // the tokens' sentences (sentences), read rather than the tokens
	ms := s.ms[:0]
	n := (len(toks) + 63) / 64
	s.marked = slices.Grow(s.marked[:0], n)[:n]
	clear(s.marked)
	sc := scoper{d: d, toks: toks, marked: s.marked}
	// Most notes write no "(-)": then no gap holds a sign.
	signs := strings.Contains(d.Text, "(-)")
	for i := 0; i < len(toks); {
		// sentence [i, e)
		e := i + 1
		for sent := sents[i]; e < len(sents) && sents[e] == sent; {
			e++
		}
		sc.i, sc.e = i, e
		ms = ms[:0]
		for j := i; j < e; {
			if signs {
				if m, ok := sc.sign(j); ok {
					ms = append(ms, m)
				}
			}
			// No trigger starts with the word (most), or it is a
			// header's: both skip it, the cheaper test first.
			if lexs[j].trig == nil || sc.inHeader(j) {
				j++
				continue
			}
			r, end := matchFrom(lexs[j].trig, lexs, j, e)
			if r == nil || (r.first && j != i) || (r.predicate && !sc.endsClause(end)) {
				j++
				continue
			}
			ms = append(ms, match{r, j, end, Span{toks[j].Start, toks[end-1].End}})
			j = end
		}
		if signs {
			if m, ok := sc.sign(e); ok {
				ms = append(ms, m)
			}
		}
		for k, m := range ms {
			if m.r.role != trigger {
				continue
			}
			// The scope ends at the nearest other phrase, except that a
			// past-event scope runs through other past-event triggers
			// ("History of breast cancer, status post lumpectomy, no
			// evidence of recurrence"), forward only through forward ones:
			// a backward trigger closes its phrase ("s/p fall 4 weeks ago
			// with fracture").
			prev, next := i, e
			for x := k - 1; x >= 0; x-- {
				// A result's subject may hold a time ("HIV test last year
				// was negative"); any backward scope may hold a screening
				// ("Depression screening, negative").
				if !pastKinds(ms[x].r, m.r) && !(m.r.result && pastKinds(ms[x].r, ms[x].r)) && !screening(ms[x].r) {
					prev = ms[x].end
					break
				}
			}
			for x := k + 1; x < len(ms); x++ {
				if !pastKinds(ms[x].r, m.r) || ms[x].r.dir&backward != 0 {
					next = ms[x].start
					break
				}
			}
			sc.lo, sc.hi = -1, -1
			sc.kind = m.r.kind
			if m.r.result {
				sc.kind |= Result
			}
			switch {
			case m.r.self:
				for j := m.start; j < m.end; j++ {
					sc.mark(j)
				}
				if sc.lo >= 0 {
					sp := Span{toks[sc.lo].Start, toks[sc.hi].End}
					d.Assertions = append(d.Assertions, AssertionSpan{Kind: sc.kind, Trigger: sp, Scope: sp})
				}
				continue
			case m.r.kind&Negated != 0 && sc.afterColon(m) && (m.r.result || sc.endsClause(m.end)):
				sc.label(m, prev)
			case m.r.result:
				sc.subject(m, prev)
			default:
				if m.r.dir&forward != 0 {
					sc.forward(m, next)
				}
				if m.r.dir&backward != 0 {
					sc.backward(m, prev)
				}
			}
			if sc.lo < 0 {
				continue
			}
			d.Assertions = append(d.Assertions, AssertionSpan{Kind: sc.kind, Trigger: m.trig, Scope: Span{toks[sc.lo].Start, toks[sc.hi].End}})
		}
		i = e
	}
	for si := range d.Sections {
		kind := sectionAssertion(d.Sections[si].Kind)
		if kind == 0 {
			continue // most sections; a note with none reads no token here
		}
		j, e := int(s.secFirst[si]), int(s.secFirst[si+1]) // the section's tokens
		lo, hi := -1, -1
		for k := j; k < e; k++ {
			if toks[k].Start < d.Sections[si].Header.End {
				continue
			}
			if kind&Ended != 0 && lo >= 0 && blankLine(d.Text[toks[k-1].End:toks[k].Start]) {
				break
			}
			sc.flag(k, kind)
			if lo < 0 {
				lo = k
			}
			hi = k
		}
		if lo >= 0 {
			d.Assertions = append(d.Assertions, AssertionSpan{Kind: kind, Trigger: d.Sections[si].Header, Scope: Span{toks[lo].Start, toks[hi].End}})
		}
	}
	// An abbreviation whose expansion is negated ("NKDA": no known drug
	// allergies) negates its token, then each term takes its token's
	// flags: only the flagged tokens' terms are read.
	for _, j := range s.ix.negated {
		if tok := &toks[j]; tok.Assert&Negated == 0 {
			sc.flag(int(j), Negated)
			sp := Span{tok.Start, tok.End}
			d.Assertions = append(d.Assertions, AssertionSpan{Kind: Negated, Trigger: sp, Scope: sp})
		}
	}
	terms, first := d.Terms, s.ix.first[:len(toks)+1]
	for w, set := range sc.marked {
		for ; set != 0; set &= set - 1 {
			j := w*64 + bits.TrailingZeros64(set)
			a := toks[j].Assert
			for k := first[j]; k < first[j+1]; k++ {
				terms[k].Assert |= a
			}
		}
	}
	s.ms = ms
}

// sectionAssertion is the assertion a section of the kind states of
// everything in it, or 0.
func sectionAssertion(kind SectionKind) Assertion {
	switch kind {
	case FamilyHistory:
		return Family
	case PastMedicalHistory:
		return Historical
	case PastSurgicalHistory, Allergies:
		// "Right inguinal hernia repair in 2015", "PENICILLIN (rash)": an
		// operation or a reaction of the past, over by now; up to the
		// first blank line, as these lists are short and an unknown
		// header may follow.
		return Historical | Ended
	}
	return 0
}

// scoper marks the scopes of the triggers of one sentence [i, e); lo and
// hi are the first and last non-stop tokens marked by the current trigger.
type scoper struct {
	d      *Document
	toks   []Token
	i, e   int
	lo, hi int
	kind   Assertion // the current trigger's flags
	marked []uint64  // the tokens flagged so far, a bit each
}

func (s *scoper) inHeader(j int) bool {
	sec := s.toks[j].Section
	return sec >= 0 && s.toks[j].Start < s.d.Sections[sec].Header.End
}

// gap is the text between token j-1 and token j.
func (s *scoper) gap(j int) string {
	return s.d.Text[s.toks[j-1].End:s.toks[j].Start]
}

// flag gives token j the flags a and notes it in marked, whose tokens'
// terms assert gives their flags.
func (s *scoper) flag(j int, a Assertion) {
	s.toks[j].Assert |= a
	s.marked[j>>6] |= 1 << (j & 63)
}

// mark flags token j; it reports whether j counts toward a window.
func (s *scoper) mark(j int) bool {
	s.flag(j, s.kind)
	if s.toks[j].Stop {
		return false
	}
	if s.lo < 0 || j < s.lo {
		s.lo = j
	}
	if j > s.hi {
		s.hi = j
	}
	return true
}

// endsClause reports whether the phrase ending before token end closes
// its clause: the sentence ends there or punctuation follows.
func (s *scoper) endsClause(end int) bool {
	if end >= s.e {
		return true
	}
	return strings.ContainsAny(s.gap(end), ",.;:)!?\n")
}

// afterColon reports whether a colon separates m's trigger from the token
// before it in the sentence.
func (s *scoper) afterColon(m match) bool {
	return m.start > s.i && strings.IndexByte(s.d.Text[s.toks[m.start-1].End:m.trig.Start], ':') >= 0
}

// sign finds "(-)" written right after token j-1 of the sentence (only
// blanks and a colon before it), as a backward negation of no tokens.
func (s *scoper) sign(j int) (match, bool) {
	if j <= s.i || j > s.e {
		return match{}, false
	}
	end := len(s.d.Text)
	if j < len(s.toks) {
		end = s.toks[j].Start
	}
	from := s.toks[j-1].End
	g := s.d.Text[from:end]
	k := strings.Index(g, "(-)")
	if k < 0 || strings.TrimLeft(g[:k], " \t:") != "" {
		return match{}, false
	}
	return match{signNegative, j, j, Span{from + k, from + k + 3}}, true
}

// forward marks the forward scope of m up to token stop.
func (s *scoper) forward(m match, stop int) {
	window := scopeWindow
	if m.r.window > 0 {
		window = m.r.window
	}
	n, item := 0, 0
	for j := m.end; j < stop && n < window; j++ {
		if s.inHeader(j) {
			break
		}
		if j > m.end {
			g := s.gap(j)
			comma := strings.IndexByte(g, ',') >= 0
			if m.r.comma && comma {
				break
			}
			if comma || strings.IndexByte(g, '/') >= 0 || s.toks[j].Norm == "and" || s.toks[j].Norm == "or" {
				if item > 0 && item <= listItem && m.r.window == 0 {
					n = 0 // a list goes on
				}
				item = 0
			}
		}
		if s.mark(j) {
			n++
			item++
		}
	}
}

// backward marks the backward scope of m down to token stop.
func (s *scoper) backward(m match, stop int) {
	window := scopeWindow
	if m.r.window > 0 {
		window = m.r.window
	}
	if s.causeHead(m) {
		s.cause(m, stop)
		return
	}
	n, list := 0, false
	for j := m.start - 1; j >= stop && n < window; j-- {
		comma := j < m.start-1 && strings.ContainsAny(s.gap(j+1), ",;")
		if s.inHeader(j) || m.r.comma && comma {
			break
		}
		// A predicate with its own subject governs that subject, not the
		// clause before the comma ("TIA, symptoms resolved within 1
		// hour": the TIA stays; "Chest pain, ACS ruled out": the pain
		// stays; "RLQ pain, appendicitis not excluded"), unless the
		// subject ends a list ("cough, fever and chills resolved", "PE,
		// pneumothorax and pneumonia excluded"); bare, it governs what
		// precedes ("Pneumonia, resolved").
		if comma && n > 0 && !list && (m.r.kind&(Negated|Uncertain) != 0 || m.r.kind&Ended != 0 && pastVerbs[s.toks[m.end-1].Norm]) {
			break
		}
		if w := s.toks[j].Norm; w == "and" || w == "or" {
			list = true
		}
		if s.mark(j) {
			n++
		}
	}
}

// causeWords name the cause of a condition rather than the condition:
// "organism not identified" says nothing against the pneumonia it causes.
var causeWords = map[string]bool{"organism": true, "organisms": true, "pathogen": true, "pathogens": true,
	"cause": true, "causes": true, "etiology": true, "aetiology": true, "source": true, "agent": true,
	"bacteria": true, "bacterium": true, "microorganism": true, "microorganisms": true, "culprit": true}

// causeHead reports whether the word right before backward trigger m is a
// cause word ("Pneumonia organism not identified").
func (s *scoper) causeHead(m match) bool {
	return m.start > s.i && causeWords[s.toks[m.start-1].Norm]
}

// cause marks the cause phrase before m: the cause word and the
// adjectives before it ("causative organism", "underlying cardiac cause"),
// not the condition named before them.
func (s *scoper) cause(m match, stop int) {
	for j := m.start - 1; j >= stop; j-- {
		if j < m.start-1 && (strings.ContainsAny(s.gap(j+1), ",;:") || !adjective(s.toks[j].Norm)) {
			break
		}
		s.mark(j)
	}
}

// adjective reports whether a word has the ending of an English
// adjective ("causative", "bacterial", "cardiac", "underlying",
// "infectious", "primary").
func adjective(w string) bool {
	for _, suf := range []string{"ive", "al", "ic", "ing", "ous", "ary"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// pastVerbs end the past-event triggers that are predicates of a subject
// ("symptoms resolved", "fracture healed"), unlike "no evidence of
// recurrence", which speaks of the condition named before.
var pastVerbs = map[string]bool{"resolved": true, "healed": true, "cured": true, "eradicated": true}

// subjectStops are words a result's subject does not reach past: "he has
// diabetes and his renal function is normal" does not negate diabetes.
var subjectStops = map[string]bool{"and": true, "with": true, "has": true, "have": true, "had": true}

// subject marks a result word's subject: back to a comma, semicolon or
// colon, a clause word, or subjectWindow non-stop tokens.
func (s *scoper) subject(m match, stop int) {
	n := 0
	for j := m.start - 1; j >= stop && n < subjectWindow; j-- {
		if s.inHeader(j) || subjectStops[s.toks[j].Norm] {
			break
		}
		if j < m.start-1 && strings.ContainsAny(s.gap(j+1), ",;:") {
			break
		}
		if s.mark(j) {
			n++
		}
	}
}

// label marks the label before the colon that precedes m ("Fever, chills:
// none"): back to the previous colon, the previous match or the sentence
// start.
func (s *scoper) label(m match, stop int) {
	n := 0
	for j := m.start - 1; j >= stop && n < scopeWindow; j-- {
		if s.inHeader(j) || j < m.start-1 && strings.IndexByte(s.gap(j+1), ':') >= 0 {
			break
		}
		if s.mark(j) {
			n++
		}
	}
}

// screening reports a screening trigger ("HIV screening"): a test named
// after what it looks for.
func screening(r *rule) bool {
	return r.result && r.kind == Hypothetical
}

// pastKinds reports whether two phrases are both past-event triggers
// (Historical, with or without Ended).
func pastKinds(a, b *rule) bool {
	const past = Historical | Ended
	return a.role == trigger && b.role == trigger && a.kind&^past == 0 && b.kind&^past == 0
}

// blankLine reports whether gap, the text between two tokens, ends a
// paragraph: it spans at least two line breaks.
func blankLine(gap string) bool {
	return strings.Count(gap, "\n") >= 2
}
