package index

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/internal/testenv"
)

func testSet() *corpus.Set {
	code := func(c, d string, billable bool, extra ...corpus.Name) *corpus.Code {
		return &corpus.Code{System: corpus.ICD10CM, Code: c, Display: d, Billable: billable,
			Names: append([]corpus.Name{{Text: d, Kind: corpus.NameTitle}}, extra...)}
	}
	return corpus.NewSet([]*corpus.Code{
		code("E11", "Type 2 diabetes mellitus", false),
		code("E11.9", "Type 2 diabetes mellitus without complications", true),
		code("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease", true,
			corpus.Name{Text: "Diabetes, type 2, with, chronic kidney disease", Kind: corpus.NameIndex}),
		code("I10", "Essential (primary) hypertension", true, corpus.Name{Text: "High blood pressure", Kind: corpus.NameInclusion}),
		code("R07.9", "Chest pain, unspecified", true),
		code("R52", "Pain, unspecified", true),
		code("J18.9", "Pneumonia, unspecified organism", true),
	}, nil)
}

func build(t testing.TB) *Index {
	t.Helper()
	ix, err := Build(testSet(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func query(t testing.TB, ix *Index, text string) Query {
	t.Helper()
	var q Query
	for i, term := range ix.Analyzer().Terms(text) {
		if id, ok := ix.TermID(term.Stem); ok {
			q.Terms = append(q.Terms, id)
			q.Pos = append(q.Pos, int32(i))
		}
	}
	return q
}

func TestSearch(t *testing.T) {
	ix := build(t)
	tests := []struct {
		text string
		top  string
		cov  float64 // minimum coverage of the top hit
	}{
		{"patient reports chest pain since morning", "R07.9", 0.99},
		{"high blood pressure, on lisinopril", "I10", 0.99},
		{"type 2 diabetes with chronic kidney disease stage 3", "E11.22", 0.99},
		{"type 2 diabetes mellitus", "E11", 0.99},
		{"community acquired pneumonia", "J18.9", 0.99},
	}
	for _, tt := range tests {
		hits := ix.Search(query(t, ix, tt.text), SearchOptions{})
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tt.text)
			continue
		}
		got := ix.Code(hits[0].Code).Code
		if got != tt.top || hits[0].Coverage < tt.cov {
			t.Errorf("%q: top %s (coverage %.2f), want %s (>= %.2f)", tt.text, got, hits[0].Coverage, tt.top, tt.cov)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score || hits[i].Score == hits[i-1].Score && hits[i].Name < hits[i-1].Name {
				t.Errorf("%q: hits not in total order at %d", tt.text, i)
			}
		}
	}
	if hits := ix.Search(query(t, ix, "no relevant words here"), SearchOptions{}); len(hits) != 0 {
		t.Errorf("unrelated text: %d hits", len(hits))
	}
}

func TestGenericWordsRemoved(t *testing.T) {
	for in, want := range map[string]string{
		"Pain, unspecified": "Pain,",
		"Type 2 diabetes mellitus without complications":  "Type 2 diabetes mellitus",
		"Fracture of unspecified femur, unspecified side": "Fracture of femur,",
		"Disorder of kidney NEC":                          "Disorder of kidney",
	} {
		if got := MatchText(in); got != want {
			t.Errorf("MatchText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	ix := build(t)
	var buf bytes.Buffer
	if err := ix.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != ix.Len() || got.Terms() != ix.Terms() || got.Codes() != ix.Codes() || got.AnalysisHash() != ix.AnalysisHash() {
		t.Fatalf("round trip: %d/%d/%d names/terms/codes, want %d/%d/%d", got.Len(), got.Terms(), got.Codes(), ix.Len(), ix.Terms(), ix.Codes())
	}
	var again bytes.Buffer
	if err := got.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Fatalf("round trip: the snapshot written again differs (%d vs %d bytes)", again.Len(), buf.Len())
	}
	a := ix.Search(query(t, ix, "chest pain and high blood pressure"), SearchOptions{})
	b := got.Search(query(t, got, "chest pain and high blood pressure"), SearchOptions{})
	if len(a) != len(b) {
		t.Fatalf("round trip: %d hits, want %d", len(b), len(a))
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Score != b[i].Score {
			t.Errorf("hit %d differs after round trip", i)
		}
	}
}

func TestSnapshotRejects(t *testing.T) {
	testenv.SkipUnderRace(t)
	ix := build(t)
	var buf bytes.Buffer
	if err := ix.Write(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	other := build(t)
	other.hash = "0123456789abcdef"
	var ob bytes.Buffer
	if err := other.Write(&ob); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"empty":          nil,
		"not a snapshot": []byte("hello world"),
		"other version":  append([]byte(snapshotMagic), 99),
		"other analysis": ob.Bytes(),
		"trailing bytes": append(append([]byte(nil), good...), 0),
	}
	for name, b := range bad {
		if _, err := Read(b); !errors.Is(err, ErrSnapshot) {
			t.Errorf("%s: err = %v, want ErrSnapshot", name, err)
		}
	}
	// Every truncation fails cleanly.
	for n := 0; n < len(good); n += 1 + n/50 {
		if _, err := Read(good[:n]); !errors.Is(err, ErrSnapshot) {
			t.Fatalf("truncated at %d: err = %v, want ErrSnapshot", n, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	ix := build(f)
	var buf bytes.Buffer
	if err := ix.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(snapshotMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Read(b)
		if err == nil && got.Terms() > 0 {
			got.Search(Query{Terms: []uint32{0}, Pos: []int32{0}}, SearchOptions{})
		}
	})
}

// TestSearchQueryOrder: a query's hits do not depend on the order its
// distinct terms are listed in (windows are found by position, whether the
// positions arrive sorted, as a sentence's do, or not).
func TestSearchQueryOrder(t *testing.T) {
	ix := build(t)
	for _, text := range []string{
		"type 2 diabetes with chronic kidney disease stage 3 and high blood pressure",
		"chest pain and pneumonia, unspecified organism",
	} {
		q := query(t, ix, text)
		rev := Query{Terms: slices.Clone(q.Terms), Pos: slices.Clone(q.Pos)}
		slices.Reverse(rev.Terms)
		slices.Reverse(rev.Pos)
		want := ix.Search(q, SearchOptions{MinCoverage: 0.3})
		got := ix.Search(rev, SearchOptions{MinCoverage: 0.3})
		if len(got) != len(want) || len(want) == 0 {
			t.Fatalf("%q: %d hits reversed, %d in order", text, len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Name != w.Name || g.First != w.First || g.Last != w.Last || math.Abs(g.Cosine-w.Cosine) > 1e-12 || math.Abs(g.Score-w.Score) > 1e-12 {
				t.Errorf("%q hit %d: reversed %+v, in order %+v", text, i, g, w)
			}
		}
	}
}

func TestEssential(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Obstructive sleep apnea (adult) (pediatric)", "Obstructive sleep apnea"},
		{"Essential (primary) hypertension", "Essential hypertension"},
		{"Sepsis due to Escherichia coli [E. coli]", "Sepsis due to Escherichia coli"},
		{"Burn of third degree of left ear [any part, except ear drum], subsequent encounter", "Burn of third degree of left ear, subsequent encounter"},
		{"Type 2 diabetes mellitus", ""},
		{"(fixture)", ""},
	}
	for _, tc := range tests {
		if got := Essential(tc.in); got != tc.want {
			t.Errorf("Essential(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWithoutVariants(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Atrophy, atrophic, thymus", "Atrophy, thymus"},
		{"Polyp, polypus, colon, sigmoid", "Polyp, colon, sigmoid"},
		{"Ulcer, ulcerated, ulcerating, ulceration, ulcerative, skin", "Ulcer, skin"},
		{"Pain, painful, joint", "Pain, joint"},
		{"Hyperplasia, hypertrophic, prostate", ""}, // not a variant: the endings differ by more than five letters
		{"Pneumonia, Pneumocystis", ""},             // an organism
		{"Pneumonia, pneumocystis", ""},
		{"Acidity, gastric, psychogenic", ""},
		{"Atrophy, atrophic", "Atrophy"},
		{"Syndrome, Good's, adult", ""},
		{"Pain, painful", "Pain"},
		{"Pain, abdominal", ""},
	} {
		if got := WithoutVariants(tc.in); got != tc.want {
			t.Errorf("WithoutVariants(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Unspecified ovarian cyst, left side", "ovarian cyst, left"},
		{"Pain, unspecified", "Pain,"},
		{"Displaced fracture of lateral malleolus of right fibula", "Displaced fracture of lateral malleolus of right fibula"},
		{"Hemiplegia affecting right dominant side", "Hemiplegia affecting right dominant side"},
	} {
		if got := MatchText(tc.in); got != tc.want {
			t.Errorf("MatchText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
