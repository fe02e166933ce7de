package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// WriteCases writes cases as JSONL in the format ReadCases reads, one
// object per line in order.
func WriteCases(w io.Writer, cases []Case) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type line struct {
		ID    string `json:"id"`
		Text  string `json:"text"`
		Codes []Gold `json:"codes"`
	}
	for _, c := range cases {
		if err := enc.Encode(line{c.ID, c.Text, c.Gold}); err != nil {
			return fmt.Errorf("eval: write cases: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("eval: write cases: %w", err)
	}
	return nil
}
