package suggest

import (
	"slices"
	"testing"
)

// TestSymptomLists holds fillLists' table (symptomListsOf) to the lists
// worked out by string, for every code of the set and every id past it.
func TestSymptomLists(t *testing.T) {
	e := SharedEngine(t)
	ids := codeIDsAndPast(e.set)
	some := 0
	for _, id := range ids {
		b := e.set.Brief(id)
		for _, flags := range [...][2]bool{{true, false}, {false, true}, {true, true}, {false, false}} {
			fast := support{id: id, reason: flags[0], symptom: flags[1]}
			slow := support{reason: flags[0], symptom: flags[1]}
			e.fillLists(&fast, &b)
			e.fillLists(&slow, &b)
			if !slices.Equal(fast.explainers, slow.explainers) || !slices.Equal(fast.integral, slow.integral) ||
				fast.explainFirst != slow.explainFirst || fast.integralFirst != slow.integralFirst {
				t.Fatalf("%s (id %d) reason %v symptom %v: table %q %q %x %x, by string %q %q %x %x", b.Code, id, flags[0], flags[1],
					fast.explainers, fast.integral, fast.explainFirst, fast.integralFirst,
					slow.explainers, slow.integral, slow.explainFirst, slow.integralFirst)
			}
			if len(fast.explainers)+len(fast.integral) > 0 {
				some++
			}
		}
	}
	t.Logf("%d codes, %d with lists", len(ids), len(e.rank.lists.lists))
	if some == 0 {
		t.Fatal("no code has lists: the test compares nothing")
	}
	if k := e.rank.lists.at; len(k) > 0 && slices.Contains(k, listsUnknown) {
		t.Fatal("the table ran out of numbers: codes' lists are read by string")
	}
}
