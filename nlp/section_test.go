package nlp

import "testing"

func TestSectionHeaders(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text string
		want SectionKind
	}{
		{"CHIEF COMPLAINT: cough", ChiefComplaint},
		{"CC: cough", ChiefComplaint},
		{"Reason for visit: cough", ReasonForVisit},
		{"HPI: cough", HistoryOfPresentIllness},
		{"History of Present Illness: cough", HistoryOfPresentIllness},
		{"Hx: cough", HistoryOfPresentIllness},
		{"PMH: asthma", PastMedicalHistory},
		{"Past Medical History:\nasthma", PastMedicalHistory},
		{"PSH: appendectomy", PastSurgicalHistory},
		{"Past surgical history - appendectomy", PastSurgicalHistory},
		{"FHx: asthma", FamilyHistory},
		{"FAMILY HISTORY\nasthma", FamilyHistory},
		{"Social History: smoker", SocialHistory},
		{"Meds: aspirin", Medications},
		{"Current medications: aspirin", Medications},
		{"Allergies: none", Allergies},
		{"ROS: negative", ReviewOfSystems},
		{"Review of systems: negative", ReviewOfSystems},
		{"Physical Exam: normal", PhysicalExam},
		{"PE: normal", PhysicalExam},
		{"Vital signs: BP 120/80", VitalSigns},
		{"VS: BP 120/80", VitalSigns},
		{"Labs: normal", Labs},
		{"Laboratory data: normal", Labs},
		{"Imaging: normal", Imaging},
		{"Radiology: normal", Imaging},
		{"Assessment: asthma", Assessment},
		{"Plan: inhaler", Plan},
		{"ASSESSMENT AND PLAN: asthma", AssessmentAndPlan},
		{"Assessment/Plan: asthma", AssessmentAndPlan},
		{"Assessment & Plan\nasthma", AssessmentAndPlan},
		{"A/P: asthma", AssessmentAndPlan},
		{"Diagnoses: asthma", Diagnoses},
		{"Problem list: asthma", ProblemList},
		{"Procedures: spirometry", Procedures},
		{"DESCRIPTION OF PROCEDURE: The patient was placed supine.", ProcedureDescription},
		{"Details of the procedure:\nThe patient was placed supine.", ProcedureDescription},
		{"TECHNIQUE: Axial images of the abdomen.", ProcedureDescription},
		{"Admission diagnosis: asthma", AdmissionDiagnoses},
		{"DISCHARGE DIAGNOSES: asthma", DischargeDiagnoses},
		{"Preoperative diagnosis: hernia", PreoperativeDiagnosis},
		{"Post-operative diagnosis: hernia", PostoperativeDiagnosis},
		{"Impression: asthma", Impression},
		{"Findings: normal", Findings},
		{"Hospital course: uneventful", HospitalCourse},
		{"Discharge medications: aspirin", DischargeMedications},
		{"Discharge instructions: rest", DischargeInstructions},
		{"Follow-up: 2 weeks", FollowUp},
		{"Immunizations: up to date", Immunizations},
		{"S: cough", Subjective},
		{"O: afebrile", Objective},
		{"Indications: hernia", Indications},
		{"Disposition: home", Disposition},
		{"  1. Plan: inhaler", Plan},
		{"Seen today. Plan: inhaler", Plan},
		{"CLINICAL HISTORY: cough", Indications},
		{"Reason for exam: cough", Indications},
		{"CTA IMPRESSION: embolus", Impression},
		{"PELVIC ULTRASOUND FINDINGS: fibroid", Findings},
	}
	kinds := map[SectionKind]bool{}
	for _, tc := range tests {
		d := p.Analyze(tc.text)
		if len(d.Sections) != 1 || d.Sections[0].Kind != tc.want {
			t.Errorf("%q: sections %+v, want one %s", tc.text, d.Sections, tc.want)
			continue
		}
		kinds[tc.want] = true
		last := d.Tokens[len(d.Tokens)-1]
		if got := d.SectionOf(last.Start); got != tc.want {
			t.Errorf("%q: SectionOf(last token) = %q", tc.text, got)
		}
	}
	if len(kinds) < 20 {
		t.Errorf("only %d section kinds tested", len(kinds))
	}
}

func TestNotHeaders(t *testing.T) {
	p := testPipeline(t)
	for _, text := range []string{
		"He has a history: of nothing",
		"HEENT: normal",
		"The plan is to observe",
		"ratio 2:1",
		"Vitamin A: low",
		"Plan",
		"The reason for the overall impression: none",
	} {
		d := p.Analyze(text)
		// A header alone on a line is a section; "Plan" alone counts.
		if text == "Plan" {
			if len(d.Sections) != 1 {
				t.Errorf("%q: want a plan section", text)
			}
			continue
		}
		if len(d.Sections) != 0 {
			t.Errorf("%q: unexpected sections %+v", text, d.Sections)
		}
	}
}

func TestSectionSpansAndTokens(t *testing.T) {
	p := testPipeline(t)
	text := "Note for visit.\nHPI: cough.\nHEENT: normal\nA/P:\nasthma"
	d := p.Analyze(text)
	if len(d.Sections) != 2 {
		t.Fatalf("sections %+v", d.Sections)
	}
	if d.Tokens[0].Section != -1 || d.SectionOf(0) != "" {
		t.Errorf("text before the first header has section %d", d.Tokens[0].Section)
	}
	if d.Sections[0].Span.End != d.Sections[1].Span.Start || d.Sections[1].Span.End != len(text) {
		t.Errorf("section spans %+v do not tile the text", d.Sections)
	}
	if k := d.SectionOf(tokenAtOffset(d, "HEENT")); k != HistoryOfPresentIllness {
		t.Errorf("unknown sub-header HEENT opened section %q", k)
	}
	if got := text[d.Sections[1].Header.Start:d.Sections[1].Header.End]; got != "A/P" {
		t.Errorf("header text %q", got)
	}
}

func tokenAtOffset(d *Document, word string) int {
	if i := tokenAt(d, word); i >= 0 {
		return d.Tokens[i].Start
	}
	return -1
}
