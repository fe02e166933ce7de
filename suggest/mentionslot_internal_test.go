package suggest

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"medcode/corpus"
	"medcode/index"
	"medcode/internal/testenv"
	"medcode/nlp"
)

// TestMentionSlotsNeedNoZeroing holds searchSentence's mentions, built in
// arena slots pendHits does not zero, to those built in zeroed ones:
// collect over the CodiEsp dev notes gathers the same candidates and
// mentions when every spare slot of the mention arena holds garbage as
// when none does.
func TestMentionSlotsNeedNoZeroing(t *testing.T) {
	testenv.SkipUnderRace(t)
	t.Parallel()
	// The trained model, for its learned names' search; the tables its
	// engine need not build again come from the shared engine.
	base := SharedEngine(t)
	m, err := ReadModel(filepath.Join(testenv.DataDir(t), "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(base.Set(), base.Index(), Options{Model: m, Base: base})
	if err != nil {
		t.Fatal(err)
	}
	notes := firstDevNotes(t, 30)
	garbage := mention{
		hit:    index.Hit{Name: 7, Code: 7, Score: math.Pi, Positions: []int32{1, 2, 3}},
		weight: 9, name: "junk", sent: 5, start: 6, end: 7, section: 8, partNeg: 0.5,
		learned: true, kind: corpus.NameDrug, assert: ^nlp.Assertion(0), expanded: true, dominated: true,
	}
	mentions := 0
	for i, text := range notes {
		doc := e.pipe.Analyze(text)
		var got [2]map[string][]mention
		for dirty := range 2 {
			w := e.getWork(0)
			if dirty == 1 {
				w.mentions = append(w.mentions[:0], make([]mention, 1<<14)...)
				for j := range w.mentions {
					w.mentions[j] = garbage
				}
				w.mentions = w.mentions[:0]
			}
			got[dirty] = map[string][]mention{}
			for _, c := range e.collect(w, doc, Request{}) {
				ms := append([]mention(nil), c.mentions...)
				for j := range ms { // the work's position arena is reused
					ms[j].hit.Positions = append([]int32(nil), ms[j].hit.Positions...)
				}
				got[dirty][e.set.CodeString(c.tgt.anyCode())] = ms
				mentions += len(ms)
			}
			e.putWork(w)
		}
		if !reflect.DeepEqual(got[0], got[1]) {
			t.Fatalf("note %d: mentions differ when the arena's slots hold garbage", i)
		}
	}
	if mentions == 0 {
		t.Fatal("no mention gathered: the test cannot fail")
	}
}
