package eval

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestRunHandComputed(t *testing.T) {
	cases, f := fixture()
	r, err := Run(context.Background(), f, cases, Options{Threshold: 0.5, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Case a: exact ranked list R51.9 E11.9 J45.909 I10 against {R51 E11.9
	// I10}: AP = (1/2 + 2/4)/3 = 1/3, RR = 1/2; at 0.5: tp 1, fp 2, fn 2.
	// Case b: S22.41XA Z00.00 against {S22.49XA}: AP 0; tp 0, fp 1, fn 1.
	// Case c: no gold (PCS only): not ranked; I10 at 0.9 is fp 1.
	checks := []struct {
		name      string
		got, want float64
	}{
		{"map", r.MAP, 1.0 / 6},
		{"mrr", r.MRR, 0.25},
		{"micro.p", r.Micro.Precision, 0.2},
		{"micro.r", r.Micro.Recall, 0.25},
		{"micro.f1", r.Micro.F1, 2 * 0.2 * 0.25 / 0.45},
		{"p@1", r.PrecisionAt["1"], 0},
		{"p@5", r.PrecisionAt["5"], 0.2},
		{"r@5", r.RecallAt["5"], 1.0 / 3},
		{"p@10", r.PrecisionAt["10"], 0.1},
		{"r@20", r.RecallAt["20"], 1.0 / 3},
		// Parent: R51.9 counts for R51. a: AP = (1+1+3/4)/3 = 11/12,
		// tp 2 fp 1 fn 1; b: AP 0, fp 1, fn 1; c: fp 1.
		{"parent.map", r.Parent.MAP, 11.0 / 24},
		{"parent.p", r.Parent.Micro.Precision, 0.4},
		{"parent.r", r.Parent.Micro.Recall, 0.5},
		// Category: b's S22.41XA shares S22 with S22.49XA: AP 1, tp 1.
		{"category.map", r.Category.MAP, 23.0 / 24},
		{"category.p", r.Category.Micro.Precision, 0.6},
		{"category.r", r.Category.Micro.Recall, 0.75},
		// Macro over 7 codes; only E11.9 scores (P=R=F1=1).
		{"macro.p", r.Macro.Precision, 1.0 / 7},
		{"macro.r", r.Macro.Recall, 1.0 / 7},
		{"macro.f1", r.Macro.F1, 1.0 / 7},
		{"macro.labels", float64(r.Macro.Labels), 7},
		// Seven de-duplicated predictions (conf, hit): .9/0 .8/1 .6/0 .4/1
		// .7/0 .2/0 .9/0.
		{"brier", r.Brier, 2.91 / 7},
		{"ece", r.ECE, 4.1 / 7},
		// Made at 0.5: .9/0 .8/1 .6/0 .7/0 .9/0, each bin's gap |p − y|.
		{"eceMade", r.ECEMade, (0.9 + 0.2 + 0.6 + 0.7 + 0.9) / 5},
		{"scored", float64(r.ScoredCases), 2},
		{"gold", float64(r.Gold), 4},
	}
	for _, c := range checks {
		if !near(c.got, c.want, 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	a := r.Results[0]
	if !reflect.DeepEqual(a.Hits, []string{"ICD-10-CM|E11.9"}) ||
		!reflect.DeepEqual(a.Misses, []string{"ICD-10-CM|I10", "ICD-10-CM|R51"}) ||
		!reflect.DeepEqual(a.FalsePositives, []string{"ICD-10-CM|J45.909", "ICD-10-CM|R51.9"}) {
		t.Errorf("case a hits/misses/fps = %v %v %v", a.Hits, a.Misses, a.FalsePositives)
	}
	if len(a.Predictions) != 4 || !a.Predictions[0].ParentHit || a.Predictions[0].Hit {
		t.Errorf("case a predictions = %+v", a.Predictions)
	}
	// Sweep: at 0.05 all 7 predictions, 2 hits of 4 gold; at 0.5 = micro.
	sw := r.ThresholdSweep
	if len(sw) != 19 || sw[0].Threshold != 0.05 || sw[18].Threshold != 0.95 {
		t.Fatalf("sweep thresholds %+v", sw)
	}
	if sw[0].Predicted != 7 || !near(sw[0].Precision, 2.0/7, 1e-12) || !near(sw[0].Recall, 0.5, 1e-12) {
		t.Errorf("sweep@0.05 = %+v", sw[0])
	}
	if sw[9].Threshold != 0.5 || sw[9].Predicted != 5 || !near(sw[9].F1, r.Micro.F1, 1e-12) {
		t.Errorf("sweep@0.5 = %+v", sw[9])
	}
	wantCh := map[string][3]int{ // gold, predicted, tp
		"ICD-10-CM 4": {1, 1, 1}, "ICD-10-CM 9": {1, 1, 0}, "ICD-10-CM 10": {0, 1, 0},
		"ICD-10-CM 18": {1, 1, 0}, "ICD-10-CM 19": {1, 1, 0},
	}
	var order []string
	for _, c := range r.Chapters {
		order = append(order, c.Chapter)
		if w, ok := wantCh[c.Chapter]; !ok || w != [3]int{c.Gold, c.Predicted, c.TP} {
			t.Errorf("chapter %s = %+v", c.Chapter, c)
		}
	}
	if strings.Join(order, ",") != "ICD-10-CM 4,ICD-10-CM 9,ICD-10-CM 10,ICD-10-CM 18,ICD-10-CM 19" {
		t.Errorf("chapter order %v", order)
	}
	if r.CI.Resamples != DefaultResamples || r.CI.MAP[0] > r.CI.MAP[1] || r.CI.MicroF1[0] > r.CI.MicroF1[1] ||
		r.CI.MAP[0] < 0 || r.CI.MAP[1] > 1 {
		t.Errorf("ci = %+v", r.CI)
	}
	if len(r.Systems) != 1 || r.Systems[0] != "ICD-10-CM" || r.Setting != "outpatient" {
		t.Errorf("systems %v setting %q", r.Systems, r.Setting)
	}
}

func TestRunDeterministic(t *testing.T) {
	cases, f := fixture()
	r1, err := Run(context.Background(), f, cases, Options{Workers: 3, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	r2, _ := Run(context.Background(), f, cases, Options{Workers: 1, Seed: 7})
	stripLatency(r1)
	stripLatency(r2)
	if !reflect.DeepEqual(r1, r2) {
		t.Error("two runs differ")
	}
	if r1.Threshold != DefaultThreshold {
		t.Errorf("threshold = %v, want default", r1.Threshold)
	}
}

type thresholdFake struct{ *fakeSuggester }

func (thresholdFake) DecisionThreshold() float64 { return 0.35 }

func TestRunThresholdFromSuggester(t *testing.T) {
	cases, f := fixture()
	r, err := Run(context.Background(), thresholdFake{f}, cases, Options{Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Threshold != 0.35 || r.Micro.TP != 2 || r.CI.Resamples != 0 {
		t.Errorf("threshold %v tp %d ci %+v", r.Threshold, r.Micro.TP, r.CI)
	}
}

func TestRunErrors(t *testing.T) {
	cases, f := fixture()
	f.fail = noteB
	_, err := Run(context.Background(), f, cases, Options{})
	if err == nil || !strings.Contains(err.Error(), `case "b"`) {
		t.Errorf("err = %v, want one naming case b", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cases, f = fixture()
	if _, err := Run(ctx, f, cases, Options{}); err == nil {
		t.Error("cancelled run: no error")
	}
}

func stripLatency(r *Report) {
	r.LatencyMs = Latency{}
	for i := range r.Results {
		r.Results[i].LatencyMs = 0
	}
}
