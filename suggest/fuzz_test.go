package suggest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"medcode/suggest"
)

// FuzzSuggest: any text either fails with a sentinel error or yields
// suggestions whose evidence is the note's own bytes; never a panic.
func FuzzSuggest(f *testing.F) {
	paths, _ := filepath.Glob("testdata/notes/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("h/o HTN, DM2, CKD3a, s/p CABG; denies CP. r/o PE vs pneumonia.")
	f.Add("Fx R distal radius, subsequent encounter. Mother w/ breast CA.")
	f.Add("")
	eng := engine(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, setting := range []suggest.Setting{suggest.Outpatient, suggest.Inpatient} {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: text, Setting: setting})
			if err != nil {
				if suggest.CheckNote(text) == nil {
					t.Fatalf("valid note failed: %v", err)
				}
				return
			}
			for _, s := range res.Suggestions {
				for _, e := range s.Evidence {
					if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
						t.Fatalf("%s: evidence [%d,%d) is not the note's text", s.Code, e.Start, e.End)
					}
				}
			}
		}
	})
}
