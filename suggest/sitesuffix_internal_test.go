package suggest

import (
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

// TestTitleSuffix: an ending is what follows the stem title and its
// comma, and only then.
func TestTitleSuffix(t *testing.T) {
	tests := []struct {
		p, title, want string
		ok             bool
	}{
		{"Fracture of patella", "Fracture of patella, initial encounter", "initial encounter", true},
		{"Fracture of patella", "Fracture of patella", "", false},
		{"Fracture of patella", "Fracture of patella, ", "", false},
		{"Fracture of patella", "Fracture of patellar tendon, initial encounter", "", false},
		{"Fracture of patella", "Fracture of patella; initial encounter", "", false},
		{"", ", initial encounter", "", false},
	}
	for _, tt := range tests {
		got, ok := titleSuffix(tt.p, tt.title)
		if got != tt.want || ok != tt.ok {
			t.Errorf("titleSuffix(%q, %q) = %q, %v; want %q, %v", tt.p, tt.title, got, ok, tt.want, tt.ok)
		}
	}
}

// TestSiteSuffixReadings: in every category with seventh-character
// stems, each reading buildSiteCategory makes (most of them from a stem's
// reading and an ending, sitesuffix.go) holds the numbers, kinds and
// "or" pairs readingOf gives its text, in every release.
func TestSiteSuffixReadings(t *testing.T) {
	testenv.SkipUnderRace(t)
	top := realEngine(t)
	for _, e := range append([]*Engine{top}, top.byRelease...) {
		siteSuffixReadings(t, e)
	}
}

// siteSuffixReadings is TestSiteSuffixReadings over e's release.
func siteSuffixReadings(t *testing.T, e *Engine) {
	t.Helper()
	cats, derived := 0, 0
	for _, id := range e.set.IDs(corpus.ICD10CM) {
		cat := e.set.Brief(id).Code
		if len(cat) != 3 {
			continue
		}
		plan := e.sitePlanOf(cat)
		if !slices.ContainsFunc(plan, func(p sitePlan) bool { return p.stem }) {
			continue
		}
		cats++
		sc := e.buildSiteCategory(plan)
		ns, nc := 0, 0
		last := ""
		for _, p := range plan {
			c := &sc.codes[nc]
			if p.stem {
				c = &sc.stems[ns]
				ns++
			} else {
				nc++
				if _, ok := titleSuffix(last, p.texts[0]); ok {
					derived++
				}
			}
			for i, text := range p.texts {
				r, want := sc.reading(sc.spans[int(c.first)+i]), e.readingOf(text)
				kinds := make([]siteKind, len(r.kinds))
				for j, k := range r.kinds {
					kinds[j] = k &^ kindCommon
				}
				if !slices.Equal(r.ids, want.ids) || !slices.Equal(kinds, want.kinds) || !slices.Equal(r.alts, want.alts) {
					t.Fatalf("%s %q: ids %v kinds %v alts %v, want %v %v %v", cat, text, r.ids, kinds, r.alts, want.ids, want.kinds, want.alts)
				}
			}
			if p.stem {
				last = p.texts[0]
			}
		}
	}
	if cats == 0 || derived == 0 {
		t.Fatalf("%d categories, %d titles read from their stem's: want some", cats, derived)
	}
	t.Logf("%d categories, %d titles read from their stem's", cats, derived)
}

// TestOrField: the first or last field, split as appendAlts splits, is
// "or" in either case.
func TestOrField(t *testing.T) {
	tests := []struct {
		text       string
		last, want bool
	}{
		{"Cyst of ovary or", true, true},
		{"Cyst of ovary OR, ", true, true},
		{"Cyst of ovary (or)", true, true},
		{"Cyst of ovary or", false, false},
		{"or stenosis", false, true},
		{" (Or stenosis", false, true},
		{"ore stenosis", false, false},
		{"stenosis of door", true, false},
		{"", true, false},
		{"", false, false},
		{"or", true, true},
	}
	for _, tt := range tests {
		if got := orField(tt.text, tt.last); got != tt.want {
			t.Errorf("orField(%q, %v) = %v, want %v", tt.text, tt.last, got, tt.want)
		}
	}
}
