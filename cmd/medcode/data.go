package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"medcode/corpus"
	"medcode/suggest"
)

// dataFlags locate the code sets, the index snapshot and the model; every
// command that needs an engine shares them.
type dataFlags struct {
	dir      string   // data directory prepared by `make data`
	index    string   // index snapshot; "" = <dir>/index.snap, built when absent
	model    string   // trained model; "" = <dir>/model.json when present, "none" = untrained
	cpt      string   // licensed CPT CSV; "" = built-in starter file
	synonyms []string // site synonym files
}

func (d *dataFlags) register(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&d.dir, "data", "data", "`DIR` holding codesets/, index.snap and model.json (prepared by make data)")
	f.StringVar(&d.index, "index", "", "index snapshot (default <data>/index.snap, built when absent)")
	f.StringVar(&d.model, "model", "", "trained model (default <data>/model.json when present; \"none\" for untrained)")
	f.StringVar(&d.cpt, "cpt", "", "licensed CPT file (CSV: code,descriptor[,synonyms]); default: built-in starter list")
	f.StringArrayVar(&d.synonyms, "synonyms", nil, "site synonym file (term -> code), repeatable")
}

// openOptions are the engine's OpenOptions from the flags.
func (d *dataFlags) openOptions(opts suggest.Options) suggest.OpenOptions {
	return suggest.OpenOptions{DataDir: d.dir, IndexPath: d.index, ModelPath: d.model, CPTFile: d.cpt, Synonyms: d.synonyms, Options: opts}
}

// engine opens the suggest engine the flags describe.
func (d *dataFlags) engine(ctx context.Context, opts suggest.Options) (*suggest.Engine, error) {
	return suggest.Open(ctx, d.openOptions(opts))
}

// missingDataHint says how to get the data when a command found none
// (an error wrapping corpus.ErrMissingData); other errors pass unchanged.
func missingDataHint(err error, dir string) error {
	if !errors.Is(err, corpus.ErrMissingData) {
		return err
	}
	return fmt.Errorf("%w\n  the code sets are not in %s: run `make data` in the medcode checkout (it copies ../shared/codesets,\n"+
		"  or $MEDCODE_SHARED/codesets, or downloads the official CMS/CDC files), or point --data at a prepared DIR", err, dir)
}
