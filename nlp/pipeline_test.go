package nlp

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestNewOptions(t *testing.T) {
	def := testPipeline(t)
	again, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if def.Hash() != again.Hash() {
		t.Errorf("hash not stable: %s vs %s", def.Hash(), again.Hash())
	}
	if len(def.Hash()) != 64 || strings.Trim(def.Hash(), "0123456789abcdef") != "" {
		t.Errorf("hash %q is not hex sha-256", def.Hash())
	}
	variants := []Options{
		{NoStemming: true},
		{NoAbbreviations: true},
		{ExtraAbbreviations: map[string]string{"XYZ": "xylophone syndrome"}},
		{ExtraAbbreviations: map[string]string{"XYZ": "other words"}},
	}
	seen := map[string]bool{def.Hash(): true}
	for _, o := range variants {
		p, err := New(o)
		if err != nil {
			t.Fatalf("New(%+v): %v", o, err)
		}
		if seen[p.Hash()] {
			t.Errorf("New(%+v): hash collides with another analysis", o)
		}
		seen[p.Hash()] = true
	}
}

func TestNewRejectsBadExtra(t *testing.T) {
	for _, extra := range []map[string]string{
		{"two words": "x"},
		{"ABC": ""},
		{"ABC": "the of and"},
		{"": "empty key"},
	} {
		if _, err := New(Options{ExtraAbbreviations: extra}); err == nil {
			t.Errorf("New(%v) succeeded, want error", extra)
		} else if !strings.HasPrefix(err.Error(), "nlp: ") {
			t.Errorf("error %q lacks the package prefix", err)
		}
	}
}

func TestExtraAbbreviation(t *testing.T) {
	p, err := New(Options{ExtraAbbreviations: map[string]string{"XYZ": "xylophone syndrome", "htn": "high tension"}})
	if err != nil {
		t.Fatal(err)
	}
	got := norms(p.Terms("XYZ and HTN"))
	want := []string{"xyz", "xylophone", "syndrome", "htn", "high", "tension"}
	if !slices.Equal(got, want) {
		t.Errorf("terms %v, want %v", got, want)
	}
}

func TestOptionsAffectTerms(t *testing.T) {
	text := "Patient has HTN and running injuries"
	noStem, _ := New(Options{NoStemming: true})
	noAbbr, _ := New(Options{NoAbbreviations: true})
	if got := stems(noStem.Terms(text)); !slices.Contains(got, "running") || !slices.Contains(got, "injuries") {
		t.Errorf("NoStemming stems %v still stemmed", got)
	}
	if got := stems(testPipeline(t).Terms(text)); !slices.Contains(got, "run") || !slices.Contains(got, "injuri") {
		t.Errorf("default stems %v not stemmed", got)
	}
	for _, tm := range noAbbr.Terms(text) {
		if tm.Expanded {
			t.Errorf("NoAbbreviations expanded %+v", tm)
		}
	}
}

func norms(ts []Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Norm
	}
	return out
}

func stems(ts []Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Stem
	}
	return out
}

func TestTermStream(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		text string
		want []string // Norm of each term, "+" marks an expanded term
	}{
		{"Type 2 diabetes mellitus without complications", []string{"type", "2", "diabetes", "mellitus", "without", "complications"}},
		{"History of the left knee", []string{"history", "left", "knee"}},
		{"no fever or chills", []string{"no", "fever", "chills"}},
		{"DM2", []string{"dm2", "+type", "+2", "+diabetes", "+mellitus"}},
		{"T2DM with CKD3a", []string{"t2dm", "+type", "+2", "+diabetes", "+mellitus", "with", "ckd3a", "+chronic", "+kidney", "+disease", "+stage", "+3a"}},
		{"h/o HTN", []string{"h/o", "+history", "htn", "+hypertension"}},
		{"pt w/o fever", []string{"pt", "+patient", "w/o", "+without", "fever"}},
		{"Crohn's disease, café-au-lait", []string{"crohn's", "disease", "cafe", "au", "lait"}},
		{"1. Stage 3 pressure ulcer", []string{"stage", "3", "pressure", "ulcer"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tm := range p.Terms(tc.text) {
			n := tm.Norm
			if tm.Expanded {
				n = "+" + n
			}
			got = append(got, n)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Terms(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestExpandedTermsPointAtAbbreviation(t *testing.T) {
	p := testPipeline(t)
	text := "Hx of CHF."
	for _, tm := range p.Terms(text) {
		if tm.Expanded && text[tm.Start:tm.End] != "CHF" && text[tm.Start:tm.End] != "Hx" {
			t.Errorf("expanded term %q points at %q", tm.Norm, text[tm.Start:tm.End])
		}
	}
}

// checkDocument verifies the offset contract and Terms/Analyze agreement.
func checkDocument(t testing.TB, p *Pipeline, text string) {
	t.Helper()
	d := p.Analyze(text)
	if d.Text != text {
		t.Fatalf("Text not kept")
	}
	inBounds := func(what string, s, e int) {
		if s < 0 || s > e || e > len(text) {
			t.Fatalf("%s [%d,%d) out of bounds (len %d)", what, s, e, len(text))
		}
	}
	for i, tk := range d.Tokens {
		inBounds("token", tk.Start, tk.End)
		if tk.Start == tk.End {
			t.Fatalf("empty token %d", i)
		}
		if i > 0 && tk.Start < d.Tokens[i-1].End {
			t.Fatalf("tokens overlap at %d", i)
		}
		if tk.Sent < 0 || tk.Sent >= len(d.Sentences) {
			t.Fatalf("token %d sentence %d of %d", i, tk.Sent, len(d.Sentences))
		}
		if s := d.Sentences[tk.Sent]; tk.Start < s.Start || tk.End > s.End {
			t.Fatalf("token %d outside its sentence", i)
		}
		if tk.Section < -1 || tk.Section >= len(d.Sections) {
			t.Fatalf("token %d section %d", i, tk.Section)
		}
		if tk.Section >= 0 && d.SectionOf(tk.Start) != d.Sections[tk.Section].Kind {
			t.Fatalf("SectionOf disagrees with Token.Section at %d", i)
		}
	}
	for _, s := range d.Sentences {
		inBounds("sentence", s.Start, s.End)
	}
	for _, s := range d.Sections {
		inBounds("section", s.Span.Start, s.Span.End)
		inBounds("header", s.Header.Start, s.Header.End)
	}
	for _, a := range d.Assertions {
		inBounds("trigger", a.Trigger.Start, a.Trigger.End)
		inBounds("scope", a.Scope.Start, a.Scope.End)
	}
	for _, a := range d.Abbreviations {
		inBounds("abbreviation", a.Span.Start, a.Span.End)
	}
	for _, a := range d.Attributes {
		inBounds("attribute", a.Span.Start, a.Span.End)
	}
	for _, tm := range d.Terms {
		tk := d.Tokens[tm.Tok]
		// A compound's term starts at its prefix, the token before
		// ("pre-eclampsia").
		compound := tm.Tok > 0 && tm.Start == d.Tokens[tm.Tok-1].Start && tm.End == tk.End
		if !compound && (tm.Start != tk.Start || tm.End != tk.End && !(tm.Expanded && endsToken(d.Tokens[tm.Tok+1:], tm.End))) {
			t.Fatalf("term %q does not point at its token (or, expanded from a phrase, at tokens from it)", tm.Norm)
		}
		if compound && tm.Norm != d.Tokens[tm.Tok-1].Norm+tk.Norm {
			t.Fatalf("compound term %q is not its tokens joined", tm.Norm)
		}
		if !tm.Expanded && !compound && (tm.Norm != tk.Norm || tm.Stem != tk.Stem || tk.Stop) {
			t.Fatalf("surface term %q disagrees with its token", tm.Norm)
		}
	}
	terms := p.Terms(text)
	if len(terms) != len(d.Terms) {
		t.Fatalf("Terms gave %d terms, Analyze %d", len(terms), len(d.Terms))
	}
	for i, tm := range d.Terms {
		tm.Sent, tm.Section, tm.Assert = 0, 0, 0
		if terms[i] != tm {
			t.Fatalf("term %d: Terms %+v, Analyze %+v", i, terms[i], tm)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	p := testPipeline(t)
	want := p.Analyze(benchNote)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for range 20 {
				d := p.Analyze(benchNote)
				if len(d.Terms) != len(want.Terms) || len(d.Assertions) != len(want.Assertions) {
					t.Error("concurrent analysis differs")
					return
				}
				p.Terms(benchName)
			}
		})
	}
	wg.Wait()
}

func TestVocabCacheBounded(t *testing.T) {
	p, _ := New(Options{})
	p.vocab.shardCap = 4
	var b strings.Builder
	for i := range 2000 {
		b.WriteString("zq")
		b.WriteByte(byte('a' + i%26))
		b.WriteByte(byte('a' + i/26%26))
		b.WriteByte(byte('a' + i/676))
		b.WriteByte(' ')
	}
	first := p.Terms(b.String())
	second := p.Terms(b.String())
	if !slices.Equal(first, second) {
		t.Error("analysis changed after cache eviction")
	}
	checkFixedWords(t, p.vocab)
	for i := range p.vocab.shards {
		n := 0
		if tb := p.vocab.shards[i].table.Load(); tb != nil {
			for j := range tb.slots {
				if w := tb.slots[j].w.Load(); w != nil {
					if _, fixed := p.vocab.fixed[w.norm]; !fixed {
						n++
					}
				}
			}
		}
		if n > 4 {
			t.Fatalf("shard %d holds %d > 4 words", i, n)
		}
	}
}

// endsToken reports whether one of toks ends at end.
func endsToken(toks []Token, end int) bool {
	for _, tk := range toks {
		if tk.End == end {
			return true
		}
	}
	return false
}

// TestAnalyzeInto: one Document reused over notes of different sizes
// gives exactly what a fresh Analyze gives.
func TestAnalyzeInto(t *testing.T) {
	p := testPipeline(t)
	paths, err := filepath.Glob("testdata/notes/*.txt")
	if err != nil || len(paths) < 2 {
		t.Fatalf("notes: %v", err)
	}
	var reused Document
	for _, round := range []int{0, 1} {
		for _, path := range paths {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if round == 1 {
				text = text[:len(text)/3] // shorter than what the storage held
			}
			want := p.Analyze(text)
			got := p.AnalyzeInto(&reused, text)
			if got != &reused || !reflect.DeepEqual(got, want) {
				t.Fatalf("%s round %d: AnalyzeInto differs from Analyze", path, round)
			}
		}
	}
}

// TestTermsRemembered: a short text's terms come from the memo from the
// second call on, equal to a fresh analysis, shared, and with no room an
// append could write into; a long text is analysed each time.
func TestTermsRemembered(t *testing.T) {
	p := testPipeline(t)
	for _, text := range []string{
		"Type 2 diabetes mellitus without complications",
		"HTN, CAD s/p CABG",
		strings.Repeat("chronic kidney disease stage 3 ", 10), // longer than termsMemoLen
	} {
		want := p.terms1(text)
		first := p.Terms(text)
		if cap(first) != len(first) && len(text) <= termsMemoLen {
			t.Errorf("Terms(%q): capacity %d, length %d", text, cap(first), len(first))
		}
		_ = append(first, Term{Stem: "appended by a caller"})
		for range 100 { // enough lookups to publish the entry
			if got := p.Terms(text); !slices.Equal(got, want) {
				t.Fatalf("Terms(%q) = %+v, want %+v", text, got, want)
			}
		}
		_, remembered := p.terms.Get(text)
		if remembered != (len(text) <= termsMemoLen) {
			t.Errorf("Terms(%q) remembered: %v", text, remembered)
		}
	}
}
