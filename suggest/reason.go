package suggest

import (
	"strings"

	"medcode/nlp"
)

// A note's reason for the encounter or the study (the chief complaint, a
// radiology report's clinical history) is often a symptom the note's
// conclusion (its impression, assessment or diagnoses) explains: "Pleuritic
// chest pain" answered by "Acute segmental pulmonary emboli". Guidelines
// I.B.4-5 and IV.D code the definitive diagnosis, not the symptom that led
// to it. The symptom gives way when it is named only in the reason
// sections and a diagnosis of its body system is concluded: a symptom left
// unexplained ("Hypertension, headache. IMPRESSION: normal head CT") stays.

// reasonSections are where a note states why the patient came or why the
// study was done, and the complaints that led to the conclusion (the
// history of the present illness, the review of systems).
var reasonSections = map[nlp.SectionKind]bool{
	nlp.ChiefComplaint: true, nlp.ReasonForVisit: true, nlp.Indications: true, nlp.ConsultReason: true,
	nlp.HistoryOfPresentIllness: true, nlp.ReviewOfSystems: true, nlp.Subjective: true,
}

// answerSections are where a note concludes.
var answerSections = map[nlp.SectionKind]bool{
	nlp.Impression: true, nlp.Findings: true, nlp.Assessment: true, nlp.AssessmentAndPlan: true, nlp.Diagnoses: true,
	nlp.DischargeDiagnoses: true, nlp.PostoperativeDiagnosis: true,
}

// explainedBy maps symptom code prefixes to the code prefixes of the
// diagnoses of their body system that explain them (the longest symptom
// prefix applies). Chapter R signs and symptoms, and the symptom codes of
// other chapters: pain in a joint (M25.5), in a limb (M79.6), in the back
// or neck (M54.2, M54.5, M54.6, M54.9), a breast lump (N63) or pain (N64.4),
// and the unspecified injuries of a region (S09.9 ... S99.9, T14.8,
// T14.90).
var explainedBy = map[string]string{
	"R00": "I44 I45 I46 I47 I48 I49 E05", "R01": "I34 I35 I36 I37 I38 Q2", "R03": "I1",
	"R04":    "J C34 I26 I78",
	"R05":    "J C34 C78.0 I50 U07.1 A15 E84",
	"R06.83": "G47.3",
	"R06":    "J C34 C78.0 I50 I26 I27 I31 E84 U07.1",
	"R07":    "I20 I21 I22 I23 I24 I25 I26 I30 I31 I71 J C34 K21 K22 M94.0 S2",
	"R09":    "J C30 C31 C32 C34",
	"R10":    "K N1 N2 N39.0 N7 N8 O C15 C16 C17 C18 C19 C20 C21 C22 C23 C24 C25 C26 C48 C56 C78.6 D25 D26 D27 A0 S3 Q4",
	"R11":    "K A0 O21 Q40 C15 C16",
	"R12":    "K2", "R13": "K2 C15 C16 J38",
	"R14": "K", "R15": "K", "R16": "K C22 C78.7", "R17": "K7 K8 C22 C24 C25", "R18": "K7 C48 C78.6",
	"R19": "K A0 C18 C19 C20 C21 D12",
	"R20": "L G", "R21": "L B0", "R22": "L M C D N6 I80 I82 S Q",
	"R25": "G", "R26": "M S G I6 Q65 Q66 Q67 Q68 Q72 Q74 C40 C41 C79.5", "R27": "G I6", "R29": "G I6 S",
	"R30": "N C61 C67 Q6", "R31": "N C61 C64 C65 C66 C67 C68 D30 D41 Q6", "R32": "N C61 C67", "R33": "N C61 C67",
	"R34": "N", "R35": "N C61 C67", "R36": "N", "R39": "N C61 C67",
	"R40": "G I6 S06", "R41": "G I6 S06 F", "R42": "H81 H83 I6 G",
	"R47": "G I6 C71", "R48": "G I6", "R49": "J38 C32",
	"R50":    "A B J0 J1 J2 J85 J86 N10 N30 N39.0 N70 N71 N72 N73 K35 K57 K61 K65 K81 L0 M00 M86 G0 I33 U07.1",
	"R51":    "G43 G44 G93 I6 S06 C71 C79.3 D32 D33 D43 J01 J32",
	"R55":    "I4 I35 I95 G40 G45",
	"R56":    "G40 G93 S06 C71",
	"D72.82": "A B J0 J1 J2 J85 J86 N10 N30 N39.0 N70 N71 N72 N73 K35 K57 K61 K65 K81 L0 M00 M86 G0 I33",
	"R59":    "C77 C81 C82 C83 C84 C85 C86 C88 C90 C91 C92 C93 C94 C95 C96 D36 I88 L04 B",
	"R60":    "I50 I80 I82 I87 N04 N18 K7",
	"R80":    "N E1", "R81": "N E1", "R82": "N",
	"R90":   "G I6 S06 C71 C79.3 D32 D33 D43",
	"R91":   "J C34 C78.0 D14.3 D38.1 I26 A15",
	"R92":   "N6 C50 D05 D24 D48.6",
	"M25.5": "M S T C40 C41 C79.5 D16 D48.0 Q65 Q66 Q68 Q74",
	"M79.6": "M S T I70.2 I80 I82 G56 G57 C40 C41 D16",
	"M54.2": "M4 M5 S1 C41 C79.5", "M54.5": "M4 M5 S3 C41 C79.5 N2", "M54.6": "M4 M5 S2 C41 C79.5", "M54.9": "M4 M5 S1 S2 S3 C41 C79.5",
	"N63":   "N60 N61 N62 N64 N65 C50 D05 D24 D48.6",
	"N64.4": "N60 N61 N62 C50",
	// An unspecified injury of a region ("Right ankle injury" as the
	// reason for the film) is explained by the injury the study finds
	// there: the fracture of the malleolus, the sprain of the wrist.
	"S09.9": "S0", "S19.9": "S1", "S29.9": "S2", "S39.9": "S3", "S49.9": "S4", "S59.9": "S5 S4",
	"S69.9": "S6 S52.5 S52.6", "S79.9": "S7 S32", "S89.9": "S8 S72.4", "S99.9": "S9 S82.5 S82.6 S82.8",
	"T14.8": "S", "T14.90": "S",
}

// symptomPrefix returns the longest explainedBy prefix of code, "" when
// none (the table's prefixes are of 3, 5 and 6 characters).
func symptomPrefix(code string) string {
	for _, n := range [...]int{6, 5, 3} {
		if len(code) >= n {
			if _, ok := explainedBy[code[:n]]; ok {
				return code[:n]
			}
		}
	}
	return ""
}

// explains reports whether diagnosis d (not itself a sign or symptom, nor
// a Z code) is of the body system of symptom s.
func explains(d, s string) bool {
	sp := symptomPrefix(s)
	if sp == "" || strings.HasPrefix(d, "R") || strings.HasPrefix(d, "Z") || symptomPrefix(d) != "" {
		return false
	}
	for _, p := range strings.Fields(explainedBy[sp]) {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	return false
}

// whereSaid reports whether every mention of k lies in a reason section,
// and whether any lies in an answer section; where is sectionsWhere of
// the note.
func whereSaid(where []uint8, k *scored) (reason, answer bool) {
	if len(k.c.mentions) == 0 {
		return false, false
	}
	n := len(where) - 1 // the sections; where[n] is outside any
	reason = true
	for mi := range k.c.mentions { // by index: a mention is too large to copy
		m := &k.c.mentions[mi]
		wh := where[n]
		if m.section >= 0 && m.section < n {
			wh = where[m.section]
		}
		reason = reason && wh&inReason != 0
		answer = answer || wh&inAnswer != 0
	}
	return reason, answer
}

// Section kinds whereSaid reads, as bits of sectionWhere.
const (
	inReason uint8 = 1 << iota // reasonSections
	inAnswer                   // answerSections
)

// sectionWhere returns the inReason and inAnswer bits of a section kind:
// reasonSections' and answerSections' kinds, which no kind is in both,
// by a switch rather than two map lookups by string per section
// (TestSectionWhere holds it to the maps).
func sectionWhere(kind nlp.SectionKind) uint8 {
	switch kind {
	case nlp.ChiefComplaint, nlp.ReasonForVisit, nlp.Indications, nlp.ConsultReason,
		nlp.HistoryOfPresentIllness, nlp.ReviewOfSystems, nlp.Subjective:
		return inReason
	case nlp.Impression, nlp.Findings, nlp.Assessment, nlp.AssessmentAndPlan, nlp.Diagnoses,
		nlp.DischargeDiagnoses, nlp.PostoperativeDiagnosis:
		return inAnswer
	}
	return 0
}

// sectionsWhere appends the sectionWhere of each of doc's sections to
// buf[:0], then that of a mention outside any (sectionKind "").
func sectionsWhere(doc *nlp.Document, buf []uint8) []uint8 {
	buf = buf[:0]
	for _, s := range doc.Sections {
		buf = append(buf, sectionWhere(s.Kind))
	}
	return append(buf, sectionWhere(""))
}
