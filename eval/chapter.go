package eval

import (
	"strings"

	"medcode/corpus"
)

// chapterRange is one ICD-10-CM chapter: categories From..To inclusive,
// compared as 3-character strings ("O9A" sorts after "O99").
type chapterRange struct {
	Num, From, To, Title string
}

// icdChapters are the 22 ICD-10-CM chapters (FY2026 Tabular List).
var icdChapters = [...]chapterRange{
	{"1", "A00", "B99", "Certain infectious and parasitic diseases"},
	{"2", "C00", "D49", "Neoplasms"},
	{"3", "D50", "D89", "Diseases of the blood and immune mechanism"},
	{"4", "E00", "E89", "Endocrine, nutritional and metabolic diseases"},
	{"5", "F01", "F99", "Mental, behavioral and neurodevelopmental disorders"},
	{"6", "G00", "G99", "Diseases of the nervous system"},
	{"7", "H00", "H59", "Diseases of the eye and adnexa"},
	{"8", "H60", "H95", "Diseases of the ear and mastoid process"},
	{"9", "I00", "I99", "Diseases of the circulatory system"},
	{"10", "J00", "J99", "Diseases of the respiratory system"},
	{"11", "K00", "K95", "Diseases of the digestive system"},
	{"12", "L00", "L99", "Diseases of the skin and subcutaneous tissue"},
	{"13", "M00", "M99", "Diseases of the musculoskeletal system and connective tissue"},
	{"14", "N00", "N99", "Diseases of the genitourinary system"},
	{"15", "O00", "O9A", "Pregnancy, childbirth and the puerperium"},
	{"16", "P00", "P96", "Certain conditions originating in the perinatal period"},
	{"17", "Q00", "Q99", "Congenital malformations and chromosomal abnormalities"},
	{"18", "R00", "R99", "Symptoms, signs and abnormal findings"},
	{"19", "S00", "T88", "Injury, poisoning and other consequences of external causes"},
	{"20", "V00", "Y99", "External causes of morbidity"},
	{"21", "Z00", "Z99", "Factors influencing health status and contact with health services"},
	{"22", "U00", "U85", "Codes for special purposes"},
}

// chapterOf returns the chapter id and title of a code: "ICD-10-CM 4" for
// ICD-10-CM codes (by category range), the system name for CPT and HCPCS,
// and "ICD-10-CM ?" for a code outside every range.
func chapterOf(sys corpus.System, code string) (id, title string) {
	if sys != corpus.ICD10CM {
		return string(sys), string(sys)
	}
	cat := strings.ToUpper(code)
	if len(cat) > 3 {
		cat = cat[:3]
	}
	for _, ch := range icdChapters {
		if cat >= ch.From && cat <= ch.To {
			return "ICD-10-CM " + ch.Num, ch.Title
		}
	}
	return "ICD-10-CM ?", "Unknown chapter"
}

// chapterOrder sorts chapter ids: ICD-10-CM chapters by number, then the
// other systems, then unknown.
func chapterOrder(id string) int {
	for i, ch := range icdChapters {
		if id == "ICD-10-CM "+ch.Num {
			return i
		}
	}
	switch id {
	case string(corpus.CPT):
		return 100
	case string(corpus.HCPCS):
		return 101
	}
	return 200
}
