package suggest

import "medcode/corpus"

// chapterHistory maps a range of condition categories (lo to hi, first
// three characters) to the history codes that stand for them where the
// Alphabetic Index names none: the "other" code of the block of Z86/Z87
// (personal) or Z80-Z84 (family) organised like the chapters of the
// Tabular List, and for a relative's malignancy the site of Z80. "" when
// there is none (a personal malignancy is the treated-malignancy rule's,
// encounter.go).
type chapterHistory struct {
	lo, hi           string
	personal, family string
}

var historyChapters = []chapterHistory{
	{"A00", "B99", "Z86.19", "Z83.1"},
	{"C00", "C14", "", "Z80.8"},
	{"C15", "C26", "", "Z80.0"},
	{"C30", "C34", "", "Z80.1"},
	{"C37", "C39", "", "Z80.2"},
	{"C40", "C49", "", "Z80.8"},
	{"C50", "C50", "", "Z80.3"},
	{"C51", "C55", "", "Z80.49"},
	{"C56", "C56", "", "Z80.41"},
	{"C57", "C60", "", "Z80.49"},
	{"C61", "C61", "", "Z80.42"},
	{"C62", "C62", "", "Z80.43"},
	{"C63", "C63", "", "Z80.49"},
	{"C64", "C65", "", "Z80.51"},
	{"C66", "C66", "", "Z80.59"},
	{"C67", "C67", "", "Z80.52"},
	{"C68", "C68", "", "Z80.59"},
	{"C69", "C76", "", "Z80.8"},
	{"C80", "C80", "", "Z80.9"},
	{"C81", "C90", "", "Z80.7"},
	{"C91", "C95", "", "Z80.6"},
	{"C96", "C96", "", "Z80.7"},
	{"D10", "D36", "Z86.018", ""},
	{"D50", "D89", "Z86.2", "Z83.2"},
	{"E00", "E89", "Z86.39", "Z83.49"},
	{"F01", "F99", "Z86.59", "Z81.8"},
	{"G00", "G99", "Z86.69", "Z82.0"},
	{"H00", "H59", "Z86.69", "Z83.518"},
	{"H60", "H95", "Z86.69", "Z83.52"},
	{"I00", "I99", "Z86.79", "Z82.49"},
	{"J00", "J99", "Z87.09", "Z83.6"},
	{"K00", "K95", "Z87.19", "Z83.79"},
	{"L00", "L99", "Z87.2", "Z84.0"},
	{"M00", "M99", "Z87.39", "Z82.69"},
	{"N00", "N39", "Z87.448", "Z84.2"},
	{"N40", "N53", "Z87.438", "Z84.2"},
	{"N70", "N98", "Z87.42", "Z84.2"},
	{"O00", "O9A", "Z87.59", ""},
	{"Q00", "Q99", "Z87.798", "Z82.79"},
	{"S00", "T34", "Z87.828", ""},
}

// chapterHistoryCode returns the billable history code of set that
// historyChapters gives condition code, personal or family; false when
// none.
func chapterHistoryCode(set *corpus.Set, code string, family bool) (corpus.ID, bool) {
	if len(code) < 3 {
		return 0, false
	}
	cat := code[:3]
	for _, h := range historyChapters {
		if cat < h.lo || cat > h.hi {
			continue
		}
		z := h.personal
		if family {
			z = h.family
		}
		if z == "" {
			return 0, false
		}
		id, ok := set.ID(corpus.ICD10CM, z)
		if !ok || !set.Brief(id).Billable {
			return 0, false
		}
		return id, true
	}
	return 0, false
}

// chapterOther reports whether code is a personal-history code
// historyChapters gives a chapter: it stands only for the condition it
// was found for, never for another that shares a word with it.
func chapterOther(code string) bool {
	for _, h := range historyChapters {
		if h.personal == code {
			return true
		}
	}
	return false
}
