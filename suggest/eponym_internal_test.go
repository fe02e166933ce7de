package suggest

import (
	"strings"
	"testing"

	"medcode/index"
	"medcode/internal/testenv"
	"medcode/nlp"
)

// eponymSaidPlain is eponymSaid stemming the name's words per hit, as it
// did before the engine remembered them: the form TestEponymSaidMemo holds
// it to.
func eponymSaidPlain(doc *nlp.Document, ix *index.Index, name string, h index.Hit) bool {
	if h.Matched > 1 || strings.IndexByte(name, '\'') < 0 {
		return true
	}
	for _, w := range strings.Fields(name) {
		base, ok := strings.CutSuffix(strings.Trim(w, ",;()[]"), "'s")
		if !ok {
			if base, ok = strings.CutSuffix(strings.Trim(w, ",;()[]"), "'"); !ok {
				continue
			}
		}
		st := ix.Stems(base)
		if len(st) != 1 {
			continue
		}
		if !writtenAsName(doc, st[0], h.Positions) {
			return false
		}
	}
	return true
}

// TestEponymSaidMemo holds eponymSaid, which reads each name's eponyms'
// stems once, to eponymSaidPlain on every name of both indexes holding an
// apostrophe, against a note writing each of its words plain, in lower
// case and possessive, each word alone as a one-word hit.
func TestEponymSaidMemo(t *testing.T) {
	testenv.SkipUnderRace(t)
	e := realEngine(t)
	checked, refused := 0, 0
	for _, ix := range []*index.Index{e.ix, e.learned} {
		if ix == nil {
			continue
		}
		learned := ix == e.learned
		for n := range int32(ix.Len()) {
			if !ix.NameHas(n, index.NameApostrophe) {
				continue
			}
			name := ix.NameText(n)
			var words []string
			for _, w := range strings.Fields(name) {
				w = strings.Trim(w, ",;()[]")
				words = append(words, w, strings.ToLower(w), strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'"))
			}
			doc := e.pipe.Analyze(strings.Join(words, " and ") + ".")
			for p := range doc.Tokens {
				for _, matched := range []int32{1, 2} {
					h := index.Hit{Name: n, Matched: matched, Positions: []int32{int32(p)}}
					want := eponymSaidPlain(doc, ix, name, h)
					if got := e.eponymSaid(doc, ix, learned, &h); got != want {
						t.Fatalf("name %q, token %q, matched %d: eponymSaid %v, plain %v", name, doc.Text[doc.Tokens[p].Start:doc.Tokens[p].End], matched, got, want)
					}
					checked++
					if !want {
						refused++
					}
				}
			}
		}
	}
	if refused == 0 || checked == refused {
		t.Fatalf("%d hits checked, %d refused: the test reads no case of both answers", checked, refused)
	}
	t.Logf("%d hits checked, %d refused", checked, refused)
}
