package suggest

import (
	"testing"

	"medcode/nlp"
)

// TestMayGate holds mayGate to senseGate: wherever mayGate says a code's
// gates cannot fire in a note, senseGate finds every mention in the
// code's sense. Every combination of the gate bits (ICD-10-CM or not,
// pregnancy, drug, vaccine, supply) is asked of every span of one to
// three tokens, in its own section and in every other, of hand-written
// notes tripping each gate and of the sample notes.
func TestMayGate(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"ANESTHESIA: general anesthesia with propofol.\nASSESSMENT: hypertension, diabetes.",
		"Tdap given today; tetanus diphtheria booster. Vaccinated against measles. Influenza vaccine declined.",
		"The duct was clamped with a hemostat; hemostats were used. Gauze and a catheter placed.",
		"34 year old G2P1 at 32 weeks gestation with gestational diabetes. Mole on the back.",
		"Chest pain and shortness of breath. No fever. Mother with breast cancer.",
	}
	texts = withSampleNotes(t, texts)
	gateBits := []uint16{asrtPregnancy, asrtDrug, asrtVaccine, asrtSupply}
	var facts []codeFact
	for _, icd := range []uint8{0, factICD} {
		for set := range 1 << len(gateBits) {
			f := codeFact{flags: icd}
			for b, bit := range gateBits {
				if set&(1<<b) != 0 {
					f.asrt |= bit
				}
			}
			facts = append(facts, f)
		}
	}
	e := &Engine{}
	w := &work{}
	skipped, fired := 0, map[senseWhy]int{}
	for _, text := range texts {
		w.preg = 0
		doc := pipe.AnalyzeInto(&w.doc, text)
		g := noteGatesOf(doc)
		for _, f := range facts {
			may := g.mayGate(&f)
			for i, tk := range doc.Tokens {
				for span := range 3 {
					last := min(i+span, len(doc.Tokens)-1)
					for sec := -1; sec < len(doc.Sections); sec++ {
						m := &mention{start: tk.Start, end: doc.Tokens[last].End, section: sec}
						why, _ := e.senseGate(w, f, m)
						if why != 0 {
							fired[why]++
						}
						if !may {
							skipped++
							if why != 0 {
								t.Fatalf("%.30q tokens %d..%d section %d facts %+v: mayGate false, senseGate %d", text, i, last, sec, f, why)
							}
						}
					}
				}
			}
		}
	}
	if skipped == 0 {
		t.Fatal("mayGate never skipped: the test reads nothing")
	}
	for _, why := range []senseWhy{senseAnesthesia, senseNotPregnant, senseDrugInstrument, senseVaccination, senseSupplyInstrument} {
		if fired[why] == 0 {
			t.Errorf("gate %d never fired: the test does not reach it", why)
		}
	}
}
