package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"medcode/suggest"
)

// echoEngine answers each note with one suggestion whose code is the
// note's text, after a delay that makes later lines finish first; a note
// reading "panic-free failure" fails as the engine would on a bad note.
type echoEngine struct{ calls atomic.Int32 }

func (e *echoEngine) Suggest(ctx context.Context, req suggest.Request) (*suggest.Result, error) {
	e.calls.Add(1)
	if err := suggest.CheckNote(req.Text); err != nil {
		return nil, err
	}
	if n := len(req.Text); n < 4 {
		time.Sleep(time.Duration(4-n) * time.Millisecond)
	}
	return &suggest.Result{Suggestions: []suggest.Suggestion{{Code: req.Text, System: string(req.Setting)}}}, nil
}

type batchLineOut struct {
	ID     string `json:"id"`
	Line   int    `json:"line"`
	Result *struct {
		Suggestions []struct {
			Code   string `json:"code"`
			System string `json:"system"`
		} `json:"suggestions"`
	} `json:"result"`
	Error *batchError `json:"error"`
}

func decodeBatch(t *testing.T, out string) []batchLineOut {
	t.Helper()
	var got []batchLineOut
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l batchLineOut
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		got = append(got, l)
	}
	return got
}

// summary renders output lines as "id@line=code" or "id@line!kind".
func summary(ls []batchLineOut) []string {
	var s []string
	for _, l := range ls {
		switch {
		case l.Error != nil:
			s = append(s, fmt.Sprintf("%s@%d!%s", l.ID, l.Line, l.Error.Kind))
		case l.Result != nil && len(l.Result.Suggestions) == 1:
			s = append(s, fmt.Sprintf("%s@%d=%s/%s", l.ID, l.Line, l.Result.Suggestions[0].Code, l.Result.Suggestions[0].System))
		default:
			s = append(s, fmt.Sprintf("%s@%d?", l.ID, l.Line))
		}
	}
	return s
}

const batchInput = `{"id":"a","text":"1"}
{"id":"b","text":"22","setting":"inpatient"}

not json
{"id":"c","text":"   "}
{"id":"d","text":"4444"}
{"id":"a","text":"again"}
{"text":"no id"}
{"id":"e","text":"bad date","dateOfService":"31/01/2026"}
{"id":"f","text":"sys","systems":["loinc"]}
{"id":"g","text":"333"}`

func TestBatchOrderedRecordsErrorsPerLine(t *testing.T) {
	var out bytes.Buffer
	st, err := batch(t.Context(), &echoEngine{}, strings.NewReader(batchInput), &out, batchOptions{
		Workers: 4, Ordered: true, Defaults: suggest.Request{Setting: suggest.Outpatient},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a@1=1/outpatient", "b@2=22/inpatient", "@4!bad_line", "c@5!bad_line", "d@6=4444/outpatient",
		"a@7!duplicate_id", "@8=no id/outpatient", "e@9!bad_note", "f@10!bad_note", "g@11=333/outpatient",
	}
	if got := summary(decodeBatch(t, out.String())); !reflect.DeepEqual(got, want) {
		t.Errorf("ordered output\n got %q\nwant %q", got, want)
	}
	if st.Coded != 5 || st.Failed != 5 || st.Skipped != 0 {
		t.Errorf("stats %+v, want 5 coded, 5 failed", st)
	}
}

func TestBatchUnorderedWritesEveryLineOnce(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, "{\"id\":\"n%d\",\"text\":\"%s\"}\n", i, strings.Repeat("x", 1+i%5))
	}
	var out bytes.Buffer
	if _, err := batch(t.Context(), &echoEngine{}, strings.NewReader(in.String()), &out, batchOptions{Workers: 3}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, l := range decodeBatch(t, out.String()) {
		if l.Error != nil || l.ID != fmt.Sprintf("n%d", l.Line-1) {
			t.Errorf("line %+v", l)
		}
		seen[l.ID]++
	}
	if len(seen) != 200 {
		t.Errorf("%d distinct ids written, want 200", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("id %s written %d times", id, n)
		}
	}
}

func TestBatchResumeSkipsDoneLinesAndDropsCutLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.ndjson")
	// An earlier run wrote a and the id-less line 8, then died mid-line.
	prev := `{"id":"a","line":1,"result":{"suggestions":[{"code":"1"}]}}` + "\n" +
		`{"line":8,"result":{"suggestions":[{"code":"no id"}]}}` + "\n" + `{"id":"b","li`
	if err := os.WriteFile(path, []byte(prev), 0o644); err != nil {
		t.Fatal(err)
	}
	fh, done, err := openBatchOutput(path)
	if err != nil {
		t.Fatal(err)
	}
	if !done.has("a", 1) || !done.has("", 8) || done.has("b", 2) || done.has("", 2) {
		t.Fatalf("done = %+v", done)
	}
	eng := &echoEngine{}
	st, err := batch(t.Context(), eng, strings.NewReader(batchInput), fh, batchOptions{Workers: 2, Ordered: true, Done: done})
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := summary(decodeBatch(t, string(b)))
	want := []string{
		"a@1=1/", "@8=no id/", // kept from the first run; the cut line is gone
		"b@2=22/inpatient", "@4!bad_line", "c@5!bad_line", "d@6=4444/",
		"e@9!bad_note", "f@10!bad_note", "g@11=333/", // line 7 repeats a: done
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("resumed file\n got %q\nwant %q", got, want)
	}
	if st.Skipped != 3 {
		t.Errorf("skipped %d, want 3", st.Skipped)
	}
	// A second resume has nothing left to do.
	fh, done, err = openBatchOutput(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	eng.calls.Store(0)
	st, err = batch(t.Context(), eng, strings.NewReader(batchInput), fh, batchOptions{Done: done})
	if err != nil || st.Coded+st.Failed != 0 || eng.calls.Load() != 0 {
		t.Errorf("second resume: %+v, %d engine calls, %v; want nothing done", st, eng.calls.Load(), err)
	}
}

func TestBatchOutputRejectsForeignFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("Patient seen today.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fh, _, err := openBatchOutput(path); err == nil {
		fh.Close()
		t.Fatal("openBatchOutput on a text file: want an error, not an append")
	}
}

func TestReadLineBoundsLongLines(t *testing.T) {
	in := "short\n" + strings.Repeat("y", 5000) + "\nlast"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	for _, want := range []struct {
		line    string
		tooLong bool
	}{{"short", false}, {"", true}, {"last", false}} {
		got, tooLong, err := readLine(br, 100)
		if string(got) != want.line || tooLong != want.tooLong || (err != nil && want.line != "last") {
			t.Errorf("readLine = %q, %v, %v; want %q, %v", got, tooLong, err, want.line, want.tooLong)
		}
	}
}

func TestCountLines(t *testing.T) {
	for in, want := range map[string]int{"": 0, "a": 1, "a\n": 1, "a\nb": 2, "a\n\nb\n": 3} {
		if got, err := countLines(strings.NewReader(in)); err != nil || got != want {
			t.Errorf("countLines(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// TestBatchCommandMatchesSuggest runs `medcode batch` on the real engine:
// each result is the one `medcode suggest --json` gives the same note.
func TestBatchCommandMatchesSuggest(t *testing.T) {
	note, err := os.ReadFile(noteFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.ndjson")
	line, _ := json.Marshal(map[string]string{"id": "n1", "text": string(note)})
	if err := os.WriteFile(in, append(append(line, '\n'), `{"id":"n2","text":""}`+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	outFile := filepath.Join(dir, "out.ndjson")
	var stdout bytes.Buffer
	if err := run(t.Context(), append(engineArgs(t), "batch", "--progress=false", "--out", outFile, in), &stdout); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d output lines, want 2:\n%s", len(lines), b)
	}
	var got struct {
		ID     string          `json:"id"`
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil || got.ID != "n1" {
		t.Fatalf("first line %q: %v", lines[0], err)
	}
	want, err := runSuggest(t, "--json", noteFile)
	if err != nil {
		t.Fatal(err)
	}
	var a, w any
	if err := json.Unmarshal(got.Result, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, w) {
		t.Errorf("batch result differs from suggest --json\nbatch:   %.300s\nsuggest: %.300s", got.Result, want)
	}
	if !strings.Contains(lines[1], `"id":"n2"`) || !strings.Contains(lines[1], `"kind":"bad_line"`) {
		t.Errorf("second line %q: want n2's error recorded", lines[1])
	}
}

func TestOpenBatchInputReadsGzip(t *testing.T) {
	dir := t.TempDir()
	text := "{\"id\":\"a\",\"text\":\"1\"}\n{\"id\":\"b\",\"text\":\"2\"}\n{\"id\":\"c\",\"text\":\"3\"}"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	for name, b := range map[string][]byte{"plain.ndjson": []byte(text), "notes.ndjson.gz": gz.Bytes()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r, total, closeFn, err := openBatchInput(nil, []string{path})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out bytes.Buffer
		st, err := batch(t.Context(), &echoEngine{}, r, &out, batchOptions{Ordered: true})
		closeFn()
		if err != nil || total != 3 || st.Coded != 3 {
			t.Errorf("%s: total %d, %+v, %v", name, total, st, err)
		}
		if got := summary(decodeBatch(t, out.String())); !reflect.DeepEqual(got, []string{"a@1=1/", "b@2=2/", "c@3=3/"}) {
			t.Errorf("%s: %q", name, got)
		}
	}
}

func TestBatchCommandRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--setting", "home"}, {"--systems", "loinc"}, {"/no/such/file.ndjson"}} {
		var out bytes.Buffer
		err := run(t.Context(), append([]string{"--data", t.TempDir(), "batch", "--progress=false"}, args...), &out)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%q: err = %v, want a usage error (exit 2)", args, err)
		}
	}
}
