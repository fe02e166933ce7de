package index

import (
	"slices"
	"strings"
	"testing"
)

// TestStemPack: the Stems memo's packed stems read back as the stems
// they packed, the index's terms and stems it lacks alike, and Stems
// returns from its memo what it analysed.
func TestStemPack(t *testing.T) {
	ix := build(t)
	tests := [][]string{
		nil,
		{ix.Term(0)},
		{ix.Term(0), "zzqx", ix.Term(uint32(ix.Terms() - 1))},
		{"flibbertigibbet", "", strings.Repeat("a", 300)},
	}
	for _, stems := range tests {
		if got := ix.unpackStems(ix.packStems(stems)); !slices.Equal(got, stems) {
			t.Errorf("unpack(pack(%q)) = %q", stems, got)
		}
	}
	for _, text := range []string{"Type 2 diabetes mellitus without complications", "zzqx flibbertigibbet pneumonia", "chest pain", ""} {
		want := stems(ix.Analyzer(), text)
		for i := range 2 { // analysed, then from the memo
			if got := ix.Stems(text); !slices.Equal(got, want) {
				t.Errorf("%q (%d): Stems %q, want %q", text, i, got, want)
			}
		}
	}
}
