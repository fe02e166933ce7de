package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"medcode/corpus"
	"medcode/index"
	"medcode/suggest"
)

// TrainOptions configure Train. The zero value works.
type TrainOptions struct {
	Setting  suggest.Setting
	Systems  []corpus.System
	Mine     MineOptions
	Logistic LogisticOptions
	// Ranker is "gbdt" (boosted trees, the default) or "logistic".
	Ranker string
	GBDT   GBDTOptions
	// Folds is the number of cross-fitting folds; 0 = 2.
	Folds int
	// Candidates is how many candidates per case the re-ranker sees; 0 = 150.
	Candidates int
	// Ceiling also fits the Model's Ceiling, the confidence bound fitted
	// without the corpus's priors and co-occurrences (off by default: on
	// CodiEsp dev and the US suites it lowered the decision threshold and
	// the precision at it; see README).
	Ceiling bool
	// Synthetic mixes notes written from the code sets (SyntheticCases)
	// into the re-ranker's and the calibration's rows, never into the
	// mined phrases and priors; its Cases = 0 means none.
	Synthetic SynthOptions
	// SyntheticWeight weighs each synthetic note's rows against a
	// labelled note's in the boosted trees, the calibration and the
	// threshold; 0 = 1. (The logistic re-ranker weighs rows equally.)
	SyntheticWeight float64
	// PriorReach is the Model's PriorReach, set before the rows' features
	// are computed so the re-ranker learns with it; 0 = no limit.
	PriorReach float64
	Progress   io.Writer // nil: quiet
}

// TrainSummary says what training saw.
type TrainSummary struct {
	Cases      int     `json:"cases"`
	Rows       int     `json:"rows"`
	Positives  int     `json:"positives"`
	GoldFound  float64 `json:"goldFound"` // share of gold codes among the candidates (recall ceiling)
	Learned    int     `json:"learned"`
	Threshold  float64 `json:"threshold"`
	TrainF1    float64 `json:"trainF1"`
	ElapsedSec float64 `json:"elapsedSec"`
}

// Train learns a Model from labelled cases: term-to-code associations and
// code priors (Mine), then a logistic re-ranker over the engine's features
// and an isotonic calibration of its output.
//
// The re-ranker must see features as they will be at run time, when the
// learned names and priors come from notes other than the one being coded.
// So training is cross-fitted: the cases are split in Folds folds, names
// and priors mined on the other folds give the features of each, and the final
// model carries names and priors mined on all cases.
func Train(ctx context.Context, set *corpus.Set, ix *index.Index, cases []Case, opts TrainOptions) (*suggest.Model, TrainSummary, error) {
	start := time.Now()
	if len(cases) < 4 {
		return nil, TrainSummary{}, fmt.Errorf("eval: train: %d cases, need at least 4", len(cases))
	}
	if opts.Candidates <= 0 {
		opts.Candidates = 150
	}
	pipe := ix.Analyzer()
	nf := opts.Folds
	if nf <= 0 {
		nf = 2
	}
	nf = min(nf, len(cases))
	folds := make([][]Case, nf)
	for i, c := range cases {
		folds[i%nf] = append(folds[i%nf], c)
	}
	synth := make([][]Case, nf)
	synthUnd := make([][][]string, nf)
	if opts.Synthetic.Cases > 0 {
		cs, und := syntheticCases(set, opts.Synthetic)
		for i, c := range cs {
			synth[i%nf] = append(synth[i%nf], c)
			synthUnd[i%nf] = append(synthUnd[i%nf], und[i])
		}
	}
	sw := opts.SyntheticWeight
	if sw <= 0 {
		sw = 1
	}
	// others returns the cases outside fold k.
	others := func(k int) []Case {
		var out []Case
		for j, f := range folds {
			if j != k {
				out = append(out, f...)
			}
		}
		return out
	}
	var X [][]float64
	var y, W []float64
	var fold []int
	var found, labelled int
	var gold float64
	// The folds' mined terms (each from the other folds' cases) and the
	// final model's (from every case) are independent: mine them side by
	// side, the final one while the folds' features are computed.
	mines := make([]Mined, nf+1)
	var minesWG, finalWG sync.WaitGroup
	for k := 0; k < nf; k++ {
		minesWG.Go(func() { mines[k] = Mine(pipe, set, others(k), opts.Mine) })
	}
	finalWG.Go(func() { mines[nf] = Mine(pipe, set, cases, opts.Mine) })
	defer finalWG.Wait() // an early error return leaves no goroutine running
	minesWG.Wait()
	var base *suggest.Engine // the first fold's: the others share its model-independent tables
	for k := 0; k < nf; k++ {
		rest := others(k)
		mined := mines[k]
		eng, err := suggest.New(set, ix, suggest.Options{Model: &suggest.Model{Priors: mined.Priors, Learned: mined.Learned, TermDF: mined.TermDF, CategoryTop: mined.CategoryTop, Cooc: mined.Cooc, PriorReach: opts.PriorReach}, Base: base})
		if err != nil {
			return nil, TrainSummary{}, fmt.Errorf("eval: train: %w", err)
		}
		if base == nil {
			base = eng
		}
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "train: fold %d: %d learned names from %d cases, features of %d cases\n", k+1, len(mined.Learned), len(rest), len(folds[k]))
		}
		und := append(make([][]string, len(folds[k])), synthUnd[k]...)
		rows, err := featureRows(ctx, eng, append(slices.Clip(folds[k]), synth[k]...), und, opts)
		if err != nil {
			return nil, TrainSummary{}, err
		}
		for i, r := range rows {
			wt := 1.0
			if i >= len(folds[k]) {
				wt = sw
			} else {
				found += r.found
				labelled += r.gold
			}
			X = append(X, r.x...)
			y = append(y, r.y...)
			for range r.y {
				fold = append(fold, k)
				W = append(W, wt)
			}
			gold += wt * float64(r.gold)
		}
	}
	m := &suggest.Model{Version: suggest.ModelVersion, Features: suggest.FeatureNames(), PriorReach: opts.PriorReach}
	// Calibrate on out-of-fold predictions: a re-ranker fitted on one fold
	// scores the other, so the calibration sees run-time behaviour.
	// The folds' re-rankers and the final one are fitted side by side:
	// each fit is a pure function of its rows.
	p := make([]float64, len(X))
	fitErrs := make([]error, nf+1)
	var fits sync.WaitGroup
	for k := 0; k < nf; k++ {
		fits.Go(func() {
			var tx [][]float64
			var ty, tw []float64
			for i := range X {
				if fold[i] != k {
					tx, ty, tw = append(tx, X[i]), append(ty, y[i]), append(tw, W[i])
				}
			}
			pred, err := fitRanker(tx, ty, tw, opts)
			if err != nil {
				fitErrs[k] = err
				return
			}
			for i := range X {
				if fold[i] == k {
					p[i] = pred(X[i])
				}
			}
		})
	}
	fits.Go(func() { fitErrs[nf] = fitFinal(m, X, y, W, opts) })
	fits.Wait()
	if err := errors.Join(fitErrs...); err != nil {
		return nil, TrainSummary{}, err
	}
	cx, cy := FitIsotonicWeighted(p, y, W)
	conf := make([]float64, len(p))
	for i := range p {
		conf[i] = suggest.Calibrate(cx, cy, p[i])
	}
	if opts.Ceiling {
		ceil, gconf, err := fitCeiling(X, y, W, fold, nf, opts)
		if err != nil {
			return nil, TrainSummary{}, err
		}
		for i := range conf {
			conf[i] = min(conf[i], gconf[i])
		}
		ceil.LesserX, ceil.LesserY = FitIsotonicWeighted(conf, y, W)
		for i := range conf {
			conf[i] = suggest.Calibrate(ceil.LesserX, ceil.LesserY, conf[i])
		}
		m.Ceiling = ceil
	}
	thr, f1 := bestThreshold(conf, y, W, gold)
	finalWG.Wait()
	mined := mines[nf]
	m.CalibX, m.CalibY, m.Threshold = cx, cy, thr
	m.Priors, m.Learned, m.TermDF, m.CategoryTop, m.Cooc = mined.Priors, mined.Learned, mined.TermDF, mined.CategoryTop, mined.Cooc
	m.Trained = fmt.Sprintf("%d cases, cross-fitted in %d folds, %s re-ranker, setting %s", len(cases), nf, rankerOr(opts.Ranker), settingOr(opts.Setting))
	pos := 0
	for _, v := range y {
		if v > 0 {
			pos++
		}
	}
	sum := TrainSummary{Cases: len(cases), Rows: len(X), Positives: pos, Learned: len(mined.Learned), Threshold: thr, TrainF1: f1,
		ElapsedSec: time.Since(start).Seconds()}
	if labelled > 0 {
		sum.GoldFound = float64(found) / float64(labelled)
	}
	return m, sum, nil
}

func rankerOr(r string) string {
	if r == "" {
		return "gbdt"
	}
	return r
}

// fitRanker fits the chosen re-ranker and returns its probability function.
func fitRanker(X [][]float64, y, w []float64, opts TrainOptions) (func([]float64) float64, error) {
	var m suggest.Model
	if err := fitFinal(&m, X, y, w, opts); err != nil {
		return nil, err
	}
	return func(x []float64) float64 {
		z := m.Bias
		for i := range m.Trees {
			z += m.Trees[i].Eval(x)
		}
		for i, w := range m.Weights {
			z += w * x[i]
		}
		return 1 / (1 + math.Exp(-z))
	}, nil
}

// fitFinal fits the re-ranker into m (Trees or Weights, and Bias); w
// weighs the rows of the boosted trees.
func fitFinal(m *suggest.Model, X [][]float64, y, w []float64, opts TrainOptions) error {
	switch rankerOr(opts.Ranker) {
	case "gbdt":
		b, trees, err := FitGBDTWeighted(X, y, w, opts.GBDT)
		if err != nil {
			return err
		}
		m.Bias, m.Trees, m.Weights = b, trees, nil
	case "logistic":
		w, b, err := FitLogistic(X, y, opts.Logistic)
		if err != nil {
			return err
		}
		m.Bias, m.Weights, m.Trees = b, w, nil
	default:
		return fmt.Errorf("eval: train: unknown ranker %q (want gbdt or logistic)", opts.Ranker)
	}
	return nil
}

func settingOr(s suggest.Setting) suggest.Setting {
	if s == "" {
		return suggest.Outpatient
	}
	return s
}

type caseRows struct {
	x     [][]float64
	y     []float64
	found int // gold codes among the candidates
	gold  int
}

// featureRows runs the engine over cases and labels every candidate: 1
// when it is a gold code or a gold code is its prefix (older, shorter gold
// codes such as R51 for R51.9). A case's undecided code prefixes (nil: none)
// leave out the rows of the codes they begin, gold aside.
func featureRows(ctx context.Context, eng *suggest.Engine, cases []Case, undecided [][]string, opts TrainOptions) ([]caseRows, error) {
	out := make([]caseRows, len(cases))
	errs := make([]error, len(cases))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := cases[i]
				res, err := eng.Suggest(ctx, suggest.Request{Text: c.Text, Systems: opts.Systems, Setting: opts.Setting, MaxResults: opts.Candidates, Features: true, Annotate: true})
				if err != nil {
					errs[i] = fmt.Errorf("eval: train: case %s: %w", c.ID, err)
					continue
				}
				var golds []string
				for _, g := range c.Gold {
					golds = append(golds, string(g.System)+"|"+corpus.NormalizeCode(g.System, g.Code))
				}
				hit := map[string]bool{}
				r := caseRows{gold: len(golds)}
				for _, s := range res.Suggestions {
					lab := 0.0
					for _, g := range golds {
						if g == s.System+"|"+s.Code || strings.HasPrefix(s.System+"|"+s.Code, g) {
							lab = 1
							hit[g] = true
						}
					}
					if lab == 0 && i < len(undecided) && slices.ContainsFunc(undecided[i], func(p string) bool { return strings.HasPrefix(s.Code, p) }) {
						continue
					}
					r.x = append(r.x, s.Features)
					r.y = append(r.y, lab)
				}
				r.found = len(hit)
				out[i] = r
			}
		}()
	}
	for i := range cases {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval: train: %w", err)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// bestThreshold picks the confidence threshold maximising micro-F1, where
// gold codes never proposed count as misses; w weighs the rows (nil: 1)
// and gold is the weighted count of gold codes.
func bestThreshold(conf, y, w []float64, gold float64) (float64, float64) {
	bestT, bestF := 0.5, -1.0
	for t := 0.05; t < 0.951; t += 0.01 {
		tp, fp := 0.0, 0.0
		for i, c := range conf {
			if c >= t {
				wt := 1.0
				if w != nil {
					wt = w[i]
				}
				tp += wt * y[i]
				fp += wt * (1 - y[i])
			}
		}
		if tp == 0 {
			continue
		}
		prec, rec := tp/(tp+fp), tp/max(gold, 1)
		f := 2 * prec * rec / (prec + rec)
		if f > bestF {
			bestT, bestF = t, f
		}
	}
	return float64(int(bestT*100+0.5)) / 100, max(bestF, 0)
}

// fitCeiling fits the Model's Ceiling: the re-ranker on the rows (weighed
// by w; nil: 1) with the suggest.CorpusFeatures at 0, calibrated on its
// out-of-fold predictions like the main one. It returns the ceiling and its out-of-fold calibrated
// confidences.
func fitCeiling(X [][]float64, y, w []float64, fold []int, nf int, opts TrainOptions) (*suggest.Ceiling, []float64, error) {
	if w == nil {
		w = make([]float64, len(X))
		for i := range w {
			w[i] = 1
		}
	}
	G := make([][]float64, len(X))
	for i, x := range X {
		G[i] = suggest.WithoutCorpus(nil, x, len(x))
	}
	p := make([]float64, len(G))
	for k := 0; k < nf; k++ {
		var tx [][]float64
		var ty, tw []float64
		for i := range G {
			if fold[i] != k {
				tx, ty, tw = append(tx, G[i]), append(ty, y[i]), append(tw, w[i])
			}
		}
		b, trees, err := FitGBDTWeighted(tx, ty, tw, opts.GBDT)
		if err != nil {
			return nil, nil, err
		}
		for i := range G {
			if fold[i] == k {
				p[i] = gbdtProb(b, trees, G[i])
			}
		}
	}
	b, trees, err := FitGBDTWeighted(G, y, w, opts.GBDT)
	if err != nil {
		return nil, nil, err
	}
	cx, cy := FitIsotonicWeighted(p, y, w)
	conf := make([]float64, len(p))
	for i := range p {
		conf[i] = suggest.Calibrate(cx, cy, p[i])
	}
	return &suggest.Ceiling{Bias: b, Trees: trees, CalibX: cx, CalibY: cy}, conf, nil
}

// gbdtProb is the probability boosted trees give row x.
func gbdtProb(bias float64, trees []suggest.Tree, x []float64) float64 {
	z := bias
	for i := range trees {
		z += trees[i].Eval(x)
	}
	return 1 / (1 + math.Exp(-z))
}
