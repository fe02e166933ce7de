package suggest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// engine is the untrained engine over the real code sets, opened once per
// test binary and shared with the internal tests (export_test.go).
func engine(tb testing.TB) *suggest.Engine {
	tb.Helper()
	return suggest.SharedEngine(tb)
}

// withModel is the test engine's code sets and index with model m: a new
// engine sharing the test engine's model-independent tables (Options.Base);
// the rest still takes seconds to build under -race. The tests that
// build one (or put a 100 KB note through the engine) call t.Parallel, so
// the package's slow tests share the machine's cores; running beside each
// other on the shared engine's code set and index, they also let the race
// detector see New and Suggest read them concurrently.
func withModel(tb testing.TB, m *suggest.Model) *suggest.Engine {
	tb.Helper()
	base := engine(tb)
	eng, err := suggest.New(base.Set(), base.Index(), suggest.Options{Model: m, Base: base})
	if err != nil {
		tb.Fatal(err)
	}
	return eng
}

func notes(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("testdata/notes/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notes: %v", err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return out
}

// TestGolden pins the JSON a coder or plugin reads for each sample note.
// Refresh with UPDATE_GOLDEN=1 and review the diff.
func TestGolden(t *testing.T) {
	eng := engine(t)
	for name, text := range notes(t) {
		t.Run(name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: text, MaxResults: 15})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if os.Getenv("UPDATE_GOLDEN") != "" {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with UPDATE_GOLDEN=1)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from golden file; rerun with UPDATE_GOLDEN=1 and review the diff", path)
			}
		})
	}
}

// TestInvariants checks on every note: evidence is the note's bytes, the
// order is total, confidences are in [0,1], repeated runs agree, and every
// suggested code is billable in the code set.
func TestInvariants(t *testing.T) {
	eng := engine(t)
	for name, text := range notes(t) {
		req := suggest.Request{Text: text, Setting: suggest.Inpatient}
		a, err := eng.Suggest(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := eng.Suggest(context.Background(), req)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: repeated runs differ", name)
		}
		if len(a.Suggestions) == 0 {
			t.Errorf("%s: no suggestions", name)
		}
		for i, s := range a.Suggestions {
			if s.Confidence < 0 || s.Confidence > 1 {
				t.Errorf("%s: %s confidence %v", name, s.Code, s.Confidence)
			}
			if i > 0 {
				p := a.Suggestions[i-1]
				// Equal confidences are ordered by the ranker's log-odds, which
				// the result does not carry.
				if p.Confidence < s.Confidence {
					t.Errorf("%s: order broken at %d", name, i)
				}
			}
			c, ok := eng.Set().Lookup(corpus.System(s.System), s.Code)
			if !ok {
				t.Errorf("%s: %s is not in the code set", name, s.Code)
			} else if !c.Billable && !hasEdit(s, "specificity") {
				t.Errorf("%s: %s is not billable and has no specificity edit", name, s.Code)
			}
			if len(s.Evidence) == 0 {
				t.Errorf("%s: %s has no evidence", name, s.Code)
			}
			for _, e := range s.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
					t.Errorf("%s: %s evidence [%d,%d) %q is not the note's text", name, s.Code, e.Start, e.End, e.Text)
				}
			}
		}
		for _, r := range a.Rejected {
			for _, e := range r.Evidence {
				if text[e.Start:e.End] != e.Text {
					t.Errorf("%s: rejected %s evidence is not the note's text", name, r.Code)
				}
			}
		}
	}
}

func hasEdit(s suggest.Suggestion, kind string) bool {
	for _, e := range s.Edits {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

func find(res *suggest.Result, code string) *suggest.Suggestion {
	for i := range res.Suggestions {
		if res.Suggestions[i].Code == code {
			return &res.Suggestions[i]
		}
	}
	return nil
}

func rejected(res *suggest.Result, code, rule string) bool {
	for _, r := range res.Rejected {
		if r.Code == code && r.Rule == rule {
			return true
		}
	}
	return false
}

func TestRules(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		name     string
		text     string
		setting  suggest.Setting
		want     []string // suggested
		not      []string // not suggested
		rejected [][2]string
	}{
		{name: "affirmed", text: "Assessment: essential hypertension.", want: []string{"I10"}},
		{name: "negated", text: "Patient denies chest pain.", not: []string{"R07.9"}, rejected: [][2]string{{"R07.9", "negated"}}},
		{name: "uncertain outpatient", text: "Possible pneumonia.", not: []string{"J18.9"}, rejected: [][2]string{{"J18.9", "uncertain_outpatient"}}},
		{name: "uncertain inpatient", text: "Possible pneumonia.", setting: suggest.Inpatient, want: []string{"J18.9"}},
		{name: "procedure in a doubtful sentence", text: "Possible pneumonia on chest x-ray, two views.", want: []string{"71046"}, not: []string{"J18.9"}},
		{name: "family history code", text: "Family history: mother with breast cancer.", want: []string{"Z80.3"}, not: []string{"C50.919"}, rejected: [][2]string{{"C50.919", "family"}}},
		{name: "personal history code", text: "History of breast cancer.", want: []string{"Z85.3"}},
		{name: "hypothetical", text: "Return if chest pain develops.", not: []string{"R07.9"}},
		{name: "abbreviation", text: "h/o HTN and T2DM", want: []string{"I10", "E11.9"}},
		{name: "complication contradicts without", text: "Type 2 diabetes mellitus with diabetic polyneuropathy.", want: []string{"E11.42"}, not: []string{"E11.9"}, rejected: [][2]string{{"E11.9", "contradicted"}}},
		{name: "seventh character", text: "Displaced fracture of lateral malleolus of right fibula.", want: []string{"S82.61XA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, Setting: tt.setting})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tt.want {
				if find(res, c) == nil {
					t.Errorf("%s not suggested; got %v", c, codes(res))
				}
			}
			for _, c := range tt.not {
				if find(res, c) != nil {
					t.Errorf("%s suggested, want it left out", c)
				}
			}
			for _, r := range tt.rejected {
				if !rejected(res, r[0], r[1]) {
					t.Errorf("%s not rejected by %s; rejected %+v", r[0], r[1], res.Rejected)
				}
			}
		})
	}
}

func codes(res *suggest.Result) []string {
	var out []string
	for _, s := range res.Suggestions {
		out = append(out, s.Code)
	}
	return out
}

// TestHistoryEdit: a past condition keeps its own code only with an edit
// naming the personal-history code suggested beside it.
func TestHistoryEdit(t *testing.T) {
	res, err := engine(t).Suggest(context.Background(), suggest.Request{Text: "History of breast cancer."})
	if err != nil {
		t.Fatal(err)
	}
	s := find(res, "C50.919")
	if s == nil || !hasEdit(*s, "history") {
		t.Fatalf("C50.919 should carry a history edit: %+v", s)
	}
	for _, e := range s.Edits {
		if e.Kind == "history" && !strings.Contains(e.Message, "Z85.3") {
			t.Errorf("history edit %q does not name Z85.3", e.Message)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	eng := engine(t)
	tests := []struct {
		name string
		req  suggest.Request
		want error
	}{
		{"empty", suggest.Request{Text: "  \n "}, suggest.ErrEmptyNote},
		{"binary", suggest.Request{Text: "\x00\x01\x02abc"}, suggest.ErrBinaryNote},
		{"invalid utf8", suggest.Request{Text: "abc \xff\xfe"}, suggest.ErrBinaryNote},
		{"too large", suggest.Request{Text: strings.Repeat("a", suggest.MaxNoteBytes+1)}, suggest.ErrNoteTooLarge},
		{"setting", suggest.Request{Text: "fever", Setting: "home"}, suggest.ErrBadSetting},
	}
	for _, tt := range tests {
		if _, err := eng.Suggest(context.Background(), tt.req); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	// 100 KB is accepted.
	big := strings.Repeat("Essential hypertension. ", suggest.MaxNoteBytes/24)
	if _, err := eng.Suggest(context.Background(), suggest.Request{Text: big}); err != nil {
		t.Errorf("100 KB note: %v", err)
	}
}

// TestModelContext: a model's category codes join the candidates on another
// code's evidence, and its co-occurrences reach the features.
func TestModelContext(t *testing.T) {
	t.Parallel()
	base := engine(t)
	names := suggest.FeatureNames()
	idx := func(name string) int {
		for i, n := range names {
			if n == name {
				return i
			}
		}
		t.Fatalf("no feature %q", name)
		return -1
	}
	m := &suggest.Model{
		CategoryTop: map[string][]string{"R07": {"R07.2"}},
		Cooc:        []suggest.CodePair{{A: "E11.9", B: "I10", Lift: 1.5}},
	}
	eng := withModel(t, m)
	res, err := eng.Suggest(context.Background(), suggest.Request{
		Text: "Chest pain. Essential hypertension. Type 2 diabetes mellitus.", Features: true, MaxResults: 100})
	if err != nil {
		t.Fatal(err)
	}
	sib := find(res, "R07.2")
	if sib == nil || sib.Features[idx("sibling")] != 1 {
		t.Errorf("R07.2 should be a sibling candidate: %+v", sib)
	}
	dm := find(res, "E11.9")
	if dm == nil || dm.Features[idx("cooc")] != 1.5 {
		t.Errorf("E11.9 should see its co-occurrence with I10: %+v", dm)
	}
	// A model trained on other features is refused.
	if _, err := suggest.New(base.Set(), base.Index(), suggest.Options{Model: &suggest.Model{Features: []string{"x"}, Weights: []float64{1}}}); err == nil {
		t.Error("a model with other features should be refused")
	}
}

// TestConcurrentAgree: engines pool per-call scratch; calls on different
// notes at once must give exactly what one call at a time gives, with
// feature vectors that stay put after later calls.
func TestConcurrentAgree(t *testing.T) {
	eng := engine(t)
	ns := notes(t)
	want := map[string][]byte{}
	for name, text := range ns {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: text, Features: true})
		if err != nil {
			t.Fatal(err)
		}
		want[name], _ = json.Marshal(res)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(ns))
	for range 8 {
		for name, text := range ns {
			wg.Go(func() {
				res, err := eng.Suggest(context.Background(), suggest.Request{Text: text, Features: true})
				if err != nil {
					errs <- err.Error()
					return
				}
				got, _ := json.Marshal(res)
				for range 3 { // later calls must not reach into this result
					if _, err := eng.Suggest(context.Background(), suggest.Request{Text: text + " chest pain"}); err != nil {
						errs <- err.Error()
					}
				}
				if again, _ := json.Marshal(res); !bytes.Equal(got, again) || !bytes.Equal(got, want[name]) {
					errs <- name + ": concurrent result differs"
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestLongNotesAgree: long notes reuse scratch of their own (grown by
// the longest note coded before); a long note coded again, after a longer
// one and a short one, gives exactly its first result.
func TestLongNotesAgree(t *testing.T) {
	t.Parallel()
	eng := engine(t)
	ns := notes(t)
	names := slices.Sorted(maps.Keys(ns))
	joined := func(size int) string {
		var sb strings.Builder
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(ns[names[i%len(names)]])
			sb.WriteString("\n")
		}
		return sb.String()
	}
	code := func(text string) []byte {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: text, Features: true})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res)
		return b
	}
	short, mid, long := ns[names[0]], joined(17<<10), joined(26<<10)
	want := map[string][]byte{"short": code(short), "17 KB": code(mid), "26 KB": code(long)}
	for _, step := range []struct{ name, text string }{
		{"17 KB", mid}, {"short", short}, {"26 KB", long}, {"17 KB", mid}, {"short", short},
	} {
		if got := code(step.text); !bytes.Equal(got, want[step.name]) {
			t.Errorf("%s note coded again: result differs", step.name)
		}
	}
}

// TestNoPriorOnlyCodes: a code in a large share of training notes is not
// suggested when no words of the note document it; priors only rank what
// the note says.
func TestNoPriorOnlyCodes(t *testing.T) {
	t.Parallel()
	m := &suggest.Model{Priors: map[string]float64{
		"ICD-10-CM|R69":   -1.4, // about 20% of notes
		"ICD-10-CM|R69*":  -1.4,
		"ICD-10-CM|I10":   -1.7, // named by the note
		"ICD-10-CM|R50.9": -1.5,
		"default":         -7,
	}}
	eng := withModel(t, m)
	for _, tt := range []struct {
		text string
		code string
		want bool
	}{
		{"HISTORY OF PRESENT ILLNESS:\nEssential hypertension.", "I10", true},
		{"HISTORY OF PRESENT ILLNESS:\nEssential hypertension.", "R69", false},
		{"Essential hypertension.", "R50.9", false},
		{"Possible fever. Essential hypertension.", "R50.9", false},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 100})
		if err != nil {
			t.Fatal(err)
		}
		if s := find(res, tt.code); (s != nil) != tt.want {
			t.Errorf("%q: %s suggested = %v, want %v", tt.text, tt.code, s != nil, tt.want)
		}
	}
}

// TestReleaseAgree: a released result's arrays are rendered into by later
// notes (Engine.Release); every note coded that way, one after another
// and from several goroutines at once, gives exactly the result it gets
// from arrays of its own, and a released result is emptied.
func TestReleaseAgree(t *testing.T) {
	t.Parallel()
	eng := engine(t)
	ns := notes(t)
	names := slices.Sorted(maps.Keys(ns))
	var long strings.Builder
	for i := 0; long.Len() < 20<<10; i++ {
		long.WriteString(ns[names[i%len(names)]] + "\n")
	}
	type step struct {
		name string
		req  suggest.Request
	}
	var steps []step
	for _, n := range names {
		steps = append(steps, step{n, suggest.Request{Text: ns[n]}}, step{n + " top 3", suggest.Request{Text: ns[n], MaxResults: 3}})
	}
	steps = append(steps, step{"long top 500", suggest.Request{Text: long.String(), MaxResults: 500}},
		step{"long inpatient", suggest.Request{Text: long.String(), Setting: suggest.Inpatient}})
	want := map[string][]byte{}
	for _, s := range steps {
		res, err := eng.Suggest(context.Background(), s.req)
		if err != nil {
			t.Fatal(err)
		}
		want[s.name], _ = json.Marshal(res) // never released: arrays of its own
	}
	code := func(s step) string {
		res, err := eng.Suggest(context.Background(), s.req)
		if err != nil {
			return err.Error()
		}
		got, _ := json.Marshal(res)
		eng.Release(res)
		if !bytes.Equal(got, want[s.name]) {
			return s.name + ": result rendered into released arrays differs"
		}
		if res.Suggestions != nil || res.Rejected != nil {
			return s.name + ": released result not emptied"
		}
		eng.Release(res) // twice: nothing
		return ""
	}
	for round := range 3 {
		for i := range steps {
			if msg := code(steps[(i*7+round)%len(steps)]); msg != "" {
				t.Error(msg)
			}
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(steps))
	for g := range 4 {
		wg.Go(func() {
			for i := range steps {
				if msg := code(steps[(i+g*5)%len(steps)]); msg != "" {
					errs <- msg
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	eng.Release(nil)
	eng.Release(&suggest.Result{}) // not the engine's: nothing
}
