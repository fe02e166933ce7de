package suggest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
)

// ModelVersion is the format version of a Model file.
const ModelVersion = 1

// Model is what training learned from labelled notes: a logistic re-ranker
// over the engine's features, a calibration of its output, code priors and
// term-to-code associations (extra names). The zero Model is "untrained".
type Model struct {
	Version  int       `json:"version"`
	Features []string  `json:"features"` // names, in Suggestion.Features order
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Trees, when present, are a boosted ensemble over the same features:
	// the log-odds is Bias + Σ tree(x) (Weights are then unused).
	Trees []Tree `json:"trees,omitempty"`
	// Calibration maps the re-ranker's probability onto a calibrated
	// confidence by isotonic regression: piecewise-linear through the points.
	CalibX []float64 `json:"calibX,omitempty"`
	CalibY []float64 `json:"calibY,omitempty"`
	// Threshold is the decision threshold on confidence chosen in training.
	Threshold float64 `json:"threshold"`
	// Ceiling, when present, bounds the confidence by what the note's words
	// support: a re-ranker fitted without the training corpus's code
	// distribution (CorpusFeatures held at 0) and its own calibration. The
	// confidence is the lesser of the two calibrated probabilities,
	// recalibrated, so the priors and co-occurrences of one corpus order
	// candidates but cannot raise a confidence above the ceiling (ceiling.go).
	Ceiling *Ceiling `json:"ceiling,omitempty"`
	// Priors is the log-odds prior of each code ("ICD-10-CM|R52").
	Priors map[string]float64 `json:"priors,omitempty"`
	// PriorReach, when above 0, limits how far the priors can sink a code
	// whose name the note documents whole (exactName or titleSaid = 1):
	// its prior features are at least the cap (a 5% share) less
	// PriorReach log-odds. 0: no limit.
	PriorReach float64 `json:"priorReach,omitempty"`
	// CategoryTop lists, per ICD-10-CM category ("R10"), the codes training
	// notes used most in it, most frequent first.
	CategoryTop map[string][]string `json:"categoryTop,omitempty"`
	// Cooc are ICD-10-CM code pairs coded together in training notes more
	// often than chance, with their log lift.
	Cooc []CodePair `json:"cooc,omitempty"`
	// TermDF is the share of training notes holding each stem (stems in at
	// least 1% of notes): how common a word is in notes, not in code names.
	TermDF map[string]float64 `json:"termDF,omitempty"`
	// Learned are term-to-code associations mined from training notes.
	Learned []LearnedName `json:"learned,omitempty"`
	// Trained says on what and when, for reports.
	Trained string `json:"trained,omitempty"`
}

// CodePair is two codes (A < B) and the log of how much more often
// training notes coded them together than chance.
type CodePair struct {
	A    string  `json:"a"`
	B    string  `json:"b"`
	Lift float64 `json:"lift"`
}

// LearnedName is a phrase that, in training notes, indicated a code.
type LearnedName struct {
	System string  `json:"system"`
	Code   string  `json:"code"`
	Text   string  `json:"text"`
	Weight float64 `json:"weight"` // precision of the phrase for the code in training
}

// ReadModel loads a model file written by WriteModel.
func ReadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("suggest: read model: %w", err)
	}
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("suggest: model %s: %w", path, err)
	}
	if m.Version != ModelVersion {
		return nil, fmt.Errorf("suggest: model %s has format version %d, want %d", path, m.Version, ModelVersion)
	}
	if len(m.Weights) != len(m.Features) && len(m.Trees) == 0 {
		return nil, fmt.Errorf("suggest: model %s: %d weights for %d features", path, len(m.Weights), len(m.Features))
	}
	return &m, nil
}

// WriteModel writes m as indented JSON.
func WriteModel(path string, m *Model) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("suggest: encode model: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("suggest: write model: %w", err)
	}
	return nil
}

// Adjuster lets coder feedback move ranking: it returns an additive
// log-odds adjustment for a code given the stems of its evidence. It must be
// safe for concurrent use. A nil Adjuster changes nothing.
type Adjuster interface {
	// Adjusts reports whether any feedback concerns the code; the engine
	// asks Adjust (and builds its terms) only for those.
	Adjusts(system, code string) bool
	Adjust(system, code string, terms []string) float64
}

// Suggester is what the eval harness and the server need of an Engine.
type Suggester interface {
	Suggest(ctx context.Context, req Request) (*Result, error)
}

// Releaser is a Suggester whose results can be handed back for reuse
// once the caller is done with them (Engine.Release).
type Releaser interface {
	Release(res *Result)
}
