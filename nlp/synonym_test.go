package nlp

import (
	"slices"
	"strings"
	"testing"
)

// termString renders terms as "stem" for surface terms and "+stem" for
// expanded ones.
func termString(terms []Term) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = t.Stem
		if t.Expanded {
			parts[i] = "+" + t.Stem
		}
	}
	return strings.Join(parts, " ")
}

func TestSynonyms(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text, want string
	}{
		// canonical stems: the token keeps its Norm, its Stem is the canonical one
		{"renal failure", "kidney failur"},
		{"kidney failure", "kidney failur"},
		{"hepatic failure", "liver failur"},
		{"hepatitis", "hepatitis"}, // an inflammation keeps its whole form (stem.go)
		{"sinus sinusitis thyroid thyroiditis", "sinus sinusitis thyroid thyroiditis"},
		{"Streptococcus pneumoniae pneumonia", "streptococcus pneumoniae pneumonia"},
		{"social alcohol use, no alcoholism", "social alcohol use no alcoholism"},
		{"severe asthma, severity not classified", "sever asthma severity not classifi"},
		{"vertebrae sequelae", "vertebra sequela"},
		{"cardiac arrest", "heart arrest"},
		{"gastric ulcus", "stomach ulcer"},
		{"cutaneous lesion, dermal cyst", "skin lesion skin cyst"},
		{"subcutaneous", "subcutan"},
		{"oedema and haemorrhage", "edema hemorrhag"},
		{"gastrointestinal bleeding", "gastrointestin hemorrhag"},
		{"urinary lithiasis", "urinari calculus"},
		{"neoplasia", "neoplasm"},
		// Latin and Greek plurals meet their singular
		{"pulmonary emboli", "lung embol"},
		{"pulmonary embolus", "lung embol"},
		{"pulmonary embolism", "lung embol"},
		{"renal calculi", "kidney calculus"},
		{"thrombi", "thrombus"},
		{"stenoses", "stenosi"},
		{"testes", "testi"},
		// expansions
		{"breast cancer", "breast cancer +malign +neoplasm"},
		{"Cancers", "cancer +malign +neoplasm"},
		{"lung carcinoma", "lung carcinoma +malign +neoplasm"},
		{"pulmonary tumour", "lung tumor +neoplasm"},
		{"bone metastases", "bone metastasi +secondari +malign +neoplasm"},
		{"cervical adenopathies", "cervic adenopathi +enlarg +lymph +node"},
		{"history of stroke", "histori stroke +brain +infarct"},
		// phrases: after the first word, over the whole phrase
		{"annual screening mammogram", "annual screen +routin mammogram"},
		{"heart attack", "heart +myocardium +infarct attack"},
		{"heart-attack", "heart +myocardium +infarct attack"},
		{"cardiac attack", "heart +myocardium +infarct attack"},
		{"high blood pressure", "high +hypertens blood pressur"},
		{"heart. Attack", "heart attack"},
		{"heart\nattack", "heart attack"},
		{"high, blood pressure", "high blood pressur"},
		// abbreviation expansions go through the table too
		{"CA of breast", "ca +cancer +malign +neoplasm breast"},
	}
	for _, tc := range tests {
		if got := termString(p.Terms(tc.text)); got != tc.want {
			t.Errorf("%q: terms %q, want %q", tc.text, got, tc.want)
		}
		checkDocument(t, p, tc.text)
	}
}

func TestSynonymSpans(t *testing.T) {
	p := testPipeline(t)
	text := "Known high blood pressure and cancer."
	d := p.Analyze(text)
	var got []string
	for _, tm := range d.Terms {
		if tm.Expanded {
			got = append(got, tm.Norm+"@"+text[tm.Start:tm.End])
		}
	}
	want := []string{"hypertension@high blood pressure", "malignant@cancer", "neoplasm@cancer"}
	if !slices.Equal(got, want) {
		t.Errorf("expanded terms %q, want %q", got, want)
	}
	i := tokenAt(d, "cancer")
	if d.Tokens[i].Norm != "cancer" {
		t.Errorf("token norm %q, want cancer", d.Tokens[i].Norm)
	}
	r := tokenAt(p.Analyze("renal"), "renal")
	if tk := p.Analyze("renal").Tokens[r]; tk.Norm != "renal" || tk.Stem != "kidney" {
		t.Errorf("renal token %+v, want norm renal, stem kidney", tk)
	}
}

func TestNoSynonyms(t *testing.T) {
	p, err := New(Options{NoSynonyms: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := termString(p.Terms("renal cancer, heart attack")), "renal cancer heart attack"; got != want {
		t.Errorf("NoSynonyms terms %q, want %q", got, want)
	}
	if p.Hash() == testPipeline(t).Hash() {
		t.Error("NoSynonyms pipeline has the default hash")
	}
}

func TestParseSynonymsErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"renal kidney", "x.txt:1: want"},
		{"# c\n\nrenal =", "x.txt:3: want one target"},
		{"renal = kidney = organ", "x.txt:1: want one target"},
		{", renal = kidney", "x.txt:1: empty source"},
		{"renal failure = kidney", "x.txt:1: source \"renal failure\" is not a single word"},
		{"renal = kidney organ", "x.txt:1: canonical \"kidney organ\" is not a single word"},
		{"the = kidney", "x.txt:1: source \"the\" is a stop word"},
		{"renal = the", "x.txt:1: canonical \"the\" is a stop word"},
		{"renal = kidney\nrenal = nephros", "x.txt:2: source \"renal\" already has"},
		{"kidney = kidney", "x.txt:1: source \"kidney\" is its own"},
		{"renal = kidney\nnephric = renal", "x.txt:2: canonical \"renal\" is itself a source"},
		{"cancer + the of", "x.txt:1: expansion \"the of\" has only stop words"},
		{"- + neoplasm", "x.txt:1: source \"-\" has no word"},
		{"the heart + organ", "x.txt:1: source \"the heart\" starts with a stop word"},
		{"cancer + neoplasm\ncancers + tumor", "x.txt:2: source \"cancers\" already has an expansion (line 1)"},
	}
	for _, tc := range tests {
		p := &Pipeline{vocab: newVocab(false), slash: map[string]struct{}{}}
		err := p.parseSynonyms("x.txt", tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "nlp: ") {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestSynonymTableSize(t *testing.T) {
	p := testPipeline(t)
	if len(p.vocab.canon) < 40 || len(p.vocab.syn) < 8 {
		t.Errorf("table has %d canonical forms and %d expansions, want >= 40 and >= 8", len(p.vocab.canon), len(p.vocab.syn))
	}
}
