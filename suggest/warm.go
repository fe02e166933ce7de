package suggest

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
)

// warmNotes are short notes in our own words that touch the common rule
// passes (chronic conditions, injuries, an MI, sepsis, neoplasms, an
// obstetric and a radiology report).
//
//go:embed warm/*.txt
var warmNotes embed.FS

// Warm codes the built-in warm-up notes with every release the engine
// codes with, in both care settings, so the tables the passes build on
// first use (per-code title and site facts, category acuity tables, name
// stems) are built before the first request instead of inside it: the
// first notes after Open otherwise take tens of milliseconds each. It
// changes no later output; it fails only when ctx ends.
func (e *Engine) Warm(ctx context.Context) error {
	files, err := fs.Glob(warmNotes, "warm/*.txt")
	if err != nil {
		return fmt.Errorf("suggest: warm: %w", err)
	}
	for _, r := range e.Releases() {
		for _, f := range files {
			text, err := warmNotes.ReadFile(f)
			if err != nil {
				return fmt.Errorf("suggest: warm: %w", err)
			}
			for _, setting := range []Setting{Outpatient, Inpatient} {
				if _, err := e.Suggest(ctx, Request{Text: string(text), Release: r.Name, Setting: setting}); err != nil {
					return fmt.Errorf("suggest: warm %s with %s: %w", f, r.Name, err)
				}
			}
		}
	}
	return nil
}
