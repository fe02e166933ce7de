package suggest

import (
	"slices"
	"strings"
	"testing"

	"medcode/nlp"
)

// words splits on spaces: a stemmer for parser tests.
func words(s string) []string { return strings.Fields(strings.ToLower(s)) }

// TestParseSites: sites.txt lines map a note word to title words; bad
// lines are errors naming the file and line.
func TestParseSites(t *testing.T) {
	tests := []struct {
		name, src, err string
		word           string
		want           string
	}{
		{name: "map", src: "# c\n\ntoe\tfoot, ankle and foot\n", word: "toe", want: "foot|ankle and foot"},
		{name: "self dropped", src: "toe\ttoe, foot\n", word: "toe", want: "foot"},
		{name: "after a word", src: "grade 2\tsecond degree\n", word: "grade 2", want: "second degree"},
		{name: "no tab", src: "toe foot\n", err: "sites.txt:1:"},
		{name: "empty right", src: "a\tb\ntoe\t \n", err: "sites.txt:2:"},
		{name: "three words", src: "left great toe\tfoot\n", err: "sites.txt:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sm, err := parseSites(tt.src, words)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ph := range sm.to[tt.word] {
				got = append(got, strings.Join(ph, " "))
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("%s -> %v, want %s", tt.word, got, tt.want)
			}
		})
	}
}

// TestSitesTable: the embedded table parses with the engine's stemmer
// and knows its sides.
func TestSitesTable(t *testing.T) {
	sm, err := parseSites(sitesTable, words)
	if err != nil {
		t.Fatal(err)
	}
	if !sm.defaults["idiopathic"] || len(sm.to["both"]) == 0 || sm.to["both"][0][0] != "bilateral" {
		t.Errorf("table: defaults %v, both %v", sm.defaults, sm.to["both"])
	}
}

// TestSiteFit: a reading adds words the note states, never an unsaid
// side, nor drops a word of the vague title but the one "unspecified"
// stands beside, nor reads a condition into a bare "with".
func TestSiteFit(t *testing.T) {
	sm, err := parseSites("=default\tidiopathic\n", words)
	if err != nil {
		t.Fatal(err)
	}
	sm.fill["of"] = true
	sm.kinds["of"] = sm.kindOfSets("of")
	e := &Engine{sites: sm}
	// note holds the words the note says and those the table supplies,
	// the i-th of each at token first+i, and the vague code's own tokens.
	type note struct {
		said, mapped string
		first        int
		own          []int32
	}
	nw := func(said, mapped string) note { return note{said: said, mapped: mapped} }
	tests := []struct {
		name, reading, vague string
		note                 note
		common               string
		ok                   bool
		lit, mapped, unsaid  int
	}{
		{name: "site through the table", reading: "idiopathic gout right ankle foot", vague: "gout unspecified", note: nw("gout right toe", "foot ankle"), ok: true, lit: 1, mapped: 2},
		{name: "unsaid side", reading: "gout left foot", vague: "gout unspecified", note: nw("gout", "foot"), ok: false},
		{name: "nothing stated", reading: "gout lead induced", vague: "gout unspecified", note: nw("gout flare", ""), ok: false},
		{name: "drops the head", reading: "wheezing", vague: "dyspnea unspecified", note: nw("dyspnea wheezing", ""), ok: false},
		{name: "slot word given way", reading: "impacted cerumen bilateral", vague: "impacted cerumen unspecified ear", note: nw("impacted cerumen ear", "bilateral"), ok: true, mapped: 1},
		{name: "drops a site", reading: "neoplasm unspecified behavior right kidney", vague: "neoplasm unspecified behavior respiratory system", note: nw("right kidney", ""), ok: false},
		{name: "common implied", reading: "lipoma skin subcutaneous trunk", vague: "lipoma unspecified", note: nw("lipoma", "trunk"), common: "skin subcutaneous", ok: true, mapped: 1},
		{name: "condition past with", reading: "appendicitis with perforation gangrene", vague: "appendicitis unspecified", note: nw("appendicitis with gangrene", ""), common: "perforation", ok: false},
		{name: "without what the note states", reading: "arthritis without rheumatoid factor multiple", vague: "arthritis unspecified", note: nw("arthritis rheumatoid factor multiple", ""), ok: false},
		{name: "without the vague title's word", reading: "nausea without vomiting", vague: "vomiting unspecified", note: nw("vomiting nausea", ""), ok: false},
		{name: "slot word said gives way to a side alone", reading: "fracture unspecified finger", vague: "fracture unspecified thumb", note: nw("fracture thumb", "finger"), ok: false},
		{name: "the vague code's own word", reading: "enlarged lymph nodes generalized", vague: "enlarged lymph nodes unspecified", note: note{said: "generalized", own: []int32{0}}, ok: false},
		{name: "a word beyond the vague code's", reading: "enlarged lymph nodes generalized", vague: "enlarged lymph nodes unspecified", note: note{said: "generalized", first: 1, own: []int32{0}}, ok: true, lit: 1},
		{name: "common implied before with", reading: "appendicitis perforation with gangrene", vague: "appendicitis unspecified", note: nw("appendicitis with gangrene", ""), common: "perforation", ok: true, lit: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			common := map[string]bool{}
			for _, w := range words(tt.common) {
				common[w] = true
			}
			r, vt := sm.reading(words(tt.reading)), sm.reading(words(tt.vague))
			for i, s := range words(tt.reading) {
				if common[s] {
					r.kinds[i] |= kindCommon
				}
			}
			said, mapped := sm.ids.internAll(words(tt.note.said)), sm.ids.internAll(words(tt.note.mapped))
			ss := &siteScratch{}
			ss.next(sm.ids.size())
			for i, id := range said {
				ss.saidGen[id], ss.saidTok[id] = ss.gen, int32(tt.note.first+i)
			}
			for i, id := range mapped {
				ss.mappedGen[id], ss.mappedTok[id] = ss.gen, int32(tt.note.first+i)
			}
			f, ok := e.fit(&r, &vt, noteWords{s: ss, own: tt.note.own, extra: -1})
			if ok != tt.ok {
				t.Fatalf("ok %v (%+v), want %v", ok, f, tt.ok)
			}
			if ok && (f.lit != tt.lit || f.mapped != tt.mapped || f.unsaid != tt.unsaid) {
				t.Errorf("fit %+v, want lit %d mapped %d unsaid %d", f, tt.lit, tt.mapped, tt.unsaid)
			}
		})
	}
}

// FuzzParseSites: any table parses or fails with an error, never a panic.
func FuzzParseSites(f *testing.F) {
	f.Add(sitesTable)
	f.Add("toe\tfoot\n=default\t\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = parseSites(src, words)
	})
}

// TestSiteStemNumbers: a note's stems are looked up, never numbered; a
// term looked up before a category numbered its stem is looked up again
// once the numbering grew, and the index's term ids come first.
func TestSiteStemNumbers(t *testing.T) {
	base := map[string]uint32{"gout": 0, "toe": 1}
	ids := &stemIDs{base: func(s string) (uint32, bool) { id, ok := base[s]; return id, ok }, nbase: 2}
	sm, err := parseSitesInto("toe\tfoot, ankle and foot\n", words, ids)
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := ids.id("toe"); !ok || id != 1 {
		t.Errorf("toe is %d %v, want the index's 1", id, ok)
	}
	if id, ok := ids.id("foot"); !ok || id < 2 {
		t.Errorf("foot is %d %v, want a number past the index's", id, ok)
	}
	doc := &nlp.Document{Terms: []nlp.Term{{Stem: "gout"}, {Stem: "metatarsal"}}}
	var ss siteScratch
	ss.begin(len(doc.Terms))
	ss.refresh(ids.size())
	if got := ss.termStem(sm, doc, 1); got != -1 {
		t.Fatalf("metatarsal before any category holds it: %d, want -1", got)
	}
	n := ids.size()
	want := ids.intern("metatarsal") // a category's title numbers it
	if ids.size() != n+1 {
		t.Fatalf("size %d, want %d", ids.size(), n+1)
	}
	if got := ss.termStem(sm, doc, 1); got != -1 {
		t.Fatalf("cached: %d", got)
	}
	ss.refresh(ids.size())
	if got := ss.termStem(sm, doc, 1); got != want {
		t.Errorf("metatarsal after refresh: %d, want %d", got, want)
	}
	if got := ss.termStem(sm, doc, 0); got != 0 {
		t.Errorf("gout: %d, want the index's 0", got)
	}
	if n := len(sm.toPh["toe"]); n != 2 {
		t.Errorf("toe has %d phrases, want 2", n)
	}
}

// TestStemHolders: the sorted arrays list, for every stem number, the
// codes whose readings hold it (but for filler and "with" words), in
// order, once each, and nothing for a stem no code holds.
func TestStemHolders(t *testing.T) {
	sm, err := parseSites("knee\tknee\n", func(s string) []string { return strings.Fields(s) })
	if err != nil {
		t.Fatal(err)
	}
	readings := [][]string{{"gout", "of", "right", "knee", "knee"}, {"gout", "left", "knee"}, {"gout", "with", "tophus"}, {"other", "gout"}}
	var codes []siteCode
	cat := &siteCategory{}
	want := map[int32][]int32{}
	for i, words := range readings {
		r := sm.reading(words)
		sp := siteSpan{ids: int32(len(cat.ids)), alts: int32(len(cat.alts))}
		cat.ids, cat.kinds, cat.alts = append(cat.ids, r.ids...), append(cat.kinds, r.kinds...), append(cat.alts, r.alts...)
		sp.idEnd, sp.altEnd = int32(len(cat.ids)), int32(len(cat.alts))
		cat.spans = append(cat.spans, sp)
		codes = append(codes, siteCode{first: int32(i), end: int32(i + 1)})
		for j, s := range r.ids {
			if r.kinds[j]&(kindFill|kindStrict) == 0 && !slices.Contains(want[s], int32(i)) {
				want[s] = append(want[s], int32(i))
			}
		}
	}
	h := holders(&liveSites{codes: codes, cat: cat})
	for s := int32(0); s < sm.ids.size()+1024; s++ {
		if got := h.of(s); !slices.Equal(got, want[s]) {
			t.Errorf("of(%d) = %v, want %v", s, got, want[s])
		}
		if len(want[s]) > 0 && !h.may(s) {
			t.Errorf("may(%d) false, but %v hold it (holding skips it)", s, want[s])
		}
	}
	if len(want[sm.ids.intern("gout")]) != 4 {
		t.Fatalf("gout held by %v", want[sm.ids.intern("gout")])
	}
}

// TestAddsSide: a reading adds a side when it holds one the vague title
// does not, by stem number as by stem.
func TestAddsSide(t *testing.T) {
	sm, err := parseSites("knee\tknee\n", func(s string) []string { return strings.Fields(s) })
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{sites: sm}
	for _, tc := range []struct {
		r, vt string
		want  bool
	}{
		{"gout right knee", "gout unspecified knee", true},
		{"gout right knee", "gout right unspecified", false},
		{"gout knee", "gout unspecified", false},
		{"gout bilateral knee", "gout left knee", true},
	} {
		r, vt := sm.reading(strings.Fields(tc.r)), sm.reading(strings.Fields(tc.vt))
		if got, old := r.addsSide(&vt), e.addsSide(strings.Fields(tc.r), strings.Fields(tc.vt)); got != tc.want || old != tc.want {
			t.Errorf("%q over %q: addsSide %v (by stems %v), want %v", tc.r, tc.vt, got, old, tc.want)
		}
	}
}

// TestSiteStemKnownIDs: with the note's term ids by the base's index
// (siteScratch.known), a term's number is its id, a term the index does
// not know is looked up among the numbered stems only, and a term read as
// "unspecified" by its stem: the same numbers as without them.
func TestSiteStemKnownIDs(t *testing.T) {
	base := map[string]uint32{"gout": 0, "toe": 1, "unspecifi": 2}
	ids := &stemIDs{base: func(s string) (uint32, bool) { id, ok := base[s]; return id, ok }, nbase: 3}
	sm, err := parseSitesInto("toe\tfoot, ankle and foot\n", words, ids)
	if err != nil {
		t.Fatal(err)
	}
	foot, _ := ids.id("foot")
	doc := &nlp.Document{Terms: []nlp.Term{{Stem: "gout"}, {Stem: "foot"}, {Stem: "metatarsal"}, {Stem: "unspecifi", Norm: "unspecified"}}}
	tests := []struct {
		known []int64
		want  []int32
	}{
		{nil, []int32{0, foot, -1, 2}},
		{[]int64{0, -1, -1, unspecTerm}, []int32{0, foot, -1, 2}},
	}
	for i, tc := range tests {
		var ss siteScratch
		ss.begin(len(doc.Terms))
		ss.refresh(ids.size())
		ss.known = tc.known
		for j, want := range tc.want {
			if got := ss.termStem(sm, doc, j); got != want {
				t.Errorf("%d: term %q is %d, want %d", i, doc.Terms[j].Stem, got, want)
			}
		}
	}
}
