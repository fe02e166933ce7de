package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"text/tabwriter"
)

// CompareOptions configure CompareWith. The zero value works.
type CompareOptions struct {
	Resamples int    // paired bootstrap resamples; 0 means 1000
	Seed      uint64 // the same seed gives the same p-values
}

// Comparison is report B measured against report A.
type Comparison struct {
	Shared  int           `json:"shared"` // cases in both reports (by id)
	OnlyA   int           `json:"onlyA"`
	OnlyB   int           `json:"onlyB"`
	Metrics []MetricDelta `json:"metrics"` // whole-report values
	MAP     PairedTest    `json:"map"`     // over the shared cases
	MicroF1 PairedTest    `json:"microF1"` // over the shared cases
}

// MetricDelta is one metric of both reports and B − A.
type MetricDelta struct {
	Name  string  `json:"name"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
	Delta float64 `json:"delta"`
}

// PairedTest is a paired bootstrap test of B − A over shared cases.
type PairedTest struct {
	A         float64 `json:"a"`
	B         float64 `json:"b"`
	Delta     float64 `json:"delta"`
	PValue    float64 `json:"pValue"`
	Resamples int     `json:"resamples"`
}

// Compare is CompareWith default options.
func Compare(a, b *Report) Comparison { return CompareWith(a, b, CompareOptions{}) }

// CompareWith compares two reports. The p-values are two-sided paired
// bootstrap tests over the cases both reports scored: resample the shared
// cases with replacement R times, recompute δ* = metric(B) − metric(A) on
// each resample, and
//
//	p = (1 + #{ |δ* − δ| ≥ |δ| }) / (R + 1)
//
// where δ is the observed difference (the bootstrap distribution shifted to
// the null of no difference).
func CompareWith(a, b *Report, opts CompareOptions) Comparison {
	if opts.Resamples <= 0 {
		opts.Resamples = DefaultResamples
	}
	var c Comparison
	add := func(name string, x, y float64) {
		c.Metrics = append(c.Metrics, MetricDelta{Name: name, A: x, B: y, Delta: y - x})
	}
	add("map", a.MAP, b.MAP)
	add("mrr", a.MRR, b.MRR)
	add("micro.precision", a.Micro.Precision, b.Micro.Precision)
	add("micro.recall", a.Micro.Recall, b.Micro.Recall)
	add("micro.f1", a.Micro.F1, b.Micro.F1)
	add("macro.f1", a.Macro.F1, b.Macro.F1)
	add("rank1", a.Rank1, b.Rank1)
	for _, k := range ks {
		s := fmt.Sprint(k)
		add("p@"+s, a.PrecisionAt[s], b.PrecisionAt[s])
		add("r@"+s, a.RecallAt[s], b.RecallAt[s])
	}
	add("parent.map", a.Parent.MAP, b.Parent.MAP)
	add("parent.micro.f1", a.Parent.Micro.F1, b.Parent.Micro.F1)
	add("category.map", a.Category.MAP, b.Category.MAP)
	add("category.micro.f1", a.Category.Micro.F1, b.Category.Micro.F1)
	add("ece", a.ECE, b.ECE)
	add("ece.made", a.ECEMade, b.ECEMade)
	add("brier", a.Brier, b.Brier)
	add("latency.p50", a.LatencyMs.P50, b.LatencyMs.P50)
	add("latency.p95", a.LatencyMs.P95, b.LatencyMs.P95)

	// Pair the cases by id, in A's order.
	idx := make(map[string]int, len(b.Results))
	for i, r := range b.Results {
		idx[r.ID] = i
	}
	var pa, pb []*CaseResult
	for i := range a.Results {
		if j, ok := idx[a.Results[i].ID]; ok {
			pa = append(pa, &a.Results[i])
			pb = append(pb, &b.Results[j])
		}
	}
	c.Shared = len(pa)
	c.OnlyA = len(a.Results) - c.Shared
	c.OnlyB = len(b.Results) - c.Shared
	if c.Shared == 0 {
		return c
	}
	all := make([]int, c.Shared)
	for i := range all {
		all[i] = i
	}
	mapA, mapB := meanAP(pa, all), meanAP(pb, all)
	f1A, f1B := microF1(pa, all), microF1(pb, all)
	dMAP, dF1 := mapB-mapA, f1B-f1A

	rng := rand.New(rand.NewPCG(opts.Seed, 0x636f6d70617265)) // "compare"
	sample := make([]int, c.Shared)
	var extremeMAP, extremeF1 int
	for r := 0; r < opts.Resamples; r++ {
		for i := range sample {
			sample[i] = rng.IntN(c.Shared)
		}
		if d := meanAP(pb, sample) - meanAP(pa, sample); math.Abs(d-dMAP) >= math.Abs(dMAP) {
			extremeMAP++
		}
		if d := microF1(pb, sample) - microF1(pa, sample); math.Abs(d-dF1) >= math.Abs(dF1) {
			extremeF1++
		}
	}
	p := func(k int) float64 { return float64(1+k) / float64(opts.Resamples+1) }
	c.MAP = PairedTest{A: mapA, B: mapB, Delta: dMAP, PValue: p(extremeMAP), Resamples: opts.Resamples}
	c.MicroF1 = PairedTest{A: f1A, B: f1B, Delta: dF1, PValue: p(extremeF1), Resamples: opts.Resamples}
	return c
}

// meanAP is the mean AP of the sampled cases that have gold codes.
func meanAP(rs []*CaseResult, sample []int) float64 {
	s, n := 0.0, 0
	for _, i := range sample {
		if rs[i].Gold > 0 {
			s += rs[i].AP
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}

// microF1 is the F1 of the summed counts of the sampled cases.
func microF1(rs []*CaseResult, sample []int) float64 {
	var tp, fp, fn int
	for _, i := range sample {
		tp += rs[i].TP
		fp += rs[i].FP
		fn += rs[i].FN
	}
	return f1(tp, fp, fn)
}

// WriteComparison prints c as a readable table.
func WriteComparison(w io.Writer, c Comparison) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "metric\tA\tB\tB−A\t\n")
	for _, m := range c.Metrics {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%+.4f\t\n", m.Name, m.A, m.B, m.Delta)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval: write comparison: %w", err)
	}
	fmt.Fprintf(w, "\nshared cases: %d (only in A: %d, only in B: %d)\n", c.Shared, c.OnlyA, c.OnlyB)
	if c.Shared > 0 {
		fmt.Fprintf(w, "paired bootstrap (%d resamples) on shared cases:\n", c.MAP.Resamples)
		fmt.Fprintf(w, "  MAP      %.4f -> %.4f  (%+.4f)  p = %.4f\n", c.MAP.A, c.MAP.B, c.MAP.Delta, c.MAP.PValue)
		fmt.Fprintf(w, "  micro-F1 %.4f -> %.4f  (%+.4f)  p = %.4f\n", c.MicroF1.A, c.MicroF1.B, c.MicroF1.Delta, c.MicroF1.PValue)
	}
	return nil
}

// ReadReport reads a report.json written by WriteReport (or `medcode eval
// --json`).
func ReadReport(path string) (*Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: read report: %w", err)
	}
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("eval: report %s: %w", path, err)
	}
	return &r, nil
}
