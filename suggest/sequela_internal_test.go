package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/nlp"
)

// TestDueToOther: a deficit the sentence attributes to something other
// than the old condition is no sequela of it; one attributed to the old
// condition, or to nothing, may be.
func TestDueToOther(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sug := func(note, said string) Suggestion {
		at := strings.Index(note, said)
		return Suggestion{System: string(corpus.ICD10CM), Evidence: []Evidence{{Start: at, End: at + len(said), Text: said}}}
	}
	for _, tc := range []struct {
		note, deficit, cause string
		want                 bool
	}{
		{"Prior CVA, now presenting with dysphagia due to esophageal stricture.", "dysphagia", "CVA", true},
		{"History of stroke; left hemiparesis from cervical myelopathy.", "hemiparesis", "stroke", true},
		{"Old stroke with left hemiparesis from cervical myelopathy.", "hemiparesis", "stroke", true},
		{"Dysphagia secondary to remote cerebral infarction.", "Dysphagia", "cerebral infarction", false},
		{"Dysphagia as a residual of old cerebral infarction.", "Dysphagia", "cerebral infarction", false},
	} {
		doc := pipe.Analyze(tc.note)
		if got := dueToOther(doc, sug(tc.note, tc.deficit), sug(tc.note, tc.cause)); got != tc.want {
			t.Errorf("%q: dueToOther = %v, want %v", tc.note, got, tc.want)
		}
	}
}
