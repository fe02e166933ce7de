package suggest

import (
	"slices"
	"testing"

	"medcode/nlp"
)

// TestGateWords checks that every cue phrase a rule gated by holdsWord
// reads holds one of the gate's words: a phrase without one would be
// missed in a note that has it.
func TestGateWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []string
		lists [][]phrase
	}{
		{"remission", remissionWords, [][]phrase{relapseCues, failedRemissionCues, remissionCues}},
		{"allergy", allergyGate, [][]phrase{allergyWords}},
	} {
		for _, ps := range tc.lists {
			for _, p := range ps {
				if !slices.ContainsFunc(p, func(w string) bool { return slices.Contains(tc.words, w) }) {
					t.Errorf("%s: phrase %q holds none of %v", tc.name, p, tc.words)
				}
			}
		}
	}
}

// gateTexts are notes with and without the gates' words.
func gateTexts(t *testing.T) []string {
	texts := []string{
		"Leukemia in remission; relapsed twice.", "AML, in relapse.", "Relapsing-remitting MS.", "No remission reached.",
		"Allergic to penicillin.", "PCN allergy; history of anaphylaxis.", "Anaphylactic reaction to peanuts.", "Allergies: none.",
		"HIV screening today.", "Screened for depression.", "Depression screen negative.", "Screens and screenings.",
		"Chest pain, no words of any gate.", "",
	}
	texts = withSampleNotes(t, texts)
	return texts
}

// TestGateCuesAreHoldsWord checks that a gate read from the rules' cue
// table (ruleNote.holdsCue) answers as holdsWord over the gate's words:
// each word is a one-word phrase of the gate's lists (TestGateWords
// checks the converse), the lists are in ruleCueLists (else each costs a
// pass of its own), and over notes with and without the words the two
// agree.
func TestGateCuesAreHoldsWord(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gates := []struct {
		name  string
		words []string
		lists [][]phrase
	}{
		{"remission", remissionWords, remissionGate},
		{"allergy", allergyGate, [][]phrase{allergyWords}},
	}
	table := ruleCueLists()
	for _, g := range gates {
		for _, w := range g.words {
			if !slices.ContainsFunc(g.lists, func(ps []phrase) bool {
				return slices.ContainsFunc(ps, func(p phrase) bool { return len(p) == 1 && p[0] == w })
			}) {
				t.Errorf("%s: word %q is no one-word phrase of the gate's lists", g.name, w)
			}
		}
		for _, ps := range g.lists {
			if !slices.ContainsFunc(table, func(l []phrase) bool { return len(l) > 0 && &l[0] == &ps[0] }) {
				t.Errorf("%s: a list of the gate is not in ruleCueLists", g.name)
			}
		}
	}
	w := &work{}
	e := &Engine{}
	held := map[string]int{}
	for _, text := range gateTexts(t) {
		doc := pipe.AnalyzeInto(&w.doc, text)
		w.rn.reset(e, w, doc)
		for _, g := range gates {
			got, want := w.rn.holdsCue(g.lists...), holdsWord(doc, g.words...)
			if got != want {
				t.Errorf("%.40q %s: holdsCue %v, holdsWord %v", text, g.name, got, want)
			}
			if want {
				held[g.name]++
			}
		}
	}
	for _, g := range gates {
		if held[g.name] == 0 {
			t.Errorf("%s: no note holds the gate: the test reads nothing", g.name)
		}
	}
}

// TestScreeningCuesAreWords checks that the cues of screeningCues are
// the tokens screenings reads, those of screeningWords, one each, in
// note order.
func TestScreeningCuesAreWords(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := &work{}
	e := &Engine{}
	hits := 0
	for _, text := range gateTexts(t) {
		doc := pipe.AnalyzeInto(&w.doc, text)
		w.rn.reset(e, w, doc)
		var want []int
		for j := range doc.Tokens {
			if screeningWords[doc.Tokens[j].Norm] {
				want = append(want, j)
			}
		}
		var got []int
		for _, c := range w.rn.cues(screeningCues) {
			if c.last != c.tok {
				t.Errorf("%.40q: screening cue spans tokens %d..%d", text, c.tok, c.last)
			}
			got = append(got, c.tok)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%.40q: screening cues at %v, screeningWords at %v", text, got, want)
		}
		hits += len(want)
	}
	if hits == 0 {
		t.Fatal("no note names a screening: the test reads nothing")
	}
}

// The gates' words, the plain form of the gates the rules read from the
// cue table (holdsCue).
var (
	// remissionWords are words every cue noteRemission reads holds one
	// of: a note without them states no status.
	remissionWords = []string{"remission", "relapse", "relapsed", "relapsing"}
	// allergyGate are words every phrase of allergyWords holds one of.
	allergyGate = []string{"allergy", "allergies", "allergic", "anaphylaxis", "anaphylactic"}
	// screeningWords name a screening in a note ("HIV screening",
	// "screened for depression", "depression screen").
	screeningWords = map[string]bool{"screening": true, "screen": true, "screened": true}
)

// holdsWord reports whether a token of doc is one of words (norms): a
// rule every cue phrase of which holds one of words finds none in a note
// without them.
func holdsWord(doc *nlp.Document, words ...string) bool {
	for i := range doc.Tokens {
		n := doc.Tokens[i].Norm
		for _, w := range words {
			if n == w {
				return true
			}
		}
	}
	return false
}
