package eval

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"medcode/corpus"
	"medcode/suggest"
)

// Options configure Run. The zero value works.
type Options struct {
	// Systems to request and score; empty means every system that occurs
	// in the cases' gold codes (all systems when there is none).
	Systems []corpus.System
	// Setting is passed to the engine ("" = outpatient).
	Setting suggest.Setting
	// Threshold is the decision threshold on confidence for P/R/F1; 0
	// means the suggester's own (when it has a DecisionThreshold() float64
	// method returning > 0), else 0.5.
	Threshold float64
	// MaxResults is the length of each ranked list asked for; 0 means the
	// engine's default.
	MaxResults int
	// Progress receives a progress bar once a run has taken over a second;
	// nil means none.
	Progress io.Writer
	// Bootstrap is the number of resamples for confidence intervals; 0
	// means 1000, negative means none.
	Bootstrap int
	// Seed seeds the bootstrap; the same seed gives the same intervals.
	Seed uint64
	// Workers bounds concurrent Suggest calls; 0 means GOMAXPROCS.
	Workers int
	// Annotate asks the engine for every documented concept, the way
	// annotation corpora such as CodiEsp label notes (suggest.Request).
	Annotate bool
}

// DefaultThreshold is the decision threshold when neither the options nor
// the suggester name one.
const DefaultThreshold = 0.5

// thresholder is implemented by suggesters that know their trained decision
// threshold.
type thresholder interface {
	DecisionThreshold() float64
}

type outcome struct {
	res     *suggest.Result
	latency time.Duration
}

// Run codes every case with s, concurrently, and scores the results. It
// fails on the first Suggest error, naming the case.
func Run(ctx context.Context, s suggest.Suggester, cases []Case, opts Options) (*Report, error) {
	systems := opts.Systems
	if len(systems) == 0 {
		systems = goldSystems(cases)
	}
	threshold := opts.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
		if t, ok := s.(thresholder); ok && t.DecisionThreshold() > 0 {
			threshold = t.DecisionThreshold()
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}

	outs := make([]outcome, len(cases))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
	)
	jobs := make(chan int)
	done := make(chan struct{}, len(cases))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				req := suggest.Request{
					Text:       cases[i].Text,
					Systems:    systems,
					Setting:    opts.Setting,
					MaxResults: opts.MaxResults,
					Annotate:   opts.Annotate,
				}
				start := time.Now()
				res, err := s.Suggest(ctx, req)
				lat := time.Since(start)
				if err == nil && res == nil {
					err = fmt.Errorf("no result")
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("eval: case %q: %w", cases[i].ID, err)
					}
					mu.Unlock()
					cancel()
					continue
				}
				outs[i] = outcome{res: res, latency: lat}
				done <- struct{}{}
			}
		}()
	}
	progDone := make(chan struct{})
	go func() {
		defer close(progDone)
		showProgress(opts.Progress, len(cases), done)
	}()
feed:
	for i := range cases {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	close(done)
	<-progDone
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval: run: %w", err)
	}

	r := &Report{
		Cases:     len(cases),
		Setting:   string(opts.Setting),
		Threshold: threshold,
	}
	if r.Setting == "" {
		r.Setting = string(suggest.Outpatient)
	}
	for _, sys := range systems {
		r.Systems = append(r.Systems, string(sys))
	}
	r.Results = make([]CaseResult, len(cases))
	for i := range cases {
		r.Results[i] = scoreCase(cases[i], outs[i], systems, threshold)
	}
	aggregate(r, threshold)
	intervals(r, opts.Bootstrap, opts.Seed)
	return r, nil
}

// showProgress draws a bar on w once a second has passed, counting one tick
// per value received on done.
func showProgress(w io.Writer, total int, done <-chan struct{}) {
	if w == nil {
		for range done {
		}
		return
	}
	start := time.Now()
	n := 0
	var bar *progressbar.ProgressBar
	for range done {
		n++
		if bar == nil && time.Since(start) > time.Second {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(w),
				progressbar.OptionSetDescription("eval"),
				progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true),
				progressbar.OptionClearOnFinish(),
			)
			_ = bar.Add(n)
			continue
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
}

// goldSystems returns the systems of the cases' gold codes in the fixed
// system order, or every system when there is no gold code.
func goldSystems(cases []Case) []corpus.System {
	seen := make(map[corpus.System]bool)
	for _, c := range cases {
		for _, g := range c.Gold {
			seen[g.System] = true
		}
	}
	var out []corpus.System
	for _, s := range corpus.AllSystems() {
		if seen[s] {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return corpus.AllSystems()
	}
	return out
}

// scoreCase scores one case's suggestions at the three match levels.
func scoreCase(c Case, o outcome, systems []corpus.System, threshold float64) CaseResult {
	want := make(map[corpus.System]bool, len(systems))
	for _, s := range systems {
		want[s] = true
	}
	cr := CaseResult{ID: c.ID, Topic: c.Topic, Text: c.Text, LatencyMs: ms(o.latency)}
	gold := make(map[string]bool)
	var goldKeys []string
	for _, g := range c.Gold {
		if want[g.System] {
			cr.GoldCodes = append(cr.GoldCodes, g)
			k := key(g.System, g.Code)
			if !gold[k] {
				gold[k] = true
				goldKeys = append(goldKeys, k)
			}
		}
	}
	var keys []string
	var conf []float64
	for _, sg := range o.res.Suggestions {
		sys, err := parseSystem(sg.System)
		if err != nil || !want[sys] {
			continue
		}
		cr.Suggestions = append(cr.Suggestions, sg)
		keys = append(keys, key(sys, corpus.NormalizeCode(sys, sg.Code)))
		conf = append(conf, sg.Confidence)
	}
	for _, rj := range o.res.Rejected {
		if sys, err := parseSystem(rj.System); err == nil && want[sys] {
			cr.Rejected = append(cr.Rejected, rj)
		}
	}
	exact := dedupe(keys, conf)
	es := score(gold, exact, threshold)
	cr.Gold, cr.AP, cr.RR, cr.TP, cr.FP, cr.FN = es.gold, es.ap, es.rr, es.tp, es.fp, es.fn

	pkeys := make([]string, len(exact.keys))
	for i, k := range exact.keys {
		pkeys[i] = parentKey(k, goldKeys)
	}
	cr.ParentAP = score(gold, dedupe(pkeys, exact.conf), threshold).ap

	cgold := make(map[string]bool)
	for k := range gold {
		cgold[categoryKey(k)] = true
	}
	ckeys := make([]string, len(exact.keys))
	for i, k := range exact.keys {
		ckeys[i] = categoryKey(k)
	}
	cr.CatAP = score(cgold, dedupe(ckeys, exact.conf), threshold).ap

	hit := make(map[string]bool)
	fp := make(map[string]bool)
	for i, k := range exact.keys {
		sys, code, _ := cutKey(k)
		cr.Predictions = append(cr.Predictions, Prediction{
			Rank: i + 1, System: sys, Code: code, Confidence: exact.conf[i],
			Hit: gold[k], ParentHit: pkeys[i] != k || gold[k],
		})
		if exact.conf[i] >= threshold {
			if gold[k] {
				hit[k] = true
			} else {
				fp[k] = true
			}
		}
	}
	miss := make(map[string]bool)
	for k := range gold {
		if !hit[k] {
			miss[k] = true
		}
	}
	cr.Hits, cr.Misses, cr.FalsePositives = sortedKeys(hit), sortedKeys(miss), sortedKeys(fp)
	return cr
}

// cutKey splits "ICD-10-CM|R51.9" into system and code.
func cutKey(k string) (sys, code string, ok bool) { return strings.Cut(k, "|") }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// levelCounts accumulates a match level over cases.
type levelCounts struct {
	scored     int
	ap, rr     float64
	tp, fp, fn int
}

func (l *levelCounts) add(s caseScore) {
	if s.gold > 0 {
		l.scored++
		l.ap += s.ap
		l.rr += s.rr
	}
	l.tp += s.tp
	l.fp += s.fp
	l.fn += s.fn
}

func (l *levelCounts) level() Level {
	v := Level{Micro: prf(l.tp, l.fp, l.fn)}
	if l.scored > 0 {
		v.MAP = l.ap / float64(l.scored)
		v.MRR = l.rr / float64(l.scored)
	}
	return v
}

// aggregate fills the report's summary metrics from its per-case results.
func aggregate(r *Report, threshold float64) {
	var exact, parent, category levelCounts
	var rank1 rank1Counts
	topics := make(map[string]*topicCounts)
	var hitsAt [len(ks)]float64
	var recallAt [len(ks)]float64
	type labelCounts struct{ tp, fp, fn int }
	labels := make(map[string]*labelCounts)
	label := func(k string) *labelCounts {
		l := labels[k]
		if l == nil {
			l = &labelCounts{}
			labels[k] = l
		}
		return l
	}
	type chapCounts struct {
		title               string
		gold, predicted, tp int
	}
	chapters := make(map[string]*chapCounts)
	chap := func(k string) *chapCounts {
		sys, code, _ := cutKey(k)
		id, title := chapterOf(corpus.System(sys), code)
		c := chapters[id]
		if c == nil {
			c = &chapCounts{title: title}
			chapters[id] = c
		}
		return c
	}
	var confs, outcomes []float64
	var madeConfs, madeOutcomes []float64
	sweep := make([]SweepPoint, 19)
	sweepTP := make([]int, 19)
	for i := range sweep {
		sweep[i].Threshold = float64(i+1) * 0.05
	}
	var lat []float64
	for i := range r.Results {
		cr := &r.Results[i]
		lat = append(lat, cr.LatencyMs)
		r.Gold += cr.Gold
		gold := make(map[string]bool)
		var goldKeys []string
		for _, g := range cr.GoldCodes {
			k := key(g.System, g.Code)
			if !gold[k] {
				gold[k] = true
				goldKeys = append(goldKeys, k)
			}
		}
		if len(cr.GoldCodes) == 0 {
			// A report read back from JSON has no gold codes: rebuild
			// the gold set from hits and misses.
			for _, k := range append(append([]string(nil), cr.Hits...), cr.Misses...) {
				if !gold[k] {
					gold[k] = true
					goldKeys = append(goldKeys, k)
				}
			}
		}
		var keys []string
		var conf []float64
		for _, p := range cr.Predictions {
			keys = append(keys, p.System+"|"+p.Code)
			conf = append(conf, p.Confidence)
		}
		ex := ranked{keys: keys, conf: conf}
		es := score(gold, ex, threshold)
		exact.add(es)
		rank1.add(es, gold, keys)
		if cr.Topic != "" {
			tc := topics[cr.Topic]
			if tc == nil {
				tc = &topicCounts{}
				topics[cr.Topic] = tc
			}
			tc.add(es, gold, keys)
		}
		if es.gold > 0 {
			for j, k := range ks {
				hitsAt[j] += float64(es.hitsAt[j]) / float64(k)
				recallAt[j] += float64(es.hitsAt[j]) / float64(es.gold)
			}
		}
		pk := make([]string, len(keys))
		for j, k := range keys {
			pk[j] = parentKey(k, goldKeys)
		}
		parent.add(score(gold, dedupe(pk, conf), threshold))
		cgold := make(map[string]bool)
		for k := range gold {
			cgold[categoryKey(k)] = true
		}
		ck := make([]string, len(keys))
		for j, k := range keys {
			ck[j] = categoryKey(k)
		}
		category.add(score(cgold, dedupe(ck, conf), threshold))

		for k := range gold {
			chap(k).gold++
		}
		for j, k := range keys {
			rel := gold[k]
			y := 0.0
			if rel {
				y = 1
			}
			confs = append(confs, conf[j])
			outcomes = append(outcomes, y)
			for t := range sweep {
				if conf[j] >= sweep[t].Threshold {
					sweep[t].Predicted++
					if rel {
						sweepTP[t]++
					}
				}
			}
			if conf[j] >= threshold {
				madeConfs = append(madeConfs, conf[j])
				madeOutcomes = append(madeOutcomes, y)
				c := chap(k)
				c.predicted++
				if rel {
					c.tp++
					label(k).tp++
				} else {
					label(k).fp++
				}
			}
		}
		for _, k := range cr.Misses {
			label(k).fn++
		}
	}
	ev := exact.level()
	r.MAP, r.MRR, r.Micro = ev.MAP, ev.MRR, ev.Micro
	r.Parent, r.Category = parent.level(), category.level()
	r.ScoredCases = exact.scored
	r.Rank1, r.Rank1Cases = rank1.rate(), rank1.single
	r.Topics = topicResults(topics)
	r.PrecisionAt = make(map[string]float64, len(ks))
	r.RecallAt = make(map[string]float64, len(ks))
	for j, k := range ks {
		p, rc := 0.0, 0.0
		if exact.scored > 0 {
			p = hitsAt[j] / float64(exact.scored)
			rc = recallAt[j] / float64(exact.scored)
		}
		r.PrecisionAt[strconv.Itoa(k)] = p
		r.RecallAt[strconv.Itoa(k)] = rc
	}

	// Macro: the mean over codes (every code gold or predicted at the
	// threshold) of each code's precision, recall and F1.
	var mp, mr, mf float64
	for _, l := range labels {
		v := prf(l.tp, l.fp, l.fn)
		mp += v.Precision
		mr += v.Recall
		mf += v.F1
	}
	if n := len(labels); n > 0 {
		r.Macro = PRF{Precision: mp / float64(n), Recall: mr / float64(n), F1: mf / float64(n), Labels: n}
	}

	for t := range sweep {
		v := prf(sweepTP[t], sweep[t].Predicted-sweepTP[t], r.Gold-sweepTP[t])
		sweep[t].Precision, sweep[t].Recall, sweep[t].F1 = v.Precision, v.Recall, v.F1
		sweep[t].Threshold = float64(int(sweep[t].Threshold*100+0.5)) / 100
	}
	r.ThresholdSweep = sweep

	r.ECE = ECE(confs, outcomes, 10)
	r.ECEMade = ECE(madeConfs, madeOutcomes, 10)
	r.Brier = Brier(confs, outcomes)
	r.Reliability = Reliability(confs, outcomes, 10)
	r.ConfidenceHistogram = histogram(confs, outcomes, 20)

	r.Chapters = r.Chapters[:0]
	for id, c := range chapters {
		v := prf(c.tp, c.predicted-c.tp, c.gold-c.tp)
		r.Chapters = append(r.Chapters, ChapterResult{
			Chapter: id, Title: c.title, Gold: c.gold, Predicted: c.predicted, TP: c.tp,
			Precision: v.Precision, Recall: v.Recall, F1: v.F1,
		})
	}
	sort.Slice(r.Chapters, func(i, j int) bool {
		a, b := chapterOrder(r.Chapters[i].Chapter), chapterOrder(r.Chapters[j].Chapter)
		if a != b {
			return a < b
		}
		return r.Chapters[i].Chapter < r.Chapters[j].Chapter
	})

	sort.Float64s(lat)
	r.LatencyMs = Latency{P50: percentile(lat, 0.5), P95: percentile(lat, 0.95), P99: percentile(lat, 0.99)}
	if len(lat) > 0 {
		s := 0.0
		for _, v := range lat {
			s += v
		}
		r.LatencyMs.Max = lat[len(lat)-1]
		r.LatencyMs.Mean = s / float64(len(lat))
	}
}

// histogram counts predictions in bins equal-width confidence bins.
func histogram(p, y []float64, bins int) []HistogramBin {
	out := make([]HistogramBin, bins)
	for i := range out {
		out[i].Lo = float64(i) / float64(bins)
		out[i].Hi = float64(i+1) / float64(bins)
	}
	for i := range p {
		c := min(max(p[i], 0), 1)
		k := min(int(c*float64(bins)), bins-1)
		if y[i] == 1 {
			out[k].Hits++
		} else {
			out[k].Misses++
		}
	}
	return out
}
