package nlp

import (
	"math/rand"
	"sort"
	"testing"

	"medcode/internal/testenv"
)

// tokenRangeBySearch is tokenRange as first written: the first and last
// tokens inside s, found by sort.Search; ok is false when none is.
func tokenRangeBySearch(d *Document, s Span) (first, last int, ok bool) {
	first = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= s.Start })
	last = first
	for last < len(d.Tokens) && d.Tokens[last].End <= s.End {
		last++
	}
	if last == first {
		return 0, 0, false
	}
	return first, last - 1, true
}

// vaccineTargetByMaps is VaccineTarget as first written: the word lists'
// maps looked up per token, the span's tokens found by a search of
// every token.
func vaccineTargetByMaps(d *Document, s Span) (Span, bool) {
	first, last, ok := tokenRangeBySearch(d, s)
	if !ok {
		return Span{}, false
	}
	toks := d.Tokens
	for j := first; j <= last; j++ {
		if vaccineWords[toks[j].Norm] || vaccineNames[toks[j].Norm] {
			return Span{toks[j].Start, toks[j].End}, true
		}
	}
	sent := toks[last].Sent
	n := 0
	for j := last + 1; j < len(toks) && toks[j].Sent == sent && n < 3; j++ {
		if vaccineWords[toks[j].Norm] {
			return Span{toks[j].Start, toks[j].End}, true
		}
		if !toks[j].Stop {
			n++
		}
	}
	if j := first - 1; j > 0 && toks[j].Sent == toks[first].Sent && vaccineLinks[toks[j].Norm] {
		if k := j - 1; toks[k].Sent == toks[j].Sent && vaccineWords[toks[k].Norm] {
			return Span{toks[k].Start, toks[k].End}, true
		}
	}
	return Span{}, false
}

// instrumentUseByMaps is InstrumentUse as first written, instrumentWords
// looked up per token.
func instrumentUseByMaps(d *Document, s Span) (Span, bool) {
	first, last, ok := tokenRangeBySearch(d, s)
	if !ok {
		return Span{}, false
	}
	toks := d.Tokens
	sent := toks[first].Sent
	n := 0
	for j := last + 1; j < len(toks) && toks[j].Sent == sent && n < 3; j++ {
		if instrumentWords[toks[j].Norm] {
			return Span{toks[j].Start, toks[j].End}, true
		}
		if !toks[j].Stop {
			n++
		}
	}
	n = 0
	for j := first - 1; j >= 0 && toks[j].Sent == sent && n < 3; j-- {
		if instrumentWords[toks[j].Norm] {
			return Span{toks[j].Start, toks[j].End}, true
		}
		if !toks[j].Stop {
			n++
		}
	}
	return Span{}, false
}

// pregnancyByMaps is Pregnancy as first written.
func pregnancyByMaps(d *Document) (Span, bool) {
	for _, t := range d.Tokens {
		if t.Assert&(Negated|Family|Hypothetical) != 0 {
			continue
		}
		if pregnancyWords[t.Norm] || gravidaPara(t.Norm) {
			return Span{t.Start, t.End}, true
		}
	}
	return Span{}, false
}

// TestSenseBitsAgreeWithMaps: the sense bits Analyze writes on each token
// are the word lists' memberships of its Norm, and the gates reading them
// (and a Document built otherwise, scanned) answer as the map lookups
// did, for random spans of notes with the lists' words and of dev notes.
func TestSenseBitsAgreeWithMaps(t *testing.T) {
	p := testPipeline(t)
	notes := []string{"",
		"Tetanus diphtheria booster given today. She was vaccinated against measles as a child; Tdap, MMR and flu shot.",
		"The cystic duct was clamped with a hemostat and clipped. Hemostats were used; retractor utilized for exposure.",
		"29-year-old G2P1 at 24 weeks gestation. Her sister is pregnant. Not pregnant. Immunization for hepatitis B (hepb).",
		"Patient received influenza vaccine and now has pneumonia. Vaccine of choice for pneumococcus: PCV20 and PPSV23."}
	if !testing.Short() {
		for i, note := range testenv.DevNotes(t) {
			if i >= 60 {
				break
			}
			notes = append(notes, note)
		}
	}
	r := rand.New(rand.NewSource(1))
	for _, text := range notes {
		d := p.Analyze(text)
		bare := &Document{Text: d.Text, Tokens: d.Tokens} // no sense bits known: looked up
		for j, tk := range d.Tokens {
			n := tk.Norm
			want := map[senseWords]bool{
				senseVaccine:     vaccineWords[n] || vaccineNames[n],
				senseVaccineWord: vaccineWords[n],
				senseVaccineLink: vaccineLinks[n],
				senseInstrument:  instrumentWords[n],
				sensePregnancy:   pregnancyWords[n] || gravidaPara(n),
			}
			for bit, in := range want {
				if d.senseAt(j)&bit != 0 != in || bare.senseAt(j)&bit != 0 != in {
					t.Fatalf("%q: token %q sense bit %b: analysed %v, bare %v, want %v", text, n, bit, d.senseAt(j)&bit != 0, bare.senseAt(j)&bit != 0, in)
				}
			}
		}
		s1, ok1 := d.Pregnancy()
		if s2, ok2 := pregnancyByMaps(d); s1 != s2 || ok1 != ok2 {
			t.Fatalf("%.40q: Pregnancy = %v %v, want %v %v", text, s1, ok1, s2, ok2)
		}
		trials := 300
		if len(d.Tokens) == 0 {
			trials = 10
		}
		for trial := range trials {
			var s Span
			if len(d.Tokens) > 0 && trial%2 == 0 { // a run of whole tokens, as mentions are
				a := r.Intn(len(d.Tokens))
				b := min(len(d.Tokens)-1, a+r.Intn(4))
				s = Span{d.Tokens[a].Start, d.Tokens[b].End}
			} else {
				s.Start = r.Intn(len(text)+3) - 1
				s.End = s.Start + r.Intn(20)
			}
			for _, doc := range []*Document{d, bare} {
				v1, ok1 := doc.VaccineTarget(s)
				if v2, ok2 := vaccineTargetByMaps(d, s); v1 != v2 || ok1 != ok2 {
					t.Fatalf("%.40q %v: VaccineTarget = %v %v, want %v %v", text, s, v1, ok1, v2, ok2)
				}
				i1, ok1 := doc.InstrumentUse(s)
				if i2, ok2 := instrumentUseByMaps(d, s); i1 != i2 || ok1 != ok2 {
					t.Fatalf("%.40q %v: InstrumentUse = %v %v, want %v %v", text, s, i1, ok1, i2, ok2)
				}
			}
		}
	}
}
