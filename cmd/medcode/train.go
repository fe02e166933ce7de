package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"medcode/corpus"
	"medcode/eval"
	"medcode/index"
	"medcode/suggest"
)

func newTrainCmd(data *dataFlags) *cobra.Command {
	var (
		cases   string
		out     string
		setting string
		systems string
		mine    eval.MineOptions
		l2      float64
		ranker  string
		trees   int
		depth   int
		eta     float64
		lambda  float64
		minHess float64
		ncand   int
		ceiling bool
		folds   int
		synth   eval.SynthOptions
		synthW  float64
		reach   float64
	)
	cmd := &cobra.Command{
		Use:   "train --cases FILE --out MODEL",
		Short: "learn term-to-code associations, a re-ranker and a calibration from labelled notes",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cases == "" || out == "" {
				return usageError(errors.New("train: --cases and --out are required"))
			}
			sys, err := parseSystems(systems)
			if err != nil {
				return usageError(err)
			}
			cs, err := eval.OpenCases(cases)
			if err != nil {
				return err
			}
			set, err := corpus.Load(cmd.Context(), data.corpusOptions())
			if err != nil {
				return err
			}
			ix, err := index.ReadFile(data.indexPath())
			if errors.Is(err, fs.ErrNotExist) {
				ix, err = index.Build(set, index.Options{})
			}
			if err != nil {
				return err
			}
			m, sum, err := eval.Train(cmd.Context(), set, ix, cs, eval.TrainOptions{Setting: suggest.Setting(setting), Systems: sys, Mine: mine, Logistic: eval.LogisticOptions{L2: l2},
				Ranker: ranker, GBDT: eval.GBDTOptions{Trees: trees, Depth: depth, LearningRate: eta, Lambda: lambda, MinHessian: minHess}, Candidates: ncand, Folds: folds, Synthetic: synth, SyntheticWeight: synthW, PriorReach: reach, Ceiling: ceiling, Progress: cmd.ErrOrStderr()})
			if err != nil {
				return err
			}
			if err := suggest.WriteModel(out, m); err != nil {
				return err
			}
			b, _ := json.Marshal(sum)
			fmt.Fprintf(cmd.OutOrStdout(), "train: wrote %s: %s\n", out, b)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&cases, "cases", "", "labelled notes (JSONL, gzip'd or not)")
	f.StringVar(&out, "out", "", "model file to write")
	f.StringVar(&setting, "setting", "outpatient", "care setting the model is trained for")
	f.StringVar(&systems, "systems", "", "comma-separated systems (default all)")
	f.IntVar(&mine.MinCount, "min-count", 0, "learned phrases: cases seen with the code (default 2)")
	f.Float64Var(&mine.MinPrecision, "min-precision", 0, "learned phrases: least P(code | phrase) (default 0.35)")
	f.Float64Var(&mine.MinLift, "min-lift", 0, "learned phrases: least precision / P(code) (default 4)")
	f.IntVar(&mine.PerCode, "per-code", 0, "learned phrases kept per code (default 8)")
	f.IntVar(&mine.MaxN, "max-n", 0, "learned phrases: longest phrase in words (default 3)")
	f.Float64Var(&l2, "l2", 0, "logistic re-ranker ridge penalty (default 1)")
	f.StringVar(&ranker, "ranker", "gbdt", "re-ranker: gbdt (boosted trees) or logistic")
	f.IntVar(&trees, "trees", 0, "gbdt: boosting rounds (default 100)")
	f.IntVar(&depth, "depth", 0, "gbdt: tree depth (default 3)")
	f.Float64Var(&eta, "learning-rate", 0, "gbdt: shrinkage (default 0.2)")
	f.Float64Var(&lambda, "lambda", 0, "gbdt: L2 penalty on leaf values (default 1)")
	f.Float64Var(&minHess, "min-hessian", 0, "gbdt: least hessian in a child (default 5)")
	f.IntVar(&folds, "folds", 0, "cross-fitting folds (default 2)")
	f.IntVar(&synth.Cases, "synthetic", 1000, "notes written from the code sets mixed into the re-ranker's and calibration's rows (0: none)")
	f.IntVar(&synth.Codes, "synthetic-codes", 2, "codes each synthetic note states (at least)")
	f.IntVar(&synth.MaxCodes, "synthetic-max-codes", 6, "when above --synthetic-codes, each synthetic note states between the two (codes of different chapters)")
	f.IntVar(&synth.Distractors, "synthetic-distractors", 3, "most distractor statements per synthetic note (negated, family, resolved history; not gold)")
	f.BoolVar(&synth.IndexPaths, "synthetic-index-paths", true, "synthetic notes also state codes by an index path naming them alone")
	f.Float64Var(&synthW, "synthetic-weight", 0.5, "weight of a synthetic note's rows against a labelled note's")
	f.Float64Var(&reach, "prior-reach", 0, "limit how far the priors sink a code whose name the note documents whole: its prior features stay within this many log-odds of the cap (0: no limit)")
	f.BoolVar(&ceiling, "ceiling", false, "also fit a confidence ceiling without the corpus's priors and co-occurrences (the confidence is the lesser, recalibrated)")
	f.IntVar(&ncand, "candidates", 0, "candidates per note the re-ranker learns from (default 150)")
	return cmd
}
