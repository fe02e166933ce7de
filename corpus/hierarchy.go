package corpus

import "strings"

// linkHierarchy sets Parent and Children of ICD-10-CM codes given in
// tabular order: the parent of a code is its longest proper prefix (dot
// ignored) that is itself a code. It also sets Chapter from the chapter
// ranges when the code has none yet.
func linkHierarchy(codes []*Code) {
	byRaw := make(map[string]*Code, len(codes))
	for _, c := range codes {
		c.Parent, c.Children = "", nil
		byRaw[undot(c.Code)] = c
	}
	for _, c := range codes {
		raw := undot(c.Code)
		for n := len(raw) - 1; n >= 3; n-- {
			if p, ok := byRaw[raw[:n]]; ok {
				c.Parent = p.Code
				p.Children = append(p.Children, c.Code)
				break
			}
		}
		if c.Chapter == "" {
			c.Chapter = ChapterOf(c.Code)
		}
	}
}

// undot removes the dot of an ICD-10-CM code.
func undot(code string) string { return strings.Replace(code, ".", "", 1) }

// chapterRanges are the first and last categories of each ICD-10-CM
// chapter, as printed in the Tabular List chapter titles (FY2026 added
// category QA0 to chapter 17; letters sort after digits, so "QA0" > "Q99"),
// sorted by first category; the ranges do not overlap.
var chapterRanges = [...]struct{ first, last, chapter string }{
	{"A00", "B99", "1"}, {"C00", "D49", "2"}, {"D50", "D89", "3"},
	{"E00", "E89", "4"}, {"F01", "F99", "5"}, {"G00", "G99", "6"},
	{"H00", "H59", "7"}, {"H60", "H95", "8"}, {"I00", "I99", "9"},
	{"J00", "J99", "10"}, {"K00", "K95", "11"}, {"L00", "L99", "12"},
	{"M00", "M99", "13"}, {"N00", "N99", "14"}, {"O00", "O9A", "15"},
	{"P00", "P96", "16"}, {"Q00", "QA0", "17"}, {"R00", "R99", "18"},
	{"S00", "T88", "19"}, {"U00", "U85", "22"}, {"V00", "Y99", "20"},
	{"Z00", "Z99", "21"},
}

// ChapterOf returns the ICD-10-CM chapter number ("4") whose category
// range holds code (dotted or not), or "" when none does.
func ChapterOf(code string) string {
	var cat string
	if len(code) >= 3 && upperAlnum(code[0]) && upperAlnum(code[1]) && upperAlnum(code[2]) {
		// The common case, a canonical code: trimming, undotting and
		// upper-casing leave its first three characters as they are.
		cat = code[:3]
	} else {
		c := strings.ToUpper(undot(strings.TrimSpace(code)))
		if len(c) < 3 {
			return ""
		}
		cat = c[:3]
	}
	// The last range starting at or before cat is the only one that can
	// hold it.
	k := key3(cat)
	lo, hi := 0, len(chapterRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if key3(chapterRanges[m].first) <= k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 && k <= key3(chapterRanges[lo-1].last) {
		return chapterRanges[lo-1].chapter
	}
	return ""
}

func upperAlnum(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

// key3 packs three bytes so that integers compare as the strings do.
func key3(s string) uint32 { return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) }
