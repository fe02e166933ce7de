package suggest

import (
	"reflect"
	"testing"

	"medcode/nlp"
)

// TestRuleNoteIsFindCues checks that what a ruleNote reads once per note
// is what the per-call functions find: findCues, findCuesIn, sentenceHas,
// near, patients, liveCues, age and the pregnancy gate, for every list of
// ruleCueLists and a list outside it, over the sample notes and
// hand-written sentences, and the status and allergy rules' lists the
// table holds after them, with one ruleNote reused across the notes (as
// the pooled work struct reuses it).
func TestRuleNoteIsFindCues(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Patient on insulin, long term insulin use since 2010. Plan: start metformin; stopped warfarin. Her mother takes warfarin.",
		"Flu shot given today; influenza vaccine declined last year. Tdap administered. 34 year old G2P1 at 32 weeks gestation.",
		"Preoperative clearance exam, cardiac risk evaluated. Refill of lisinopril. No evidence of disease after breast cancer.",
		"Leukemia in remission; relapsed twice. 3 month old infant, well child check, normal exam.",
		"Flu shot given today; influenza vaccine declined last year. a b c a b a.",
		"Colostomy in place; s/p colostomy. No longer taking aspirin. In remission, relapsed twice.",
		"Metastatic adenocarcinoma to the liver; benign adenoma of the adrenal; carcinoma in situ; tumor of uncertain behavior.",
		"Hypertension and CKD stage 3, renal disease not related to the hypertension; non-diabetic neuropathy, not due to diabetes; gout independent of CKD.",
		"Hx of stroke, fully recovered, no residual deficits; history of asthma as a child. Basal cell carcinoma of the nose, bcc of the ear; lymphoma survivor, possible melanoma.",
		"Intentional overdose of acetaminophen, suicide attempt; assaulted, poisoned by another, intent unknown. Previous polyp, no recurrence, treated.",
	}
	texts = withSampleNotes(t, texts)
	outside := phrases("insulin|long term insulin use|a b")
	lists := append(ruleCueLists(), outside)
	// Status and allergy rules' lists join the table after ruleCueLists;
	// an empty one finds nothing. Wildcard first words and phrases that
	// start inside one another go through the table here too.
	status := [][]phrase{phrases("insulin|long term insulin use|on insulin"), nil, phrases("colostomy|s/p colostomy|warfarin"),
		phrases("vaccin*|flu shot|influenza vaccin*"), phrases("colostomy|s/p colostomy|ostomy"), phrases("a|a b|a b c")}
	// Wildcard first words of one and two bytes (short) and of three
	// (wild's shortest key) go through the table too.
	status = append(status, phrases("re*|de* x|in* situ|a*|inf*|rel*"))
	// A wildcard's try reads its list's wildcard phrases alone: a token
	// of an exact first word of the list whose second words do not
	// follow ("declined to"), or that does ("relapse x"), finds what the
	// whole list finds.
	status = append(status, phrases("declined y|decl* z|relapsed twice|relapse x|rel*|fl* shot|flu shot given"))
	allergy := [][]phrase{phrases("penicillin|sulfa*|pcn"), phrases("latex")}
	e := &Engine{}
	for _, ps := range status {
		e.status = append(e.status, statusRule{phrases: ps})
	}
	for _, ps := range allergy {
		e.allergy = append(e.allergy, allergyRule{phrases: ps})
	}
	w := &work{}
	hits := 0
	for _, text := range texts {
		doc := pipe.AnalyzeInto(&w.doc, text)
		n := &w.rn
		n.reset(e, w, doc)
		for li, ps := range lists {
			want := findCues(doc, ps)
			if got := n.cues(ps); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("%.30q list %d: ruleNote %v, findCues %v", text, li, got, want)
			}
			hits += len(want)
			for s := -1; s <= len(doc.Sentences); s++ {
				want := findCuesIn(doc, s, ps)
				if got := n.inSentence(s, ps); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
					t.Fatalf("%.30q list %d sentence %d: ruleNote %v, findCuesIn %v", text, li, s, got, want)
				}
				for _, before := range []int{-1, 0, 5, 40} {
					if got, want := n.sentenceHas(s, ps, before), sentenceHas(doc, s, ps, before); got != want {
						t.Fatalf("%.30q list %d sentence %d before %d: ruleNote %v, sentenceHas %v", text, li, s, before, got, want)
					}
				}
			}
			if got, want := n.liveCues(ps), liveCues(doc, ps); !reflect.DeepEqual(got, want) {
				t.Fatalf("%.30q list %d: ruleNote live %v, liveCues %v", text, li, got, want)
			}
		}
		for _, g := range []struct {
			lists [][]phrase
			got   [][]cue
		}{{status, n.lists(n.tab.status, len(status))}, {allergy, n.lists(n.tab.allergy, len(allergy))}} {
			for i, ps := range g.lists {
				hits += len(g.got[i])
				if want := findCues(doc, ps); !reflect.DeepEqual(g.got[i], want) && len(g.got[i])+len(want) > 0 {
					t.Fatalf("%.30q rule list %d: ruleNote %v, findCues %v", text, i, g.got[i], want)
				}
			}
		}
		for i, tk := range doc.Tokens {
			for _, span := range []int{0, 2} {
				last := min(i+span, len(doc.Tokens)-1)
				c := cue{start: tk.Start, end: doc.Tokens[last].End, sent: tk.Sent, tok: i, last: last, assert: tk.Assert}
				if got, want := n.patients(c), patients(doc, c); got != want {
					t.Fatalf("%.30q token %d: ruleNote patients %v, want %v", text, i, got, want)
				}
				for _, ps := range [][]phrase{plannedCues, currentCues, notHereCues, declinedCues, examWords, outside} {
					for _, win := range [][2]int{{0, 3}, {3, 0}, {4, 2}, {8, 0}} {
						if got, want := n.near(c, ps, win[0], win[1]), near(doc, c, ps, win[0], win[1]); got != want {
							t.Fatalf("%.30q token %d..%d window %v: ruleNote near %v, want %v", text, i, last, win, got, want)
						}
					}
				}
			}
		}
		for _, c := range []cue{{sent: -1, tok: -1, last: -1}, {sent: 0, tok: -1, last: -1}, {sent: -1, tok: 0}} { // unplaced cues
			if got, want := n.patients(c), patients(doc, c); got != want {
				t.Fatalf("%.30q cue %+v: ruleNote patients %v, want %v", text, c, got, want)
			}
		}
		if got, want := n.age(), age(doc); got != want {
			t.Errorf("%.30q: ruleNote age %d, age %d", text, got, want)
		}
		_, preg := doc.Pregnancy()
		if got := n.pregnant(); got != preg {
			t.Errorf("%.30q: ruleNote pregnant %v, doc.Pregnancy %v", text, got, preg)
		}
		w.preg = 0
	}
	if hits == 0 {
		t.Fatal("no list found a cue: the test reads nothing")
	}
}
