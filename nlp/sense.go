package nlp

import (
	"slices"
	"strings"
)

// Sense: the context a span's words are used in, where the same words name
// different things. The answers are linguistic; which codes they gate is
// the caller's business.

// vaccineWords say that the disease named next to them is what a vaccine
// protects against ("tetanus diphtheria booster", "flu shot",
// "vaccinated against measles").
var vaccineWords = map[string]bool{
	"vaccine": true, "vaccines": true, "vaccination": true, "vaccinations": true, "vaccinated": true,
	"immunization": true, "immunizations": true, "immunized": true, "immunisation": true,
	"booster": true, "boosters": true, "toxoid": true, "toxoids": true, "shot": true, "shots": true,
	"vaccinate": true, "inoculation": true, "immunoglobulin": true,
}

// vaccineNames are vaccines named by abbreviation: the disease words of
// their expansion are vaccine targets.
var vaccineNames = map[string]bool{
	"tdap": true, "dtap": true, "dtp": true, "mmr": true, "mmrv": true, "ipv": true, "opv": true,
	"pcv": true, "pcv13": true, "pcv15": true, "pcv20": true, "ppsv23": true, "hepb": true, "hepa": true,
}

// vaccineAny is vaccineWords and vaccineNames in one table: one lookup
// per token of a span.
var vaccineAny = func() map[string]bool {
	m := make(map[string]bool, len(vaccineWords)+len(vaccineNames))
	for _, t := range []map[string]bool{vaccineWords, vaccineNames} {
		for w, ok := range t {
			m[w] = m[w] || ok
		}
	}
	return m
}()

// vaccineLinks join a vaccine word to the disease after it ("vaccine
// against", "immunization for").
var vaccineLinks = map[string]bool{"against": true, "for": true, "of": true}

// instrumentWords are the verbs of using an instrument during a procedure.
var instrumentWords = map[string]bool{
	"used": true, "using": true, "utilized": true, "utilizing": true, "clamped": true, "clamping": true,
	"grasped": true, "grasping": true, "retracted": true, "retracting": true, "cauterized": true,
	"ligated": true, "dissected": true, "dissecting": true, "divided": true, "elevated": true,
}

// pregnancyWords say the patient is or was just pregnant.
var pregnancyWords = map[string]bool{
	"pregnant": true, "pregnancy": true, "pregnancies": true, "gestation": true, "gestational": true,
	"gravid": true, "gravida": true, "trimester": true, "antepartum": true, "prenatal": true, "antenatal": true,
	"postpartum": true, "puerperal": true, "puerperium": true, "obstetric": true, "obstetrical": true,
	"intrauterine": true, "fetus": true, "fetal": true, "placenta": true, "placental": true, "labor": true,
	"delivery": true, "delivered": true, "cesarean": true, "miscarriage": true, "abortion": true,
	"ectopic": true, "hydatidiform": true, "molar": true, "preeclampsia": true, "eclampsia": true,
	"edd": true, "edc": true, "ega": true,
	// Conditions and words that exist only in a pregnancy.
	"gravidarum": true, "primigravida": true, "multigravida": true, "primigravid": true, "multigravid": true,
	"oligohydramnios": true, "polyhydramnios": true, "previa": true, "chorioamnionitis": true, "hellp": true,
	"tolac": true, "gestations": true, "singleton": true,
	"monochorionic": true, "dichorionic": true, "diamniotic": true, "monoamniotic": true,
}

// tokenRange returns the tokens inside span s, [first, last]; ok is false
// when no token lies inside it.
func (d *Document) tokenRange(s Span) (first, last int, ok bool) {
	// sort.Search written out: the gates ask once per mention of every
	// candidate they apply to, thousands of times on a long note.
	toks := d.Tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if toks[m].Start < s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	first = lo
	last = first
	for last < len(toks) && toks[last].End <= s.End {
		last++
	}
	return first, last - 1, last > first
}

// VaccineTarget reports whether the words of s name what a vaccine
// protects against, and where the note says vaccine: a vaccine word among
// the three non-stop tokens after s in its sentence ("tetanus diphtheria
// booster", "influenza vaccine"), a vaccine word and a link just before s
// ("vaccinated against measles"), or s itself a vaccine abbreviation
// ("Tdap").
func (d *Document) VaccineTarget(s Span) (Span, bool) {
	if !d.mayHold(senseVaccine) {
		return Span{}, false
	}
	first, last, ok := d.tokenRange(s)
	if !ok {
		return Span{}, false
	}
	toks := d.Tokens
	for j := first; j <= last; j++ {
		if d.senseAt(j)&senseVaccine != 0 { // vaccineAny
			return Span{toks[j].Start, toks[j].End}, true
		}
	}
	sent := toks[last].Sent
	n := 0
	for j := last + 1; j < len(toks) && toks[j].Sent == sent && n < 3; j++ {
		if d.senseAt(j)&senseVaccineWord != 0 {
			return Span{toks[j].Start, toks[j].End}, true
		}
		if !toks[j].Stop {
			n++
		}
	}
	if j := first - 1; j > 0 && toks[j].Sent == toks[first].Sent && d.senseAt(j)&senseVaccineLink != 0 {
		if k := j - 1; toks[k].Sent == toks[j].Sent && d.senseAt(k)&senseVaccineWord != 0 {
			return Span{toks[k].Start, toks[k].End}, true
		}
	}
	return Span{}, false
}

// InstrumentUse reports whether the words of s name a device used as an
// instrument during a procedure ("the duct was clamped with a hemostat",
// "hemostats were used"): a verb of using an instrument within three
// non-stop tokens either side of s in its sentence.
func (d *Document) InstrumentUse(s Span) (Span, bool) {
	if !d.mayHold(senseInstrument) {
		return Span{}, false
	}
	first, last, ok := d.tokenRange(s)
	if !ok {
		return Span{}, false
	}
	toks := d.Tokens
	sent := toks[first].Sent
	n := 0
	for j := last + 1; j < len(toks) && toks[j].Sent == sent && n < 3; j++ {
		if d.senseAt(j)&senseInstrument != 0 {
			return Span{toks[j].Start, toks[j].End}, true
		}
		if !toks[j].Stop {
			n++
		}
	}
	n = 0
	for j := first - 1; j >= 0 && toks[j].Sent == sent && n < 3; j-- {
		if d.senseAt(j)&senseInstrument != 0 {
			return Span{toks[j].Start, toks[j].End}, true
		}
		if !toks[j].Stop {
			n++
		}
	}
	return Span{}, false
}

// Pregnancy reports whether the note documents a current or just ended
// pregnancy, and the first words saying so: a pregnancy word ("pregnant",
// "gestation", "trimester", "postpartum", "G2P1", ...) not negated, not a
// relative's and not hypothetical ("pregnancy test negative" is not).
func (d *Document) Pregnancy() (Span, bool) {
	if !d.mayHold(sensePregnancy) {
		return Span{}, false
	}
	for j := range d.Tokens {
		t := &d.Tokens[j]
		if t.Assert&(Negated|Family|Hypothetical) != 0 {
			continue
		}
		if d.senseAt(j)&sensePregnancy != 0 { // pregnancyWords or gravida-para
			return Span{t.Start, t.End}, true
		}
	}
	return Span{}, false
}

// gravidaPara reports the obstetric shorthand "g2p1", "g3p2012".
func gravidaPara(w string) bool {
	if len(w) < 4 || w[0] != 'g' {
		return false
	}
	i := 1
	for i < len(w) && isDigitByte(w[i]) {
		i++
	}
	if i == 1 || i >= len(w) || w[i] != 'p' {
		return false
	}
	j := i + 1
	for j < len(w) && isDigitByte(w[j]) {
		j++
	}
	return j > i+1 && j == len(w)
}

// TriggerTokens reports, per token (in dst, reused), whether the token is
// part of the trigger phrase of an assertion ("without", "denies", "his
// wife's"): those words state the assertion, not the finding.
func (d *Document) TriggerTokens(dst []bool) []bool {
	dst = slices.Grow(dst[:0], len(d.Tokens))[:len(d.Tokens)]
	clear(dst)
	for _, a := range d.Assertions {
		if a.Trigger == a.Scope {
			continue // "NKDA" is its own trigger and finding
		}
		first, last, ok := d.tokenRange(a.Trigger)
		for j := first; ok && j <= last; j++ {
			dst[j] = true
		}
	}
	return dst
}

// systemLabels are the words of the sub-headings of a review of systems or
// an examination ("HEENT:", "Cardiovascular:", "General appearance:",
// "Mental status:"): they name a body system or part of the exam, not a
// finding.
var systemLabels = map[string]bool{
	"general": true, "constitutional": true, "appearance": true, "heent": true, "head": true, "eyes": true,
	"eye": true, "ears": true, "ent": true, "nose": true, "throat": true, "mouth": true, "oropharynx": true,
	"neck": true, "chest": true, "breast": true, "breasts": true, "heart": true, "cardiovascular": true,
	"cardiac": true, "cv": true, "cvs": true, "lungs": true, "lung": true, "pulmonary": true, "respiratory": true,
	"resp": true, "abdomen": true, "abdominal": true, "gi": true, "gastrointestinal": true, "gu": true,
	"genitourinary": true, "genitalia": true, "pelvic": true, "rectal": true, "back": true, "spine": true,
	"musculoskeletal": true, "msk": true, "extremities": true, "extremity": true, "skin": true,
	"integumentary": true, "neuro": true, "neurologic": true, "neurological": true, "psych": true,
	"psychiatric": true, "mental": true, "status": true, "lymphatic": true, "lymph": true, "nodes": true,
	"hematologic": true, "heme": true, "endocrine": true, "allergic": true,
	"immunologic": true, "vascular": true, "pulses": true, "vital": true, "signs": true,
}

// LabelTokens reports, per token (in dst, reused), whether the token is in
// the sub-heading label of a body system ("CARDIOVASCULAR: Regular rate",
// "Mental status: alert"): at most four system words ended by a colon, at
// a line or sentence start or after another colon; or in the note's title,
// a first line in capitals with no colon and text after it ("PEDIATRIC
// SICK VISIT", "INFECTIOUS DISEASE CONSULTATION"). Such a label is a
// heading, never a finding.
func (d *Document) LabelTokens(dst []bool) []bool {
	toks := d.Tokens
	dst = slices.Grow(dst[:0], len(toks))[:len(toks)]
	clear(dst)
	for j := range d.titleTokens() {
		dst[j] = true
	}
	// Colon by colon: the token before a colon is the last one ending at
	// or before it (no token holds a colon), found by lastEndBy without
	// reading every token; the colons up to the next token's end have
	// that token too.
	lo := 0 // the tokens before lo end before the colon looked for
	for c := 0; ; {
		k := strings.IndexByte(d.Text[c:], ':')
		if k < 0 {
			break // no colon ends a label after token lo-1
		}
		c += k
		j := lastEndBy(toks, lo, c)
		if j < 0 {
			c++ // a colon before the first token's end
			continue
		}
		d.markLabel(dst, j)
		if j+1 == len(toks) {
			break
		}
		lo, c = j+2, toks[j+1].End
	}
	return dst
}

// lastEndBy returns the last of toks that ends at or before c, or -1
// when none does, given that toks[:lo] all do: it gallops from lo (reads
// toks lo, lo+1, lo+3, lo+7, ...) and halves the last step, reading a
// few tokens for a long stretch without a colon (LabelTokens) rather than
// all of them.
func lastEndBy(toks []Token, lo, c int) int {
	hi := lo // toks[lo:hi] all end at or before c; toks[hi:end] unknown
	end := len(toks)
	for step := 1; hi < end; step *= 2 {
		if toks[hi].End > c {
			end = hi
			break
		}
		lo = hi + 1
		hi = min(hi+step, end)
	}
	// toks[:lo] end at or before c, toks[end:] after it.
	for lo < end {
		m := int(uint(lo+end) >> 1)
		if toks[m].End <= c {
			lo = m + 1
		} else {
			end = m
		}
	}
	return lo - 1
}

// markLabel marks in dst the system label a colon after token j ends:
// token j and up to three system words before it, no sentence mark
// between them, when the label starts the text, a line, a sentence or
// follows another colon (LabelTokens).
func (d *Document) markLabel(dst []bool, j int) {
	toks := d.Tokens
	gap := func(j int) string { // text before token j
		if j == 0 {
			return d.Text[:toks[0].Start]
		}
		return d.Text[toks[j-1].End:toks[j].Start]
	}
	k := j
	for k >= 0 && j-k < 4 && systemLabels[toks[k].Norm] && (k == j || !strings.ContainsAny(gap(k+1), ":.;\n")) {
		k--
	}
	first := k + 1
	if first > j {
		return
	}
	if g := gap(first); first == 0 || strings.ContainsAny(g, ":\n") || toks[first].Sent != toks[first-1].Sent {
		for x := first; x <= j; x++ {
			dst[x] = true
		}
	}
}

// titleMax is the most tokens of a note title.
const titleMax = 8

// titleTokens is the number of leading tokens that make the note's title:
// its first non-empty line when that line has letters, all in capitals, at
// most titleMax tokens, no colon, and the note goes on after it. A one-line
// statement in capitals is text, not a title.
func (d *Document) titleTokens() int {
	text := strings.TrimLeft(d.Text, " \t\r\n")
	nl := strings.IndexByte(text, '\n')
	if nl < 0 || strings.TrimSpace(text[nl:]) == "" {
		return 0
	}
	line := text[:nl]
	if strings.IndexByte(line, ':') >= 0 || strings.ToUpper(line) != line || strings.ToLower(line) == line {
		return 0
	}
	end := len(d.Text) - len(text) + nl
	n := 0
	for n < len(d.Tokens) && d.Tokens[n].End <= end {
		n++
	}
	if n > titleMax {
		return 0
	}
	return n
}
