package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"medcode/internal/testenv"
)

func TestNormalizeCode(t *testing.T) {
	for _, tt := range []struct {
		sys      System
		in, want string
	}{
		{ICD10CM, "E11.9", "E11.9"},
		{ICD10CM, "e119", "E11.9"},
		{ICD10CM, " E119 ", "E11.9"},
		{ICD10CM, "E11", "E11"},
		{ICD10CM, "e11", "E11"},
		{ICD10CM, "E11.", "E11"},
		{ICD10CM, "S72.001A", "S72.001A"},
		{ICD10CM, "S72001a", "S72.001A"},
		{CPT, "99213", "99213"},
		{HCPCS, "j1100", "J1100"},
		{HCPCS, "J1100", "J1100"},
	} {
		if got := NormalizeCode(tt.sys, tt.in); got != tt.want {
			t.Errorf("NormalizeCode(%s, %q) = %q, want %q", tt.sys, tt.in, got, tt.want)
		}
	}
}

// packedInputs parses the fixture code sets (and the full data when
// present) the way Load does, before NewSet.
func packedInputs(t *testing.T) map[string][]*Code {
	t.Helper()
	out := map[string][]*Code{}
	dirs := map[string]string{"fixture": fixtureCodeSets(t)}
	if d, err := filepath.Abs(filepath.Join(testenv.Root(t), "data", "codesets")); err == nil {
		// The full data takes ~150 s under the race detector and exercises
		// no concurrency: it runs in the non-race pass of `make test`.
		if _, err := os.Stat(d); err == nil && !testing.Short() && !testenv.Race {
			dirs["data"] = d
		}
	}
	for name, dir := range dirs {
		files, err := findCodeSetFiles(dir)
		if err != nil {
			t.Fatal(err)
		}
		codes, _, _, err := parse(context.Background(), dir, files, Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		out[name] = codes
	}
	return out
}

// TestNewSetLossless: every code NewSet packs comes back deeply equal
// (nil and empty slices told apart), and the hot accessors agree with it.
func TestNewSetLossless(t *testing.T) {
	t.Parallel() // with TestLoadCacheRealData, the non-race pass's two slow full-data tests
	ext := []Extension{{"A", "initial encounter"}, {"D", "subsequent encounter"}}
	hand := []*Code{
		{System: ICD10CM, Code: "S72.001", Display: "Fracture of right femur", Children: []string{"S72.001A", "S72.001Z"},
			Names: []Name{{"Fracture of right femur", NameTitle}, {"broken hip", NameSynonym}}, SevenChr: ext,
			Notes: Notes{Excludes1: []string{"pathological fracture (M84.4-)"}, Includes: []string{}}},
		{System: ICD10CM, Code: "S72.001A", Display: "Fracture of right femur, initial", Billable: true, Parent: "S72.001", SevenChr: ext, Names: []Name{}},
		{System: HCPCS, Code: "J1100", Display: "Injection, dexamethasone", Billable: true, Short: "Dexamethasone",
			Added: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), Terminated: time.Date(2030, 12, 31, 0, 0, 0, 0, time.UTC)},
		{System: HCPCS, Code: "25", Display: "Significant, separately identifiable E/M service", Modifier: true, Children: []string{}},
		// Names that start with the display as another kind, with another
		// title, or repeat the display as a title later (namesTitled).
		{System: CPT, Code: "99213", Display: "Office visit", Names: []Name{{"Office visit", NameShort}, {"Office visit", NameTitle}}},
		{System: CPT, Code: "99214", Display: "Office visit, moderate", Names: []Name{{"Office visit", NameTitle}, {"Office visit, moderate", NameTitle}}},
		{System: CPT, Code: "99215", Display: "", Names: []Name{{"", NameTitle}}},
	}
	cases := packedInputs(t)
	cases["hand"] = hand
	for name, codes := range cases {
		t.Run(name, func(t *testing.T) {
			set := NewSet(codes, nil)
			first := map[[2]string]bool{}
			pos := map[System]int{}
			for _, c := range codes {
				k := [2]string{string(c.System), c.Code}
				if first[k] {
					continue // a duplicate: keeps the first position
				}
				first[k] = true
				ids := set.IDs(c.System)
				id := ids[pos[c.System]]
				pos[c.System]++
				got := set.Code(id)
				if !reflect.DeepEqual(got, c) {
					t.Fatalf("%s %s:\n got %+v\nwant %+v", c.System, c.Code, got, c)
				}
				b := set.Brief(id)
				if b.System != c.System || b.Code != c.Code || b.Display != c.Display || b.Parent != c.Parent || b.Billable != c.Billable || b.Modifier != c.Modifier {
					t.Fatalf("%s: brief %+v", c.Code, b)
				}
				if got := set.CodeString(id); got != c.Code {
					t.Fatalf("%s: CodeString %q", c.Code, got)
				}
				if got := set.SystemOf(id); got != c.System {
					t.Fatalf("%s: SystemOf %q", c.Code, got)
				}
				var kids []string
				for _, k := range set.Children(id) {
					kids = append(kids, set.Brief(k).Code)
				}
				var want []string
				for _, k := range c.Children {
					if _, ok := set.ID(c.System, k); ok {
						want = append(want, k)
					}
				}
				if !reflect.DeepEqual(kids, want) {
					t.Fatalf("%s: children %v, want %v", c.Code, kids, want)
				}
				if !reflect.DeepEqual(set.Notes(id), c.Notes) {
					t.Fatalf("%s: notes %+v", c.Code, set.Notes(id))
				}
			}
			for sys, n := range pos {
				if set.Len(sys) != n {
					t.Errorf("%s: Len %d, want %d", sys, set.Len(sys), n)
				}
			}
		})
	}
	// The set keeps nothing of its input.
	set := NewSet(hand, nil)
	hand[0].Display, hand[0].Names[0].Text, hand[0].SevenChr[0].Text = "changed", "changed", "changed"
	c, _ := set.Lookup(ICD10CM, "s72001")
	if c.Display == "changed" || c.Names[0].Text == "changed" || c.SevenChr[0].Text == "changed" {
		t.Errorf("the set shares memory with its input: %+v", c)
	}
	if _, ok := set.ID(ICD10CM, "S72.001Z"); ok {
		t.Error("a child missing from the input was found")
	}
	for _, id := range []ID{0, -1, 1 << 30} {
		if set.Code(id) != nil || set.Brief(id) != (Brief{}) || set.CodeString(id) != "" || set.SystemOf(id) != "" || set.Children(id) != nil || set.SevenChr(id) != nil ||
			!reflect.DeepEqual(set.Notes(id), Notes{}) {
			t.Errorf("ID %d is a code", id)
		}
	}
}

func TestNewSetDuplicates(t *testing.T) {
	set := NewSet([]*Code{
		{System: ICD10CM, Code: "A00", Display: "first"},
		{System: ICD10CM, Code: "B00", Display: "other"},
		{System: ICD10CM, Code: "A00", Display: "second"},
		{System: CPT, Code: "A00", Display: "another system"},
	}, nil)
	if got := set.Codes(ICD10CM); len(got) != 2 || got[0].Code != "A00" || got[1].Code != "B00" {
		t.Errorf("order %+v", got)
	}
	if c, _ := set.Lookup(ICD10CM, "A00"); c.Display != "second" {
		t.Errorf("lookup found %q, want the later duplicate", c.Display)
	}
	if c, _ := set.Lookup(CPT, "A00"); c.Display != "another system" {
		t.Errorf("CPT A00 = %q", c.Display)
	}
}
