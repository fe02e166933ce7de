package suggest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"medcode/nlp"
)

// TestCueIndexIsFindCues checks that one cueIndex pass finds, per phrase
// list, what findCues finds: the status rules' phrases and the cue lists
// the rules read, over the sample notes and hand-written sentences.
func TestCueIndexIsFindCues(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lists := [][]phrase{stoppedCues, plannedCues, longTermCues, shortCues, currentCues, remissionCues, relapseCues,
		phrases("on insulin|insulin|long term insulin use|insulin pump"), phrases("colostomy|s/p colostomy|ostomy"),
		phrases("vaccin*|flu shot|influenza vaccin*"), phrases("a|a b|a b c")}
	texts := []string{
		"Patient on insulin, long term insulin use since 2010. Plan: start metformin; stopped warfarin.",
		"Flu shot given today; influenza vaccine declined last year. a b c a b a.",
		"Colostomy in place; s/p colostomy. No longer taking aspirin. In remission, relapsed twice.",
	}
	files, _ := filepath.Glob("testdata/notes/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	x := newCueIndex(lists)
	for _, text := range texts {
		doc := pipe.Analyze(text)
		got := x.find(doc)
		for i, ps := range lists {
			if want := findCues(doc, ps); !reflect.DeepEqual(got[i], want) {
				t.Errorf("%.30q list %d: cueIndex %v, findCues %v", text, i, got[i], want)
			}
		}
	}
}

// TestNearIsFindCuesIn checks near against its definition over the cues
// of the sentence: every token of the sample notes as c, several phrase
// lists and windows.
func TestNearIsFindCuesIn(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := func(doc *nlp.Document, c cue, ps []phrase, before, after int) bool {
		for _, o := range findCuesIn(doc, c.sent, ps) {
			if o.last < c.tok && c.tok-o.last <= before || o.tok > c.last && o.tok-c.last <= after {
				return true
			}
		}
		return false
	}
	texts := []string{"Patient is not on insulin; stopped taking metformin last week. Will start long term warfarin. a b c a b a c."}
	files, _ := filepath.Glob("testdata/notes/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	lists := [][]phrase{stoppedCues, plannedCues, currentCues, longTermCues, phrases("a|a b|a b c|c")}
	n := 0
	for _, text := range texts {
		doc := pipe.Analyze(text)
		for i, tk := range doc.Tokens {
			for _, span := range []int{0, 1, 2} {
				last := min(i+span, len(doc.Tokens)-1)
				c := cue{start: tk.Start, end: doc.Tokens[last].End, sent: tk.Sent, tok: i, last: last}
				for _, ps := range lists {
					for _, w := range [][2]int{{0, 0}, {3, 0}, {4, 3}, {0, 6}, {8, 0}, {3, 2}} {
						got, want := near(doc, c, ps, w[0], w[1]), ref(doc, c, ps, w[0], w[1])
						if got != want {
							t.Fatalf("%.20q token %d..%d window %v: near %v, want %v", text, i, last, w, got, want)
						}
						if want {
							n++
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no cue near any token: the test reads nothing")
	}
}
