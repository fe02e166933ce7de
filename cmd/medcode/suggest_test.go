package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const noteFile = "testdata/note.txt"

// suggestJSON is the --json shape the CLI promises.
type suggestJSON struct {
	Suggestions []struct {
		System     string   `json:"system"`
		Code       string   `json:"code"`
		Display    string   `json:"display"`
		Confidence *float64 `json:"confidence"`
		Evidence   []struct {
			Start *int    `json:"start"`
			End   *int    `json:"end"`
			Text  *string `json:"text"`
		} `json:"evidence"`
	} `json:"suggestions"`
	Rejected []struct {
		Code string `json:"code"`
		Rule string `json:"rule"`
	} `json:"rejected"`
	CodeSets map[string]struct {
		Release string `json:"release"`
	} `json:"codeSets"`
}

func runSuggest(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(t.Context(), append(append(engineArgs(t), "suggest"), args...), &out)
	return out.String(), err
}

func decodeSuggest(t *testing.T, out string) suggestJSON {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	for _, k := range []string{"suggestions", "rejected", "codeSets"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, out)
		}
	}
	var r suggestJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func codesOf(r suggestJSON) []string {
	var out []string
	for _, s := range r.Suggestions {
		out = append(out, s.Code)
	}
	return out
}

func TestSuggestJSON(t *testing.T) {
	t.Parallel()
	note, err := os.ReadFile(noteFile)
	if err != nil {
		t.Fatal(err)
	}
	all := func() suggestJSON {
		out, err := runSuggest(t, "--json", noteFile)
		if err != nil {
			t.Fatal(err)
		}
		return decodeSuggest(t, out)
	}()

	t.Run("shape", func(t *testing.T) {
		r := all
		for _, want := range []string{"I10", "E11.9"} {
			if !slices.Contains(codesOf(r), want) {
				t.Errorf("suggestions %v lack %s", codesOf(r), want)
			}
		}
		systems := map[string]bool{}
		for i, s := range r.Suggestions {
			systems[s.System] = true
			if s.System == "" || s.Code == "" || s.Display == "" || s.Confidence == nil || *s.Confidence < 0 || *s.Confidence > 1 || len(s.Evidence) == 0 {
				t.Errorf("suggestion %d incomplete: %+v", i, s)
				continue
			}
			if i > 0 && *r.Suggestions[i-1].Confidence < *s.Confidence {
				t.Errorf("suggestion %d (%s %.3f) ranks below %s %.3f", i, s.Code, *s.Confidence, r.Suggestions[i-1].Code, *r.Suggestions[i-1].Confidence)
			}
			for _, e := range s.Evidence {
				if e.Start == nil || e.End == nil || e.Text == nil {
					t.Errorf("%s: evidence lacks start/end/text: %+v", s.Code, e)
					continue
				}
				if *e.Start < 0 || *e.Start >= *e.End || *e.End > len(note) || string(note[*e.Start:*e.End]) != *e.Text {
					t.Errorf("%s: evidence [%d:%d] %q is not the note's text there", s.Code, *e.Start, *e.End, *e.Text)
				}
			}
		}
		if !systems["CPT"] {
			t.Errorf("no CPT suggestion for a note with an ECG and an office visit: %v", codesOf(r))
		}
		if _, ok := r.CodeSets["ICD-10-CM"]; !ok || r.CodeSets["ICD-10-CM"].Release != "FY2026" {
			t.Errorf("codeSets = %+v", r.CodeSets)
		}
	})

	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, r suggestJSON)
	}{
		{"systems", []string{"--systems", "icd10cm"}, func(t *testing.T, r suggestJSON) {
			var want []string
			for _, s := range all.Suggestions {
				if s.System == "ICD-10-CM" {
					want = append(want, s.Code)
				}
			}
			if len(r.Suggestions) == 0 {
				t.Fatal("no suggestions")
			}
			for _, s := range r.Suggestions {
				if s.System != "ICD-10-CM" {
					t.Errorf("--systems icd10cm gave %s %s", s.System, s.Code)
				}
			}
			if got := codesOf(r); !slices.Equal(got, want) {
				t.Errorf("--systems icd10cm = %v, want the ICD-10-CM suggestions of the unfiltered run %v", got, want)
			}
		}},
		{"top", []string{"--top", "2"}, func(t *testing.T, r suggestJSON) {
			if got, want := codesOf(r), codesOf(all)[:2]; !slices.Equal(got, want) {
				t.Errorf("--top 2 = %v, want %v", got, want)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := runSuggest(t, append([]string{"--json", noteFile}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, decodeSuggest(t, out))
		})
	}

	t.Run("table", func(t *testing.T) {
		t.Parallel()
		out, err := runSuggest(t, noteFile)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(out, "\n")
		if got := strings.Fields(lines[0]); !slices.Equal(got, []string{"CODE", "SYSTEM", "CONF", "DISPLAY", "EVIDENCE", "EDITS"}) {
			t.Errorf("header = %q", lines[0])
		}
		// Columns are aligned: SYSTEM starts at the same byte on every row.
		col := strings.Index(lines[0], "SYSTEM")
		for i, s := range all.Suggestions {
			row := lines[1+i]
			if !strings.HasPrefix(row, s.Code+" ") || !strings.HasPrefix(row[col:], s.System) {
				t.Errorf("row %d = %q, want %s then %s at column %d", i+1, row, s.Code, s.System, col)
			}
		}
	})
}

func TestSuggestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	blank := write("blank.txt", []byte(" \n\t\n"))
	binary := write("binary.txt", []byte("hypertension\x00\x01\x02\x00 diabetes"))
	huge := write("huge.txt", bytes.Repeat([]byte("hypertension "), 9000))
	tests := []struct {
		name string
		args []string
		want error // nil: any exit-2 error
	}{
		{"empty", []string{empty}, nil},
		{"blank", []string{blank}, nil},
		{"binary", []string{binary}, nil},
		{"too large", []string{huge}, nil},
		{"unreadable", []string{filepath.Join(dir, "missing.txt")}, fs.ErrNotExist},
		{"unreadable dir", []string{dir}, nil},
		{"unknown system", []string{"--systems", "snomed", noteFile}, nil},
		{"unknown system in list", []string{"--systems", "icd10cm,nosuch", noteFile}, nil},
		{"bad setting", []string{"--setting", "icu", noteFile}, nil},
		{"two files", []string{noteFile, noteFile}, nil},
		{"bad flag", []string{"--top", "many", noteFile}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := runSuggest(t, tt.args...)
			if exitCode(err) != 2 {
				t.Errorf("err = %v (exit status %d), want exit status 2", err, exitCode(err))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if out != "" {
				t.Errorf("wrote %q on bad input", out)
			}
		})
	}
}

// TestIndexBuild checks the snapshot engineDir's `index build` wrote and
// that suggest reads the snapshot named by --index rather than rebuilding.
func TestIndexBuild(t *testing.T) {
	t.Parallel()
	data := engineDir(t)
	snap := filepath.Join(data, "index.snap")
	if fi, err := os.Stat(snap); err != nil || fi.Size() == 0 {
		t.Fatalf("snapshot: %v", err)
	}
	if out := fix.indexOut; !strings.HasPrefix(out, "index: ") || !strings.Contains(out, "-> "+snap) {
		t.Errorf("index build printed %q", out)
	}
	bad := filepath.Join(t.TempDir(), "bad.snap")
	if err := os.WriteFile(bad, []byte("not an index"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ix := range []string{filepath.Join(t.TempDir(), "missing.snap"), bad} {
		var out bytes.Buffer
		err := run(t.Context(), []string{"--data", data, "--index", ix, "--model", "none", "suggest", noteFile}, &out)
		if err == nil {
			t.Errorf("--index %s: no error, so suggest did not read the snapshot", ix)
		}
	}
	// Without --index, suggest uses <data>/index.snap.
	var out bytes.Buffer
	if err := run(t.Context(), []string{"--data", data, "--model", "none", "suggest", "--json", noteFile}, &out); err != nil {
		t.Fatal(err)
	}
	if r := decodeSuggest(t, out.String()); !slices.Contains(codesOf(r), "I10") {
		t.Errorf("suggestions %v lack I10", codesOf(r))
	}
}

func TestTrainEval(t *testing.T) {
	t.Parallel()
	model := trainedModel(t)
	var m map[string]json.RawMessage
	b, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil || len(m) == 0 {
		t.Fatalf("model %s: %v", model, err)
	}

	data := engineDir(t)
	var out bytes.Buffer
	if err := run(t.Context(), []string{"--data", data, "--model", model, "eval", "--cases", casesFile, "--json", "--bootstrap", "-1"}, &out); err != nil {
		t.Fatal(err)
	}
	var r map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	for _, k := range []string{"map", "micro", "ece"} {
		if _, ok := r[k]; !ok {
			t.Errorf("eval --json lacks %q", k)
		}
	}
	var rep struct {
		Cases int     `json:"cases"`
		Gold  int     `json:"gold"`
		MAP   float64 `json:"map"`
		Micro struct {
			Recall float64 `json:"recall"`
		} `json:"micro"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	// Six cases, seven gold codes, all of them named in the notes' words.
	if rep.Cases != 6 || rep.Gold != 7 || rep.MAP <= 0.5 || rep.Micro.Recall <= 0 {
		t.Errorf("eval report %+v", rep)
	}

	for _, args := range [][]string{
		{"train"},
		{"train", "--cases", casesFile},
		{"train", "--cases", casesFile, "--out", filepath.Join(t.TempDir(), "m.json"), "--systems", "snomed"},
	} {
		if err := run(t.Context(), append([]string{"--data", data}, args...), &out); exitCode(err) != 2 {
			t.Errorf("%v: err = %v, want exit status 2", args, err)
		}
	}
}
