package suggest

import (
	"context"
	"errors"

	"medcode/corpus"
)

// Options configure an Engine. The zero value works: untrained ranking, no
// feedback adjustment.
type Options struct {
	Model    *Model   // nil: untrained scoring
	Adjuster Adjuster // nil: feedback does not move ranking
}

// OpenOptions locate everything an Engine is built from.
type OpenOptions struct {
	DataDir   string   // prepared by `make data`; "" = "data"
	IndexPath string   // "" = <DataDir>/index.snap, built from the code sets when absent
	ModelPath string   // "" = <DataDir>/model.json when present; "none" = untrained
	CPTFile   string   // licensed CPT CSV; "" = built-in starter list
	Synonyms  []string // site synonym files
	Options
}

// CodeMatch is one hit of a code search (autocomplete).
type CodeMatch struct {
	System  string  `json:"system"`
	Code    string  `json:"code"`
	Display string  `json:"display"`
	Score   float64 `json:"score"`
	Matched string  `json:"matched,omitempty"` // the name that matched
}

// Engine suggests codes for notes. Build it once; it is safe for concurrent
// use.
type Engine struct {
	set *corpus.Set
}

// Open loads the code sets, the index snapshot (building it when absent) and
// the model, and returns a ready Engine.
func Open(ctx context.Context, o OpenOptions) (*Engine, error) {
	return nil, errors.New("suggest: engine not built yet")
}

// Set returns the code sets the engine suggests from.
func (e *Engine) Set() *corpus.Set { return e.set }

// Suggest codes one note.
func (e *Engine) Suggest(ctx context.Context, req Request) (*Result, error) {
	return nil, errors.New("suggest: engine not built yet")
}

// SearchCodes ranks codes whose names match q (autocomplete).
func (e *Engine) SearchCodes(ctx context.Context, q string, systems []corpus.System, limit int) ([]CodeMatch, error) {
	return nil, errors.New("suggest: engine not built yet")
}
