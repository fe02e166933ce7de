package nlp

import "testing"

func TestAssertions(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text, word string
		want       Assertion
	}{
		// negation triggers
		{"Patient denies chest pain.", "pain", Negated},
		{"No evidence of pneumonia.", "pneumonia", Negated},
		{"Negative for fever and chills.", "chills", Negated},
		{"Pneumonia was ruled out.", "Pneumonia", Negated},
		{"Presents without fever.", "fever", Negated},
		{"Free of rash.", "rash", Negated},
		{"Absence of edema.", "edema", Negated},
		{"w/o edema", "edema", Negated},
		{"Blood cultures negative.", "cultures", Negated | Result},
		{"Murmur not appreciated.", "Murmur", Negated},
		{"No history of stroke.", "stroke", Negated},
		{"BRCA2 mutation carrier, no personal history of cancer.", "cancer", Negated},
		{"No prior history of seizures.", "seizures", Negated},
		{"A woman with no personal history of interest was admitted with obstructive jaundice.", "jaundice", 0},
		{"No history of interest, admitted for cholangitis.", "cholangitis", 0},
		{"Denies fever, chills, night sweats, weight loss.", "loss", Negated},
		{"Pulmonary embolism, pneumothorax and pneumonia considered and excluded.", "embolism", Negated},
		{"Deep vein thrombosis and osteomyelitis excluded.", "osteomyelitis", Negated},
		{"Aortic dissection was excluded by CT angiogram.", "dissection", Negated},
		{"Early appendicitis cannot be excluded.", "appendicitis", Uncertain},
		// a post-posed trigger governs its own clause, not an earlier one
		{"Community-acquired pneumonia, organism not identified.", "pneumonia", 0},
		{"Community-acquired pneumonia, organism not identified.", "organism", Negated},
		{"Pneumonia organism not identified.", "Pneumonia", 0},
		{"Urinary tract infection, causative organism not identified on culture.", "causative", Negated},
		{"RLQ abdominal pain, appendicitis not excluded.", "pain", 0},
		{"RLQ abdominal pain, appendicitis not excluded.", "appendicitis", Uncertain},
		{"Chest pain, ACS ruled out with serial troponins.", "pain", 0},
		{"Chest pain, ACS ruled out with serial troponins.", "ACS", Negated},
		{"Headache; subarachnoid hemorrhage ruled out by CT.", "Headache", 0},
		{"Epigastric pain, pancreatitis unlikely.", "pain", 0},
		{"Epigastric pain, pancreatitis unlikely.", "pancreatitis", Uncertain},
		{"Syncope, cardiac cause not excluded.", "Syncope", 0},
		{"Fever, chills and night sweats ruled out.", "Fever", Negated},
		// the object of a screening is not documented as present
		{"HIV screening.", "HIV", Hypothetical | Result},
		{"Depression screening, negative.", "Depression", Negated | Hypothetical | Result},
		{"Annual mammogram for breast cancer screening.", "breast", Hypothetical | Result},
		{"Screened for depression today.", "depression", Hypothetical},
		{"Genetic susceptibility to breast cancer.", "breast", Hypothetical},
		{"Predisposed to gout.", "gout", Hypothetical},
		{"Diabetes screening, A1c normal, no diabetes.", "normal", 0},
		{"Pulmonary embolism, pneumothorax and pneumonia excluded.", "embolism", Negated},
		// pseudo-triggers
		{"No increase in pain.", "pain", 0},
		{"No change in the effusion.", "effusion", 0},
		{"Not only cough but also fever.", "cough", 0},
		{"Gram negative rods in urine.", "urine", 0},
		{"Gram negative bacteremia.", "bacteremia", 0},
		{"No significant change in nodule.", "nodule", 0},
		{"Tolerated without difficulty.", "Tolerated", 0},
		{"Not certain whether this is gout.", "gout", Uncertain},
		// terminators
		{"Denies fever but reports cough.", "cough", 0},
		{"No fever; cough present.", "cough", 0},
		{"No chest pain, however has dyspnea.", "dyspnea", 0},
		{"Denies nausea. Vomiting today.", "Vomiting", 0},
		{"No fever, presents with abdominal pain.", "abdominal", 0},
		// historical
		{"History of MI in 2010.", "MI", Historical},
		{"h/o DVT", "DVT", Historical},
		{"s/p appendectomy", "appendectomy", Historical | Ended},
		{"Status post CABG.", "CABG", Historical | Ended},
		{"Pneumonia, resolved.", "Pneumonia", Historical | Ended},
		{"Previous stroke.", "stroke", Historical | Ended},
		{"Prior MI.", "MI", Historical | Ended},
		{"Fracture 5 years ago.", "Fracture", Historical},
		{"History of present illness reviewed for cough.", "cough", 0},
		{"Started prior to admission.", "admission", 0},
		// family
		{"Mother with breast cancer.", "cancer", Family},
		{"Father had MI at 50.", "MI", Family},
		{"Family history of colon cancer.", "colon", Family},
		{"FHx: diabetes", "diabetes", Family},
		{"FHx diabetes", "diabetes", Family},
		{"Diabetes in mother.", "Diabetes", Family},
		{"Mother's sister had lupus.", "lupus", Family},
		// allergy lists: the reaction is a past event, up to the first blank line
		{"ALLERGIES: Penicillin (rash).\n\nSOCIAL HISTORY: Teacher.", "rash", Historical | Ended},
		{"ALLERGIES: Codeine - nausea.\nLisinopril causes cough.\n\nPHYSICAL EXAM: Cough noted.", "cough", Historical | Ended},
		{"ALLERGIES: NKDA.\n\nENVIRONMENT: Cat dander, rash today.", "rash", 0},
		{"PAST SURGICAL HISTORY: Right inguinal hernia repair in 2015.\n\nPLAN: Follow up.", "hernia", Historical | Ended},
		{"PAST MEDICAL HISTORY: Hypertension.", "Hypertension", Historical},
		// hypothetical
		{"Return if chest pain recurs.", "chest", Hypothetical},
		{"Call if fever develops.", "fever", Hypothetical},
		{"In case of bleeding, go to the ED.", "bleeding", Hypothetical},
		{"Should symptoms worsen, return.", "symptoms", Hypothetical},
		{"Patient should be seen for cough.", "cough", 0},
		{"Enoxaparin for DVT prophylaxis.", "DVT", Hypothetical},
		// uncertain
		{"Possible pneumonia.", "pneumonia", Uncertain},
		{"Probable UTI.", "UTI", Uncertain},
		{"Suspected appendicitis.", "appendicitis", Uncertain},
		{"Rule out MI.", "MI", Uncertain},
		{"r/o sepsis", "sepsis", Uncertain},
		{"Viral vs bacterial pneumonia.", "Viral", Uncertain},
		{"Pneumonia versus atelectasis.", "atelectasis", Uncertain},
		{"Concern for sepsis.", "sepsis", Uncertain},
		{"Likely gastroenteritis.", "gastroenteritis", Uncertain},
		{"Questionable fracture.", "fracture", Uncertain},
		{"Findings consistent with pneumonia.", "pneumonia", Uncertain},
		{"PE cannot be excluded.", "PE", Uncertain},
		// combined and section-driven
		{"PMH: HTN, no diabetes", "HTN", Historical},
		{"PMH: HTN, no diabetes", "diabetes", Historical | Negated},
		{"Past Surgical History:\nappendectomy", "appendectomy", Historical | Ended},
		{"Family History:\nAsthma in brother.", "Asthma", Family},
		{"No family history of cancer.", "cancer", Negated | Family},
		{"CC: no fever", "CC", 0},
		{"Past Medical History: asthma", "Past", 0},
		// scope window
		{"No a b c d e f g h i j k l m n o p q cough", "cough", 0},
		// negation runs through a coordinated list to its end
		{"The patient denies fevers, chills, night sweats, unintentional weight loss, fatigue, headache, nausea, or vomiting.", "vomiting", Negated},
		{"No chest pain, shortness of breath, lightheadedness, dizziness, syncope or palpitations.", "palpitations", Negated},
		{"Negative for abdominal pain, diarrhea, constipation, melena, hematochezia and dysuria.", "dysuria", Negated},
		{"Denies fever, chills, cough and is being treated for pneumonia.", "pneumonia", 0},
		{"Denies fever, chills, except for a mild cough.", "cough", 0},
		{"No fever, which was reported by his wife yesterday.", "wife", 0},
		// "X: none", results after their subject
		{"Fever: none.", "Fever", Negated},
		{"Nausea: no. Vomiting: no.", "Vomiting", Negated},
		{"Blurred vision: denies.", "vision", Negated},
		{"Fever, chills: negative.", "Fever", Negated | Result},
		{"Melena: absent.", "Melena", Negated | Result},
		{"Chest pain (-). Palpitations (-).", "Palpitations", Negated | Result},
		{"Cardiovascular: Chest pain (-)", "Chest", Negated | Result},
		{"HIV screening test last year was unremarkable.", "HIV", Negated | Historical | Hypothetical | Result},
		{"Hepatitis C antibody nonreactive.", "Hepatitis", Negated | Result},
		{"TSH within normal limits.", "TSH", Negated | Result},
		{"Neurological exam normal.", "Neurological", Negated | Result},
		{"Supervision of normal pregnancy.", "Supervision", 0},
		{"He has diabetes and his renal function is normal.", "diabetes", 0},
		{"Pneumonia, blood cultures negative.", "Pneumonia", 0},
		{"Rh negative mother.", "Rh", 0},
		{"Triple negative breast cancer.", "breast", 0},
		{"Alcohol: none, tobacco: never.", "Alcohol", Negated},
		// over: status post, quit, former, resolved
		{"Status post cataract surgery in 2019.", "cataract", Historical | Ended},
		{"He quit smoking 10 years ago.", "smoking", Historical | Ended},
		{"Former smoker.", "smoker", Historical | Ended},
		{"Ex-smoker.", "smoker", Historical | Ended},
		{"Shingles, since resolved.", "Shingles", Historical | Ended},
		{"TIA, symptoms resolved within 1 hour.", "TIA", 0}, // "resolved" has its own subject
		{"TIA, symptoms resolved within 1 hour.", "symptoms", Historical | Ended},
		{"Rash, cough and fever resolved.", "Rash", Historical | Ended}, // a list ending in "and"
		{"History of hypertension.", "hypertension", Historical},
		{"68 yo M with CAD s/p CABG, hypertension, diabetes and CKD.", "diabetes", 0},
		{"Status post CVA with residual left hemiparesis.", "hemiparesis", 0},
		{"No fever, persistent cough.", "cough", 0},
		{"Prior CVA with no residual deficits.", "deficits", Negated},
		{"Colonoscopy last year showed diverticulosis.", "Colonoscopy", Historical},
		{"Diagnosed with diabetes 5 years ago.", "diabetes", Historical},
		{"Status post right total knee arthroplasty in 2018.", "arthroplasty", Historical | Ended},
		{"History of left breast cancer, status post lumpectomy and radiation in 2016, no evidence of recurrence.", "breast", Historical | Ended},
		{"63 yo F s/p fall 4 weeks ago with displaced fracture of the right radius.", "fracture", 0},
		// other people
		{"His wife's rheumatoid arthritis has been worse.", "rheumatoid", Family | Unrelated},
		{"Her husband has depression.", "depression", Family | Unrelated},
		{"Diabetes in the patient's father as well.", "Diabetes", Family},
		{"Colon cancer in his father.", "cancer", Family},
		{"Father's heart disease started at 50.", "heart", Family},
		{"Her daughter has lupus.", "lupus", Family},
		{"Sister with breast cancer.", "breast", Family},
		{"He lives with his wife and has diabetes.", "diabetes", 0},
		{"4 year old child with fever.", "fever", 0},
		{"Well developed, in no acute distress, with a cough.", "distress", Negated},
		{"Well developed, in no acute distress, with a cough.", "cough", 0},
	}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		i := tokenAt(d, tc.word)
		if i < 0 {
			t.Errorf("%q: no token %q", tc.text, tc.word)
			continue
		}
		if got := d.Tokens[i].Assert; got != tc.want {
			t.Errorf("%q: %q is %s, want %s", tc.text, tc.word, flagNames(got), flagNames(tc.want))
		}
		for _, tm := range d.Terms {
			if tm.Tok == i && tm.Assert&d.Tokens[i].Assert != d.Tokens[i].Assert {
				t.Errorf("%q: term %q lacks its token's flags", tc.text, tm.Norm)
			}
		}
	}
}

func TestAssertionSpans(t *testing.T) {
	p := testPipeline(t)
	text := "Denies chest pain, fever but reports cough."
	d := p.Analyze(text)
	if len(d.Assertions) != 1 {
		t.Fatalf("assertions %+v", d.Assertions)
	}
	a := d.Assertions[0]
	if a.Kind != Negated || text[a.Trigger.Start:a.Trigger.End] != "Denies" || text[a.Scope.Start:a.Scope.End] != "chest pain, fever" {
		t.Errorf("assertion %+v: trigger %q scope %q", a, text[a.Trigger.Start:a.Trigger.End], text[a.Scope.Start:a.Scope.End])
	}
}

func TestNegatedExpansion(t *testing.T) {
	p := testPipeline(t)
	d := p.Analyze("Allergies: NKDA")
	found := false
	for _, tm := range d.Terms {
		if tm.Expanded && tm.Norm == "allergies" {
			found = true
			if tm.Assert&Negated == 0 {
				t.Errorf("NKDA expansion term %q not negated", tm.Norm)
			}
		}
	}
	if !found {
		t.Error("NKDA not expanded")
	}
}

func TestNegatedAbbreviationToken(t *testing.T) {
	p := testPipeline(t)
	d := p.Analyze("Allergies: NKDA")
	if i := tokenAt(d, "NKDA"); i < 0 || d.Tokens[i].Assert&Negated == 0 {
		t.Errorf("NKDA token not negated: %+v", d.Tokens)
	}
}

func TestSignSpan(t *testing.T) {
	p := testPipeline(t)
	text := "ROS: Chest pain (-). Cough (+)."
	d := p.Analyze(text)
	var got []string
	for _, a := range d.Assertions {
		got = append(got, text[a.Trigger.Start:a.Trigger.End]+" -> "+text[a.Scope.Start:a.Scope.End])
	}
	if len(got) != 1 || got[0] != "(-) -> Chest pain" {
		t.Errorf("assertions %q, want [(-) -> Chest pain]", got)
	}
}

// TestTriggerFirstWords: every token's word knows whether an assertion
// trigger starts with it, as the trigger trie's root says, for the fixed
// words, for words first seen in a note, and for words New analysed
// before the trie existed.
func TestTriggerFirstWords(t *testing.T) {
	p := testPipeline(t)
	text := "Patient denies chest pain. No fever; mother's diabetes. History of MI, ruled out PE. " +
		"Negative for zqxwords. Father had a stroke. Possible pneumonia versus atelectasis. NKDA. Fever: none."
	s := p.scratch.Get().(*scratch)
	defer p.scratch.Put(s)
	s.raw, s.buf = p.tokenizeFold(text, s.raw[:0], s.buf[:0])
	var toks []Token
	toks, _ = p.makeTokens(text, s, nil, toks, nil)
	starts := 0
	for i, tok := range toks {
		want := p.trig.root.next[tok.Norm]
		if s.lex[i].trig != want {
			t.Errorf("token %q: trig %v, want %v", tok.Norm, s.lex[i].trig, want)
		}
		if want != nil {
			starts++
		}
	}
	if starts < 5 {
		t.Fatalf("only %d tokens start a trigger: the test cannot fail", starts)
	}
}
