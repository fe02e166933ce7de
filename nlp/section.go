package nlp

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"
)

// Section kinds recognised by header.
const (
	ChiefComplaint          SectionKind = "chief_complaint"
	ReasonForVisit          SectionKind = "reason_for_visit"
	HistoryOfPresentIllness SectionKind = "history_of_present_illness"
	PastMedicalHistory      SectionKind = "past_medical_history"
	PastSurgicalHistory     SectionKind = "past_surgical_history"
	FamilyHistory           SectionKind = "family_history"
	SocialHistory           SectionKind = "social_history"
	Medications             SectionKind = "medications"
	Allergies               SectionKind = "allergies"
	ReviewOfSystems         SectionKind = "review_of_systems"
	PhysicalExam            SectionKind = "physical_exam"
	VitalSigns              SectionKind = "vital_signs"
	Labs                    SectionKind = "labs"
	Imaging                 SectionKind = "imaging"
	Assessment              SectionKind = "assessment"
	Plan                    SectionKind = "plan"
	AssessmentAndPlan       SectionKind = "assessment_and_plan"
	Diagnoses               SectionKind = "diagnoses"
	ProblemList             SectionKind = "problem_list"
	Procedures              SectionKind = "procedures"
	AdmissionDiagnoses      SectionKind = "admission_diagnoses"
	DischargeDiagnoses      SectionKind = "discharge_diagnoses"
	PreoperativeDiagnosis   SectionKind = "preoperative_diagnosis"
	PostoperativeDiagnosis  SectionKind = "postoperative_diagnosis"
	Impression              SectionKind = "impression"
	Findings                SectionKind = "findings"
	HospitalCourse          SectionKind = "hospital_course"
	DischargeMedications    SectionKind = "discharge_medications"
	DischargeInstructions   SectionKind = "discharge_instructions"
	FollowUp                SectionKind = "follow_up"
	Immunizations           SectionKind = "immunizations"
	Subjective              SectionKind = "subjective"
	Objective               SectionKind = "objective"
	Indications             SectionKind = "indications"
	Disposition             SectionKind = "disposition"
	Complications           SectionKind = "complications"
	Anesthesia              SectionKind = "anesthesia"
	Results                 SectionKind = "results"
	ConsultReason           SectionKind = "reason_for_consultation"
	PatientInstructions     SectionKind = "patient_instructions"
	EstimatedBloodLoss      SectionKind = "estimated_blood_loss"
	// ProcedureDescription is an operative or procedure note's narrative
	// of what was done ("DESCRIPTION OF PROCEDURE:", "TECHNIQUE:").
	ProcedureDescription SectionKind = "procedure_description"
)

// sectionHeaders maps a header key (lower case letters and digits, words
// joined by one space, "and"/"&" and punctuation dropped) to its kind.
var sectionHeaders = map[string]SectionKind{
	"chief complaint": ChiefComplaint, "cc": ChiefComplaint, "chief complaints": ChiefComplaint,
	"presenting complaint": ChiefComplaint, "complaint": ChiefComplaint,
	"reason for visit": ReasonForVisit, "reason for encounter": ReasonForVisit, "rfv": ReasonForVisit,
	"reason for admission": ReasonForVisit, "reason for referral": ReasonForVisit, "visit reason": ReasonForVisit,
	"history of present illness": HistoryOfPresentIllness, "hpi": HistoryOfPresentIllness,
	"present illness": HistoryOfPresentIllness, "history of the present illness": HistoryOfPresentIllness,
	"history of presenting illness": HistoryOfPresentIllness, "hx": HistoryOfPresentIllness,
	"history": HistoryOfPresentIllness, "interval history": HistoryOfPresentIllness,
	"past medical history": PastMedicalHistory, "pmh": PastMedicalHistory, "pmhx": PastMedicalHistory,
	"medical history": PastMedicalHistory, "past history": PastMedicalHistory, "pmh pshx": PastMedicalHistory,
	"past medical history pmh": PastMedicalHistory, "history of past illness": PastMedicalHistory,
	"past surgical history": PastSurgicalHistory, "psh": PastSurgicalHistory, "pshx": PastSurgicalHistory,
	"surgical history": PastSurgicalHistory, "previous surgeries": PastSurgicalHistory, "prior surgeries": PastSurgicalHistory,
	"past surgeries": PastSurgicalHistory, "operations": PastSurgicalHistory,
	"family history": FamilyHistory, "fh": FamilyHistory, "fhx": FamilyHistory, "family hx": FamilyHistory,
	"family medical history": FamilyHistory,
	"social history":         SocialHistory, "sh": SocialHistory, "shx": SocialHistory, "social hx": SocialHistory,
	"habits":      SocialHistory,
	"medications": Medications, "medication": Medications, "meds": Medications, "current medications": Medications,
	"home medications": Medications, "outpatient medications": Medications, "medications on admission": Medications,
	"current meds": Medications, "home meds": Medications, "admission medications": Medications,
	"allergies": Allergies, "allergy": Allergies, "drug allergies": Allergies, "allergies adverse reactions": Allergies,
	"review of systems": ReviewOfSystems, "ros": ReviewOfSystems, "systems review": ReviewOfSystems,
	"physical exam": PhysicalExam, "physical examination": PhysicalExam, "pe": PhysicalExam, "exam": PhysicalExam,
	"examination": PhysicalExam, "physical": PhysicalExam, "physical findings": PhysicalExam, "on examination": PhysicalExam,
	"vital signs": VitalSigns, "vitals": VitalSigns, "vs": VitalSigns, "vital sign": VitalSigns,
	"labs": Labs, "lab": Labs, "laboratory": Labs, "laboratory data": Labs, "laboratory results": Labs,
	"lab results": Labs, "laboratory studies": Labs, "labs studies": Labs, "pertinent labs": Labs, "laboratory tests": Labs,
	"imaging": Imaging, "radiology": Imaging, "imaging studies": Imaging, "radiology results": Imaging,
	"studies": Imaging, "diagnostic studies": Imaging, "xray": Imaging, "ct": Imaging, "mri": Imaging,
	"assessment": Assessment, "a": Assessment, "clinical impression": Impression, "diagnostic impression": Impression,
	"plan": Plan, "p": Plan, "recommendations": Plan, "treatment plan": Plan, "management": Plan,
	"assessment plan": AssessmentAndPlan, "a p": AssessmentAndPlan, "ap": AssessmentAndPlan,
	"impression plan": AssessmentAndPlan, "assessment recommendations": AssessmentAndPlan,
	"diagnoses": Diagnoses, "diagnosis": Diagnoses, "dx": Diagnoses, "final diagnosis": Diagnoses,
	"final diagnoses": Diagnoses, "working diagnosis": Diagnoses, "principal diagnosis": Diagnoses,
	"secondary diagnoses": Diagnoses, "primary diagnosis": Diagnoses,
	"problem list": ProblemList, "problems": ProblemList, "active problems": ProblemList, "active problem list": ProblemList,
	"procedures": Procedures, "procedure": Procedures, "procedures performed": Procedures, "procedure performed": Procedures,
	"operation": Procedures, "operation performed": Procedures, "operations performed": Procedures, "name of procedure": Procedures,
	"admission diagnosis": AdmissionDiagnoses, "admission diagnoses": AdmissionDiagnoses, "admitting diagnosis": AdmissionDiagnoses,
	"discharge diagnosis": DischargeDiagnoses, "discharge diagnoses": DischargeDiagnoses,
	"final discharge diagnoses": DischargeDiagnoses, "principal discharge diagnosis": DischargeDiagnoses,
	"preoperative diagnosis": PreoperativeDiagnosis, "pre operative diagnosis": PreoperativeDiagnosis,
	"preop diagnosis": PreoperativeDiagnosis, "preoperative diagnoses": PreoperativeDiagnosis,
	"postoperative diagnosis": PostoperativeDiagnosis, "post operative diagnosis": PostoperativeDiagnosis,
	"postop diagnosis": PostoperativeDiagnosis, "postoperative diagnoses": PostoperativeDiagnosis,
	"impression": Impression, "impressions": Impression, "conclusion": Impression, "conclusions": Impression,
	"findings": Findings, "finding": Findings, "operative findings": Findings, "intraoperative findings": Findings,
	"hospital course": HospitalCourse, "brief hospital course": HospitalCourse, "clinical course": HospitalCourse,
	"course": HospitalCourse, "ed course": HospitalCourse, "emergency department course": HospitalCourse,
	"discharge medications": DischargeMedications, "medications at discharge": DischargeMedications,
	"discharge meds":         DischargeMedications,
	"discharge instructions": DischargeInstructions, "instructions": DischargeInstructions,
	"follow up": FollowUp, "followup": FollowUp, "follow up instructions": FollowUp, "f u": FollowUp,
	"immunizations": Immunizations, "immunization": Immunizations, "vaccinations": Immunizations, "immunization history": Immunizations,
	"subjective": Subjective, "s": Subjective, "objective": Objective, "o": Objective,
	"indications": Indications, "indication": Indications, "indication for procedure": Indications,
	// Radiology reports: the reason for the study.
	"clinical history": Indications, "clinical indication": Indications, "clinical indications": Indications,
	"clinical information": Indications, "reason for exam": Indications, "reason for examination": Indications,
	"reason for study": Indications, "exam reason": Indications, "indication for exam": Indications,
	"indication for study": Indications, "clinical data": Indications,
	"indications for procedure": Indications,
	"disposition":               Disposition, "discharge disposition": Disposition,
	"complications": Complications, "anesthesia": Anesthesia, "estimated blood loss": EstimatedBloodLoss, "ebl": EstimatedBloodLoss,
	"results": Results, "pertinent results": Results, "data": Results, "diagnostic data": Results,
	"medical decision making": Assessment, "mdm": Assessment,
	"reason for consultation": ConsultReason, "reason for consult": ConsultReason, "consult reason": ConsultReason,
	"patient instructions":     PatientInstructions,
	"description of procedure": ProcedureDescription, "description of the procedure": ProcedureDescription,
	"procedure description": ProcedureDescription, "details of procedure": ProcedureDescription,
	"details of the procedure": ProcedureDescription, "procedure details": ProcedureDescription,
	"procedure in detail": ProcedureDescription, "description of procedure in detail": ProcedureDescription,
	"description of operation": ProcedureDescription, "description of the operation": ProcedureDescription,
	"operative description": ProcedureDescription, "operative procedure": ProcedureDescription,
	"operative technique": ProcedureDescription, "technique": ProcedureDescription,
	"operation in detail": ProcedureDescription,
}

// maxHeaderWords bounds a header candidate's words, and maxHeaderLen a
// header alone on its line (a longer line is no header: no key is built).
const (
	maxHeaderWords = 6
	maxHeaderLen   = 60
)

// headerKey builds the lookup key of a candidate header: ASCII letters and
// digits lower-cased, other bytes separate words, "and" dropped. ok is false
// when the candidate is too long or has no letter. The key is written in
// buf when it has room for s (a key is never longer).
func headerKey(buf []byte, s string) (key []byte, ok bool) {
	if cap(buf) < len(s) {
		buf = make([]byte, len(s))
	}
	key = buf[:len(s)]
	n, words := 0, 0
	var all byte // the key's bytes or-ed: a letter's sets 0x40, a digit's and a space's do not
	for i := 0; ; {
		for i < len(s) && foldWordByte[s[i]] == 0 {
			if s[i] >= utf8.RuneSelf {
				return key[:n], false
			}
			i++
		}
		if i == len(s) {
			return key[:n], all&0x40 != 0
		}
		mark := n
		if n > 0 {
			key[n] = ' '
			n++
		}
		w := n
		for ; i < len(s); i++ {
			c := foldWordByte[s[i]]
			if c == 0 {
				break
			}
			key[n] = c
			n++
			all |= c
		}
		if n-w == 3 && string(key[w:n]) == "and" {
			n = mark
			continue
		}
		words++
		if words > maxHeaderWords {
			return key[:n], false
		}
	}
}

// lineHeaderStart skips blanks, bullets and a list number at a line start.
func lineHeaderStart(text string, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '-' || text[i] == '*' || text[i] == '#' || text[i] == '>' || text[i] == '=') {
		i++
	}
	if j := i; j < end && isDigitByte(text[j]) {
		for j < end && isDigitByte(text[j]) {
			j++
		}
		if j < end && (text[j] == '.' || text[j] == ')') && j+1 < end && text[j+1] == ' ' {
			i = j + 1
			for i < end && text[i] == ' ' {
				i++
			}
		}
	}
	return i
}

// findSections finds section headers: a known header phrase followed by a
// colon, or by the first " - " of a line (at a line start or after a sentence end, e.g. "A/P:", "PMH:",
// "Assessment and Plan:"), or a known header phrase alone on its line
// ("ASSESSMENT AND PLAN"). Unknown headers ("HEENT:") start no section, so
// sub-headings stay inside their section.
func (p *Pipeline) findSections(text string, dst []Section) []Section {
	var buf [96]byte
	n := len(text)
	for ls := 0; ls < n; {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = n
		} else {
			le += ls
		}
		// Headers ended by a colon anywhere in the line, each starting at
		// the line start or after ". ", "; ".
		start := lineHeaderStart(text, ls, le)
		found := false
		// "Past surgical history - appendectomy": the first " - " of a line
		// ends a header too.
		dashAt := -1
		if k := spacedDash(text[start:le]); k > 0 {
			dashAt = start + k + 1
		}
		// Only a colon or that dash ends a header: the loop goes from one
		// to the next, reading the bytes between only for the last
		// sentence end (which moves start), and stops after the last.
		for k := start; ; {
			e := strings.IndexByte(text[k:le], ':')
			if e >= 0 {
				e += k
			}
			if dashAt >= k && (e < 0 || dashAt < e) {
				e = dashAt
			}
			if e < 0 {
				break
			}
			// Only the last sentence end before e moves start: it is
			// looked for from e backwards.
			for j := e - 1; j >= k; j-- {
				if sentenceEnd[text[j]] && text[j+1] == ' ' {
					start = j + 1
					for start < le && text[start] == ' ' {
						start++
					}
					break
				}
			}
			k = e + 1
			if e == start || e-start > 60 {
				continue
			}
			hs, he := start, e
			for he > hs && (text[he-1] == ' ' || text[he-1] == '\t') {
				he--
			}
			if key, ok := headerKey(buf[:0], text[hs:he]); ok {
				if kind, ok := p.headerKind(key); ok {
					dst = append(dst, Section{Kind: kind, Header: Span{hs, he}})
					found = true
				}
			}
			start = e + 1
			for start < le && text[start] == ' ' {
				start++
			}
		}
		if !found {
			// Only a line that may be a header builds its key (the
			// colon's candidates above are mostly headers or too short
			// for the test to pay).
			if hs, he := lineHeaderSpan(text, ls, le); he-hs <= maxHeaderLen && p.heads.may(text[hs:he]) {
				dst = p.headerAlone(text, hs, he, buf[:0], dst)
			}
		}
		ls = le + 1
	}
	spanSections(dst, n)
	return dst
}

// lineHeaderSpan is where a header alone on line [ls, le) would lie: the
// line less its bullets and trailing blanks, colons, dashes and rules.
func lineHeaderSpan(text string, ls, le int) (hs, he int) {
	hs = lineHeaderStart(text, ls, le)
	he = le
	for he > hs && (text[he-1] == ' ' || text[he-1] == '\t' || text[he-1] == '\r' || text[he-1] == ':' || text[he-1] == '-' || text[he-1] == '=') {
		he--
	}
	return hs, he
}

// headerAlone appends the section of the header text[hs:he], a line's
// lineHeaderSpan, when it is a known header phrase ("ASSESSMENT AND
// PLAN"); buf is scratch for the key.
func (p *Pipeline) headerAlone(text string, hs, he int, buf []byte, dst []Section) []Section {
	if he > hs && he-hs <= maxHeaderLen {
		if key, ok := headerKey(buf, text[hs:he]); ok && len(key) > 2 {
			if kind, ok := p.headerKind(key); ok {
				dst = append(dst, Section{Kind: kind, Header: Span{hs, he}})
			}
		}
	}
	return dst
}

// spanSections sets each section's span: from its header to the next
// section's header, the last to the end of the text (n bytes).
func spanSections(dst []Section, n int) {
	for i := range dst {
		end := n
		if i+1 < len(dst) {
			end = dst[i+1].Header.Start
		}
		dst[i].Span = Span{dst[i].Header.Start, end}
	}
}

// sentenceEnd marks the bytes that end a sentence before a space ('.',
// ';', '!', '?'): a header may start after them.
var sentenceEnd = [256]bool{'.': true, ';': true, '!': true, '?': true}

// spacedDash returns the index of the first " - " in s, or -1: it is
// strings.Index(s, " - ") searching for the rare dash rather than the
// frequent space.
func spacedDash(s string) int {
	for off := 0; ; {
		k := strings.IndexByte(s[off:], '-')
		if k < 0 {
			return -1
		}
		k += off
		if k > 0 && s[k-1] == ' ' && k+1 < len(s) && s[k+1] == ' ' {
			return k - 1
		}
		off = k + 1
	}
}

// impressionSuffix and findingsSuffix end the radiology headers known by
// their last word ("CT chest impression").
const (
	impressionSuffix = " impression"
	findingsSuffix   = " findings"
)

// headerKind looks a header key up; a radiology report's study name before
// "impression" or "findings" ("CTA IMPRESSION", "PELVIC ULTRASOUND
// FINDINGS": at most three more words) names those sections too. It does
// not allocate.
func (p *Pipeline) headerKind(key []byte) (SectionKind, bool) {
	if kind, ok := p.headers[string(key)]; ok {
		return kind, true
	}
	for _, last := range []string{impressionSuffix, findingsSuffix} {
		pre, ok := bytes.CutSuffix(key, []byte(last))
		if !ok || len(pre) == 0 || bytes.Count(pre, []byte(" ")) > 2 {
			continue
		}
		if kind, ok := p.headers[last[1:]]; ok {
			return kind, true
		}
	}
	return "", false
}

// SectionOf returns the kind of the section holding the byte offset, or ""
// before the first header and outside the text.
func (d *Document) SectionOf(offset int) SectionKind {
	i := sort.Search(len(d.Sections), func(i int) bool { return d.Sections[i].Span.End > offset })
	if i < len(d.Sections) && d.Sections[i].Span.Start <= offset {
		return d.Sections[i].Kind
	}
	return ""
}
