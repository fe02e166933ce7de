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
