package nlp

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text string
		want []string
	}{
		{"No fever. Cough present.", []string{"No fever", "Cough present"}},
		{"Seen by Dr. Smith today.", []string{"Seen by Dr. Smith today"}},
		{"Take 7.5 mg b.i.d. with food", []string{"Take 7.5 mg b.i.d. with food"}},
		{"Symptoms e.g. cough", []string{"Symptoms e.g. cough"}},
		{"pneumonia vs. bronchitis", []string{"pneumonia vs. bronchitis"}},
		{"fever; cough; rash", []string{"fever", "cough", "rash"}},
		{"1. HTN\n2. DM\n3. CKD", []string{"1. HTN", "2. DM", "3. CKD"}},
		{"Problems: 1) HTN 2) DM", []string{"Problems", "1) HTN", "2) DM"}},
		{"- HTN\n- DM\n* CKD\n• COPD", []string{"HTN", "DM", "CKD", "COPD"}},
		{"HTN - controlled", []string{"HTN", "controlled"}},
		{"patient reports pain in the\nleft knee since Monday", []string{"patient reports pain in the\nleft knee since Monday"}},
		{"Cough\nFever", []string{"Cough", "Fever"}},
		{"cough\n\nfever", []string{"cough", "fever"}},
		{"CC: cough\nHPI: fever for 2 days", []string{"CC", "cough", "HPI", "fever for 2 days"}},
		{"Is it PE? Unclear!", []string{"Is it PE", "Unclear"}},
		{"Sepsis due to E. coli UTI. C. difficile colitis", []string{"Sepsis due to E. coli UTI", "C. difficile colitis"}},
		{"Vitamin B. Patient stable", []string{"Vitamin B", "Patient stable"}},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, tc.text[s.Start:s.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: sentences %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text string
		want []string
	}{
		{"BP 120/80, T 37.5", []string{"BP", "120", "80", "T", "37.5"}},
		{"h/o MI w/ CHF w/o edema", []string{"h/o", "MI", "w/", "CHF", "w/o", "edema"}},
		{"w/chest pain", []string{"w/", "chest", "pain"}},
		{"N/V/D and/or Assessment/Plan", []string{"N/V/D", "and", "or", "Assessment", "Plan"}},
		{"b.i.d. e.g. p.o.", []string{"b.i.d.", "e.g.", "p.o."}},
		{"Crohn's and Crohn’s", []string{"Crohn's", "and", "Crohn’s"}},
		{"non-insulin-dependent", []string{"non", "insulin", "dependent"}},
		{"IBS-D and A-fib, post-op x-ray", []string{"IBS-D", "and", "A-fib", "post", "op", "x", "ray"}},
		{"IBS-Diarrhea non-STEMI-like CIN-2.", []string{"IBS", "Diarrhea", "non-STEMI", "like", "CIN-2"}},
		{"CKD3a T2DM", []string{"CKD3a", "T2DM"}},
		{"end.", []string{"end"}},
		{"Ménière's", []string{"Ménière's"}},
	}
	for _, tc := range tests {
		if got := surfaces(p.Analyze(tc.text)); !slices.Equal(got, tc.want) {
			t.Errorf("%q: tokens %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestNormalise(t *testing.T) {
	p := testPipeline(t)
	tests := map[string]string{
		"Ménière's": "meniere's", "CAFÉ": "cafe", "b.i.d.": "bid", "Crohn’s": "crohn's",
		"Straße": "strasse", "HbA1c": "hba1c", "naïve": "naive",
	}
	for in, want := range tests {
		d := p.Analyze(in)
		if len(d.Tokens) != 1 || d.Tokens[0].Norm != want {
			t.Errorf("%q: tokens %+v, want norm %q", in, d.Tokens, want)
		}
	}
}
