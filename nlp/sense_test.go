package nlp

import (
	"strings"
	"testing"
)

func TestSense(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text, span string
		vaccine    string // the vaccine word, "" when none
		instrument string
	}{
		{"Tetanus diphtheria booster given today.", "diphtheria", "booster", ""},
		{"Tetanus diphtheria booster given today.", "Tetanus", "booster", ""},
		{"Received influenza vaccine in October.", "influenza", "vaccine", ""},
		{"Flu shot given.", "Flu", "shot", ""},
		{"She was vaccinated against measles as a child.", "measles", "vaccinated", ""},
		{"Tdap given in the left deltoid.", "Tdap", "Tdap", ""},
		{"Influenza with fever; vaccine offered next week.", "Influenza", "", ""},
		{"Patient received influenza vaccine and now has pneumonia.", "pneumonia", "", ""},
		{"The cystic duct was clamped with a hemostat and clipped.", "hemostat", "", "clamped"},
		{"Hemostats were used to control bleeding.", "Hemostats", "", "used"},
		{"Dispensed a walker for home use.", "walker", "", ""},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		k := strings.Index(tc.text, tc.span)
		s := Span{k, k + len(tc.span)}
		got := ""
		if v, ok := d.VaccineTarget(s); ok {
			got = tc.text[v.Start:v.End]
		}
		if got != tc.vaccine {
			t.Errorf("%q: VaccineTarget(%q) = %q, want %q", tc.text, tc.span, got, tc.vaccine)
		}
		got = ""
		if v, ok := d.InstrumentUse(s); ok {
			got = tc.text[v.Start:v.End]
		}
		if got != tc.instrument {
			t.Errorf("%q: InstrumentUse(%q) = %q, want %q", tc.text, tc.span, got, tc.instrument)
		}
		// A Document not from Analyze has no sense words found: the gates
		// scan it and answer the same.
		bare := Document{Text: d.Text, Tokens: d.Tokens}
		v1, ok1 := d.VaccineTarget(s)
		v2, ok2 := bare.VaccineTarget(s)
		i1, ok3 := d.InstrumentUse(s)
		i2, ok4 := bare.InstrumentUse(s)
		if v1 != v2 || ok1 != ok2 || i1 != i2 || ok3 != ok4 {
			t.Errorf("%q: analysed and bare documents differ", tc.text)
		}
	}
}

// TestSenseWords: Analyze records which sense words a note holds, so the
// gates skip a note without any.
func TestSenseWords(t *testing.T) {
	p := testPipeline(t)
	for _, tc := range []struct {
		text string
		want senseWords
	}{
		{"Dispensed a walker for home use.", 0},
		{"Flu shot given.", senseVaccine},
		{"Tdap given.", senseVaccine},
		{"Hemostats were used.", senseInstrument},
		{"Vaccine given; retractor used.", senseVaccine | senseInstrument},
		{"She is pregnant.", sensePregnancy},
		{"Not pregnant.", sensePregnancy}, // the gate reads the words; Pregnancy the assertions
		{"G2P1 at 24 weeks.", sensePregnancy},
		{"Gp1 g2p, gap.", 0},
	} {
		if got := p.Analyze(tc.text).senses; got != tc.want|sensesKnown {
			t.Errorf("%q: senses %b, want %b", tc.text, got, tc.want|sensesKnown)
		}
	}
}

func TestPregnancy(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text string
		want string
	}{
		{"29-year-old G2P1 at 24 weeks gestation.", "G2P1"},
		{"She is pregnant.", "pregnant"},
		{"Urine pregnancy test negative.", ""},
		{"Not pregnant.", ""},
		{"There is a mole on the left forearm.", ""},
		{"Her sister is pregnant.", ""},
		{"Partial hydatidiform mole.", "hydatidiform"},
		{"Hyperemesis gravidarum with dehydration.", "gravidarum"},
		{"Cannabinoid hyperemesis syndrome.", ""},
		{"Oligohydramnios on ultrasound.", "Oligohydramnios"},
		{"Breech presentation, singleton.", "singleton"},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		got := ""
		if s, ok := d.Pregnancy(); ok {
			got = tc.text[s.Start:s.End]
		}
		if got != tc.want {
			t.Errorf("%q: Pregnancy = %q, want %q", tc.text, got, tc.want)
		}
		bare := Document{Text: d.Text, Tokens: d.Tokens} // scanned: no sense words recorded
		s1, ok1 := d.Pregnancy()
		if s2, ok2 := bare.Pregnancy(); s1 != s2 || ok1 != ok2 {
			t.Errorf("%q: analysed and bare documents differ", tc.text)
		}
	}
}

func TestLabelTokens(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text   string
		labels string // label tokens, space separated
	}{
		{"PHYSICAL EXAMINATION:\nGENERAL: Well developed.\nHEENT: Normocephalic.\nCARDIOVASCULAR: Regular rate.", "GENERAL HEENT CARDIOVASCULAR"},
		{"Mental status: alert. Skin: warm and dry.", "Mental status Skin"},
		{"PE:,GENERAL: No distress.", "GENERAL"},
		{"Chest pain: none.", ""},
		{"Assessment: chest wall pain.", ""},
		{"The chest: clear", ""},
		// a note's title: first line, capitals, no colon, text after it
		{"PEDIATRIC SICK VISIT\n\nCHIEF COMPLAINT: Ear pain.", "PEDIATRIC SICK VISIT"},
		{"\nINFECTIOUS DISEASE CONSULTATION\nREASON: Cellulitis.", "INFECTIOUS DISEASE CONSULTATION"},
		{"COPD EXACERBATION", ""},
		{"COPD exacerbation\nOn prednisone.", ""},
		{"EXAM: CHEST, 2 VIEWS\nFINDINGS: Clear.", ""},
		{"ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE\nText.", ""},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		var got []string
		for i, l := range d.LabelTokens(nil) {
			if l {
				got = append(got, tc.text[d.Tokens[i].Start:d.Tokens[i].End])
			}
		}
		if strings.Join(got, " ") != tc.labels {
			t.Errorf("%q: labels %q, want %q", tc.text, got, tc.labels)
		}
	}
}

// FuzzSense: the sense answers stay inside the text, and the per-token
// answers cover every token, for any text and span.
func FuzzSense(f *testing.F) {
	f.Add("Tetanus diphtheria booster given. Hemostat was used. G2P1 at 24 weeks.\nHEENT: Chest pain (-).", 0, 7)
	f.Add("Fever: none. (-) (-):", 3, 2)
	p := testPipeline(f)
	f.Fuzz(func(t *testing.T, text string, start, n int) {
		d := p.Analyze(text)
		start = max(0, min(start, len(text)))
		s := Span{start, max(start, min(len(text), start+max(n, 0)))}
		for _, fn := range []func(Span) (Span, bool){d.VaccineTarget, d.InstrumentUse} {
			if v, ok := fn(s); ok && (v.Start < 0 || v.End > len(text) || v.Start >= v.End) {
				t.Fatalf("span %v out of the text (%d bytes)", v, len(text))
			}
		}
		if v, ok := d.Pregnancy(); ok && (v.Start < 0 || v.End > len(text)) {
			t.Fatalf("pregnancy span %v out of the text", v)
		}
		if len(d.TriggerTokens(nil)) != len(d.Tokens) || len(d.LabelTokens(nil)) != len(d.Tokens) {
			t.Fatal("per-token answers do not cover the tokens")
		}
	})
}
