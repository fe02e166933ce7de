package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"medcode/corpus"
	"medcode/eval"
	"medcode/suggest"
)

func newEvalRoundTripCmd(data *dataFlags) *cobra.Command {
	var (
		out     string
		paths   bool
		sample  int
		seed    uint64
		noScore bool
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "roundtrip [--out FILE] [--index-paths] [--sample N --seed S]",
		Short: "Generate the title (and index-path) round-trip suite from the code sets and score rank-1 per chapter",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			eng, err := data.engine(ctx, suggest.Options{})
			if err != nil {
				return err
			}
			cases := eval.RoundTrip(eng.Set(), eval.RoundTripOptions{IndexPaths: paths, Sample: sample, Seed: seed})
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("eval roundtrip: %w", err)
				}
				if err := eval.WriteCases(f, cases); err != nil {
					f.Close()
					return err
				}
				if err := f.Close(); err != nil {
					return fmt.Errorf("eval roundtrip: %w", err)
				}
			}
			if noScore {
				return nil
			}
			r, err := eval.Run(ctx, eng, cases, eval.Options{Systems: []corpus.System{corpus.ICD10CM}, MaxResults: 10, Bootstrap: -1, Progress: cmd.ErrOrStderr()})
			if err != nil {
				return err
			}
			scores := eval.RoundTripScores(r, cases)
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), scores)
			}
			printRoundTrip(cmd.OutOrStdout(), scores)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "write the suite as JSONL cases to this file")
	f.BoolVar(&paths, "index-paths", false, "add Alphabetic Index paths rephrased in note order")
	f.IntVar(&sample, "sample", 0, "draw N billable codes at random (0: all)")
	f.Uint64Var(&seed, "seed", 1, "seed of the sample")
	f.BoolVar(&noScore, "no-score", false, "only write the suite")
	f.BoolVar(&asJSON, "json", false, "print the scores as JSON")
	return cmd
}

func printRoundTrip(w io.Writer, scores []eval.RoundTripChapter) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "part\tchapter\tcases\trank-1\trate\n")
	for _, s := range scores {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.4f\n", s.Part, s.Chapter, s.Cases, s.Rank1, s.Rate)
	}
	tw.Flush()
}
