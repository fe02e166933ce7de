package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"medcode/corpus"
	"medcode/index"
)

func newIndexCmd(data *dataFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "index", Short: "build the search index snapshot"}
	var out string
	build := &cobra.Command{
		Use:   "build",
		Short: "index every name of every code and write a snapshot",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				out = data.indexPath()
			}
			t0 := time.Now()
			set, err := corpus.Load(cmd.Context(), data.corpusOptions())
			if err != nil {
				return err
			}
			t1 := time.Now()
			ix, err := index.Build(set, index.Options{})
			if err != nil {
				return err
			}
			t2 := time.Now()
			if err := ix.WriteFile(out); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "index: %d names of %d codes, %d terms -> %s (load %s, build %s, write %s)\n",
				ix.Len(), ix.Codes(), ix.Terms(), out, t1.Sub(t0).Round(time.Millisecond), t2.Sub(t1).Round(time.Millisecond), time.Since(t2).Round(time.Millisecond))
			return nil
		},
	}
	build.Flags().StringVar(&out, "out", "", "snapshot path (default <data>/index.snap)")
	cmd.AddCommand(build)
	return cmd
}

func (d *dataFlags) indexPath() string {
	if d.index != "" {
		return d.index
	}
	return filepath.Join(d.dir, "index.snap")
}

func (d *dataFlags) corpusOptions() corpus.Options {
	return corpus.Options{Dir: filepath.Join(d.dir, "codesets"), CPTFile: d.cpt, SynonymFiles: d.synonyms}
}
