package nlp

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZTok(t *testing.T) {
	p := testPipeline(t)
	for _, s := range strings.Split(os.Getenv("ZZ"), ";") {
		d := p.Analyze(s)
		var out []string
		for _, tk := range d.Tokens {
			out = append(out, s[tk.Start:tk.End])
		}
		var ab []string
		for _, a := range d.Abbreviations {
			ab = append(ab, s[a.Span.Start:a.Span.End]+"="+a.Expansion)
		}
		fmt.Printf("%q -> %q %q\n", s, out, ab)
	}
}
