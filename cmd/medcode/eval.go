package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"medcode/eval"
	"medcode/suggest"
)

func newEvalCmd(data *dataFlags) *cobra.Command {
	var (
		casesPath string
		asJSON    bool
		reportDir string
		systems   string
		setting   string
		threshold float64
		limit     int
		top       int
		bootstrap int
		annotate  bool
	)
	cmd := &cobra.Command{
		Use:   "eval --cases FILE",
		Short: "Score the engine on labelled notes (MAP, P/R/F1, calibration, latency)",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if casesPath == "" {
				return usageError(errors.New("eval: --cases is required"))
			}
			opts := eval.Options{Threshold: threshold, MaxResults: top, Bootstrap: bootstrap, Progress: cmd.ErrOrStderr(), Annotate: annotate}
			sys, err := parseSystems(systems)
			if err != nil {
				return usageError(err)
			}
			opts.Systems = sys
			switch suggest.Setting(setting) {
			case suggest.Outpatient, suggest.Inpatient:
				opts.Setting = suggest.Setting(setting)
			default:
				return usageError(fmt.Errorf("eval: --setting %q: want outpatient or inpatient", setting))
			}
			cases, err := eval.OpenCases(casesPath)
			if err != nil {
				return usageError(err)
			}
			if limit > 0 && limit < len(cases) {
				cases = cases[:limit]
			}
			ctx := cmd.Context()
			eng, err := data.engine(ctx, suggest.Options{})
			if err != nil {
				return err
			}
			r, err := eval.Run(ctx, eng, cases, opts)
			if err != nil {
				return err
			}
			if reportDir != "" {
				if err := eval.WriteReport(reportDir, r); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, r)
			}
			printReport(out, r)
			if reportDir != "" {
				fmt.Fprintf(out, "\nreport written to %s\n", reportDir)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&casesPath, "cases", "", "labelled notes (JSONL, gzip'd or not)")
	f.BoolVar(&asJSON, "json", false, "print the report as one JSON object")
	f.StringVar(&reportDir, "report", "", "write report.json, report.md, report.html, plots and per-case files to this directory")
	f.StringVar(&systems, "systems", "", "systems to score, comma-separated (default: those in the gold codes)")
	f.StringVar(&setting, "setting", "outpatient", "care setting: outpatient or inpatient")
	f.Float64Var(&threshold, "threshold", 0, "decision threshold on confidence (default: the model's, else 0.5)")
	f.IntVar(&limit, "limit", 0, "score only the first N cases")
	f.IntVar(&top, "top", 0, "ranked list length asked of the engine (default: the engine's)")
	f.IntVar(&bootstrap, "bootstrap", 0, "bootstrap resamples for confidence intervals (default 1000, -1 none)")
	f.BoolVar(&annotate, "annotate", false, "list every documented concept as annotation corpora (CodiEsp) label notes: unspecified beside specific, symptoms beside diagnoses")
	cmd.AddCommand(newEvalCompareCmd(), newEvalRoundTripCmd(data))
	return cmd
}

func newEvalCompareCmd() *cobra.Command {
	var asJSON bool
	var resamples int
	cmd := &cobra.Command{
		Use:   "compare A.json B.json",
		Short: "Compare two eval reports: metric deltas and paired bootstrap p-values",
		Args:  usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := eval.ReadReport(args[0])
			if err != nil {
				return usageError(err)
			}
			b, err := eval.ReadReport(args[1])
			if err != nil {
				return usageError(err)
			}
			c := eval.CompareWith(a, b, eval.CompareOptions{Resamples: resamples})
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, c)
			}
			fmt.Fprintf(out, "A: %s\nB: %s\n", args[0], args[1])
			return eval.WriteComparison(out, c)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the comparison as one JSON object")
	cmd.Flags().IntVar(&resamples, "bootstrap", 0, "paired bootstrap resamples (default 1000)")
	return cmd
}

// printReport writes the headline metrics as a compact table.
func printReport(w io.Writer, r *eval.Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "cases\t%d (%d scored, %d gold codes)\n", r.Cases, r.ScoredCases, r.Gold)
	fmt.Fprintf(tw, "systems\t%s, %s, threshold %.2f\n", strings.Join(r.Systems, ","), r.Setting, r.Threshold)
	fmt.Fprintf(tw, "MAP\t%.4f  [%.4f, %.4f]\n", r.MAP, r.CI.MAP[0], r.CI.MAP[1])
	fmt.Fprintf(tw, "MRR\t%.4f\n", r.MRR)
	fmt.Fprintf(tw, "\tP\tR\tF1\n")
	fmt.Fprintf(tw, "micro\t%.4f\t%.4f\t%.4f  [%.4f, %.4f]\n", r.Micro.Precision, r.Micro.Recall, r.Micro.F1, r.CI.MicroF1[0], r.CI.MicroF1[1])
	fmt.Fprintf(tw, "macro\t%.4f\t%.4f\t%.4f\n", r.Macro.Precision, r.Macro.Recall, r.Macro.F1)
	fmt.Fprintf(tw, "parent\t%.4f\t%.4f\t%.4f  MAP %.4f\n", r.Parent.Micro.Precision, r.Parent.Micro.Recall, r.Parent.Micro.F1, r.Parent.MAP)
	fmt.Fprintf(tw, "category\t%.4f\t%.4f\t%.4f  MAP %.4f\n", r.Category.Micro.Precision, r.Category.Micro.Recall, r.Category.Micro.F1, r.Category.MAP)
	fmt.Fprintf(tw, "P@1/5/10/15/20\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", r.PrecisionAt["1"], r.PrecisionAt["5"], r.PrecisionAt["10"], r.PrecisionAt["15"], r.PrecisionAt["20"])
	fmt.Fprintf(tw, "R@1/5/10/15/20\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", r.RecallAt["1"], r.RecallAt["5"], r.RecallAt["10"], r.RecallAt["15"], r.RecallAt["20"])
	fmt.Fprintf(tw, "P at threshold\t%.4f\t(%d suggestions ≥ %.2f)\n", r.Micro.Precision, r.Micro.TP+r.Micro.FP, r.Threshold)
	fmt.Fprintf(tw, "rank-1\t%.4f\t(%d single-code cases)\n", r.Rank1, r.Rank1Cases)
	fmt.Fprintf(tw, "ECE / Brier\t%.4f\t%.4f\n", r.ECE, r.Brier)
	fmt.Fprintf(tw, "ECE at threshold\t%.4f\n", r.ECEMade)
	fmt.Fprintf(tw, "latency ms\tp50 %.1f\tp95 %.1f\tp99 %.1f\n", r.LatencyMs.P50, r.LatencyMs.P95, r.LatencyMs.P99)
	tw.Flush()
}
