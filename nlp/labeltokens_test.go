package nlp

import (
	"slices"
	"strings"
	"testing"

	"medcode/internal/testenv"
)

// labelTokensPlain is LabelTokens as written before it looked for each
// colon once: it looks between every token and the next. The plain form
// TestLabelTokensPlain and FuzzLabelTokens hold LabelTokens to.
func (d *Document) labelTokensPlain(dst []bool) []bool {
	toks := d.Tokens
	dst = slices.Grow(dst[:0], len(toks))[:len(toks)]
	clear(dst)
	for j := range d.titleTokens() {
		dst[j] = true
	}
	for j := range toks {
		after := len(d.Text)
		if j+1 < len(toks) {
			after = toks[j+1].Start
		}
		if strings.IndexByte(d.Text[toks[j].End:after], ':') < 0 {
			continue
		}
		d.markLabel(dst, j)
	}
	return dst
}

// TestLabelTokensPlain holds LabelTokens to labelTokensPlain on the test
// and dev notes.
func TestLabelTokensPlain(t *testing.T) {
	p := testPipeline(t)
	for _, text := range append(testNotes(t), "GENERAL: x HEENT:", "GENERAL: HEENT:", "Skin: x Lungs: y HEENT:", "a:b:c", ":", "Skin warm, lungs: clear") {
		d := p.Analyze(text)
		if got, want := d.LabelTokens(nil), d.labelTokensPlain(nil); !slices.Equal(got, want) {
			t.Fatalf("LabelTokens differs from labelTokensPlain on %.60q", text)
		}
	}
}

// FuzzLabelTokens holds LabelTokens to labelTokensPlain on any text.
func FuzzLabelTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("PHYSICAL EXAMINATION:\nGENERAL: Well developed.\nHEENT: Normocephalic.\nMental status: alert. Skin:")
	p := testPipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := p.Analyze(text)
		if got, want := d.LabelTokens(nil), d.labelTokensPlain(nil); !slices.Equal(got, want) {
			t.Fatalf("LabelTokens(%q) = %v, want %v", text, got, want)
		}
	})
}

// BenchmarkLabelTokensDev asks LabelTokens of the CodiEsp dev notes in
// turn, analysed beforehand, as the suggest engine asks it of every note.
func BenchmarkLabelTokensDev(b *testing.B) {
	p := benchPipeline(b)
	notes := testenv.DevNotes(b)
	docs := make([]*Document, len(notes))
	for i, n := range notes {
		docs[i] = p.Analyze(n)
	}
	b.ReportAllocs()
	var dst []bool
	i := 0
	for b.Loop() {
		dst = docs[i%len(docs)].LabelTokens(dst)
		i++
	}
}
