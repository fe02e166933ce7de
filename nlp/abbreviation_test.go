package nlp

import (
	"strings"
	"testing"
)

func TestDictionarySize(t *testing.T) {
	p := testPipeline(t)
	if n := len(p.abbr); n < 600 {
		t.Errorf("dictionary has %d abbreviations, want >= 600", n)
	}
	for _, key := range []string{"htn", "dm", "dm2", "t2dm", "iddm", "ckd", "copd", "chf", "hfref", "cad", "mi", "stemi",
		"sob", "doe", "n/v", "uti", "gerd", "afib", "af", "dvt", "pe", "cva", "tia", "osa", "bph", "ra", "oa",
		"h/o", "s/p", "c/o", "r/o", "w/", "w/o", "hx", "dx", "tx", "fx", "abd", "uri", "bmi", "ms", "cp", "mr", "pt",
		"esrd", "nstemi", "amd", "asd", "vsd", "pfo", "dcis", "cll", "aml", "hsil", "lsil", "cin", "ibs-c", "ibs-d", "pad",
		"mca", "aca", "pca", "atfl", "ddd", "mssa", "mrsa", "diff", "fit", "iud", "aecopd", "brca", "ltbi", "sbo"} {
		if p.abbr[key] == nil {
			t.Errorf("dictionary lacks %q", key)
		}
	}
}

func TestAbbreviationSenses(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text, abbr, want string // want "" = not expanded
	}{
		{"PE: lungs clear, RRR", "PE", "physical examination"},
		{"Physical exam:\nPE unremarkable", "PE", "physical examination"},
		{"DVT and PE on anticoagulation", "PE", "pulmonary embolism"},
		{"CTA chest shows PE", "PE", "pulmonary embolism"},
		{"History of MS with optic neuritis and MRI lesions", "MS", "multiple sclerosis"},
		{"Echo: severe MS, mitral valve area 0.9", "MS", "mitral stenosis"},
		{"Medications: MS contin 30 mg PO", "MS", "morphine sulfate"},
		{"SpO2 96% on RA", "RA", "room air"},
		{"RA on methotrexate with joint swelling", "RA", "rheumatoid arthritis"},
		{"CP radiating to the left arm", "CP", "chest pain"},
		{"Child with spastic CP in a wheelchair", "CP", "cerebral palsy"},
		{"Echo: moderate MR, mitral valve", "MR", "mitral regurgitation"},
		{"Pt denies fever", "Pt", "patient"},
		{"Labs: PT 14 sec, INR 1.2", "PT", "prothrombin time"},
		{"Plan: PT evaluation for gait training", "PT", "physical therapy"},
		{"Exam: lungs CTA bilaterally", "CTA", "clear to auscultation"},
		{"Exam: CTA head and neck: occlusion of the right MCA", "CTA", "computed tomography angiography"},
		{"Hx of AFib", "AFib", "atrial fibrillation"},
		{"AFIB with RVR", "AFIB", "atrial fibrillation"},
		{"c/o N/V", "N/V", "nausea and vomiting"},
		{"65 y/o", "y/o", "year old"},
		{"Ms. Jones", "Ms", ""},
		{"as needed", "as", ""},
		{"severe AS on echo", "AS", "aortic stenosis"},
		{"SUCH AS THIS", "AS", ""},
		{"R knee pain", "R", "right"},
		{"the cad", "cad", ""},
		// hyphenated keys are one token
		{"IBS-D with cramping", "IBS-D", "irritable bowel syndrome with diarrhea"},
		{"IBS-C on linaclotide", "IBS-C", "irritable bowel syndrome with constipation"},
		{"admitted with non-STEMI", "non-STEMI", "non st elevation myocardial infarction"},
		{"N-STEMI last week", "N-STEMI", "non st elevation myocardial infarction"},
		{"new A-fib with RVR", "A-fib", "atrial fibrillation"},
		{"biopsy shows CIN-2", "CIN-2", "cervical intraepithelial neoplasia grade ii"},
		{"CIN2 on biopsy", "CIN2", "cervical intraepithelial neoplasia grade ii"},
		{"IBS without diarrhea", "IBS", "irritable bowel syndrome"},
		// senses decided by cues
		{"C. diff colitis on vancomycin", "diff", "clostridium difficile"},
		{"CBC with diff", "diff", "differential count"},
		{"secundum ASD on echo", "ASD", "atrial septal defect"},
		{"ASD with speech delay, in ABA therapy", "ASD", "autism spectrum disorder"},
		{"Smoker, 1 PPD for 20 years", "PPD", "packs per day"},
		{"PPD positive with 12 mm induration", "PPD", "tuberculin skin test"},
		{"PEG tube site clean", "PEG", "percutaneous endoscopic gastrostomy"},
		{"Medications: PEG 17 g daily", "PEG", "polyethylene glycol"},
		{"left MCA infarct", "MCA", "middle cerebral artery"},
		{"PCA pump with hydromorphone", "PCA", "patient controlled analgesia"},
		{"GBS positive at 36 weeks, penicillin in labor", "GBS", "group b streptococcus carrier"},
		{"GBS with ascending weakness, started IVIG", "GBS", "guillain barre syndrome"},
		{"NPH 20 units at bedtime", "NPH", "isophane insulin"},
		{"NPH with gait apraxia", "NPH", "normal pressure hydrocephalus"},
		{"left AMA after signing the form", "AMA", "against medical advice"},
		{"AMA, 38 weeks gestation", "AMA", "advanced maternal age"},
		// an exact mixed-case spelling picks its sense
		{"PsA with dactylitis", "PsA", "psoriatic arthritis"},
		{"PsA flare", "PsA", "psoriatic arthritis"},
		{"PSA 4.5 ng/mL", "PSA", "prostate specific antigen"},
		// new entries
		{"HSIL on Pap", "HSIL", "high grade squamous intraepithelial lesion"},
		{"right breast DCIS", "DCIS", "intraductal carcinoma in situ"},
		{"recurrent UTIs", "UTIs", "urinary tract infections"},
		{"LTBI, starting rifampin", "LTBI", "latent tuberculosis infection"},
		{"Mirena IUD in place", "IUD", "intrauterine contraceptive device"},
		{"FIT positive", "FIT", "fecal immunochemical test for occult blood"},
		{"DID NOT FIT", "FIT", ""},
		{"BRCA1 carrier", "BRCA1", "breast cancer gene 1 genetic susceptibility"},
		{"dry amd both eyes", "amd", "age related macular degeneration"},
		{"THE ODD ONE", "ODD", ""},
		{"ODD with temper outbursts", "ODD", "oppositional defiant disorder"},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		i := tokenAt(d, tc.abbr)
		if i < 0 {
			t.Fatalf("%q: no token %q", tc.text, tc.abbr)
		}
		got := ""
		for _, a := range d.Abbreviations {
			if a.Span.Start == d.Tokens[i].Start {
				got = a.Expansion
			}
		}
		if got != tc.want {
			t.Errorf("%q: %s expands to %q, want %q", tc.text, tc.abbr, got, tc.want)
		}
	}
}

func TestDictionaryParseErrors(t *testing.T) {
	p := testPipeline(t)
	for _, src := range []string{
		"ABC",                     // no expansion
		"ABC | abc | colour=blue", // unknown field
		"A B | words",             // key is two tokens
		"ABC | of the",            // only stop words
	} {
		err := p.parseAbbreviations("test.txt", "# comment\n"+src+"\n", map[string]*abbreviation{})
		if err == nil || !strings.Contains(err.Error(), "test.txt:2") {
			t.Errorf("%q: error %v, want one naming test.txt:2", src, err)
		}
	}
}

// TestCueHeadsAgree holds cueScore's first-byte filter (windowHeads) to
// the plain search, which reads every token of the window: every sense of
// every abbreviation of the test and dev notes scores the same either
// way.
func TestCueHeadsAgree(t *testing.T) {
	p := testPipeline(t)
	checked := 0
	for _, text := range testNotes(t) {
		d := p.Analyze(text)
		for i, tk := range d.Tokens {
			a := p.abbr[tk.Norm]
			if a == nil {
				continue
			}
			var heads headSet
			windowHeads(&heads, d.Tokens, i)
			all := headSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			for k := range a.senses {
				s := &a.senses[k]
				if got, want := cueScore(s.cues, d.Tokens, i, &heads), cueScore(s.cues, d.Tokens, i, &all); got != want {
					t.Fatalf("%q at %d, sense %q: cue score %d with the window's heads, %d searching", tk.Norm, tk.Start, s.expansion, got, want)
				}
				checked += len(s.cues)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no cue checked")
	}
}
