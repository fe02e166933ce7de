package index

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"testing"

	"medcode/corpus"
)

// TestNameTermsBound: a snapshot name of maxNameTerms terms reads back
// with all of them (a name keeps its count in 16 bits); one of more is
// rejected rather than cut.
func TestNameTermsBound(t *testing.T) {
	ix := build(t)
	opts, err := json.Marshal(ix.nlpOpts)
	if err != nil {
		t.Fatal(err)
	}
	snapshot := func(k int) []byte {
		var b []byte
		str := func(s string) {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
		b = append(b, snapshotMagic...)
		b = binary.AppendUvarint(b, snapshotVersion)
		str(ix.hash)
		str(string(opts))
		b = binary.AppendUvarint(b, 1) // codes
		b = append(b, systemByte[corpus.ICD10CM])
		str("E11")
		b = binary.AppendUvarint(b, 1) // terms
		str("diabet")
		b = binary.AppendUvarint(b, 1) // names
		b = binary.AppendUvarint(b, 0)
		b = append(b, byte(corpus.NameTitle))
		str("Diabetes")
		b = binary.AppendUvarint(b, uint64(k))
		for range k {
			b = append(b, 0)
		}
		return b
	}
	got, err := Read(snapshot(maxNameTerms))
	if err != nil {
		t.Fatalf("%d terms: %v", maxNameTerms, err)
	}
	if n := len(got.NameTerms(0)); n != maxNameTerms {
		t.Errorf("%d terms read back as %d", maxNameTerms, n)
	}
	if _, err := Read(snapshot(maxNameTerms + 1)); !errors.Is(err, ErrSnapshot) {
		t.Errorf("%d terms: err = %v, want ErrSnapshot", maxNameTerms+1, err)
	}
}
