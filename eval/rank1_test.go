package eval

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestRunRank1RecallAt15Topics checks rank-1 accuracy (single-code cases
// only), R@15 and the per-topic breakdown on hand-computed cases.
func TestRunRank1RecallAt15Topics(t *testing.T) {
	icd := func(codes ...string) []Gold {
		var g []Gold
		for _, c := range codes {
			g = append(g, Gold{System: corpus.ICD10CM, Code: c})
		}
		return g
	}
	cases := []Case{
		{ID: "s1", Text: "one", Topic: "t1", Gold: icd("E10.9")},
		{ID: "s2", Text: "two", Topic: "t1", Gold: icd("F33.1")},
		{ID: "m", Text: "three", Topic: "t2", Gold: icd("E11.22", "N18.31")},
		{ID: "none", Text: "four", Gold: icd("I10")}, // no topic, nothing suggested
	}
	f := &fakeSuggester{answers: map[string][]suggest.Suggestion{
		"one":   {sg("one", "E10.9", 0.9, ""), sg("one", "E11.9", 0.6, "")},
		"three": {sg("three", "N18.31", 0.9, ""), sg("three", "I10", 0.5, ""), sg("three", "E11.22", 0.4, "")},
	}}
	// s2: F33.1 at rank 12 behind eleven wrong codes.
	for i := range 11 {
		f.answers["two"] = append(f.answers["two"], sg("two", fmt.Sprintf("R%02d.9", i), 0.9-float64(i)/20, ""))
	}
	f.answers["two"] = append(f.answers["two"], sg("two", "F33.1", 0.3, ""))

	r, err := Run(context.Background(), f, cases, Options{Threshold: 0.5, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want float64
	}{
		// Single-code cases s1 (hit), s2 (miss), none (miss); m is not one.
		{"rank1", r.Rank1, 1.0 / 3},
		{"rank1Cases", float64(r.Rank1Cases), 3},
		{"p@1", r.PrecisionAt["1"], 2.0 / 4},
		// R@10: s1 1, s2 0, m 1, none 0; R@15 adds s2.
		{"r@10", r.RecallAt["10"], 2.0 / 4},
		{"r@15", r.RecallAt["15"], 3.0 / 4},
		{"p@15", r.PrecisionAt["15"], (1 + 1 + 2) / 15.0 / 4},
		// At 0.5: hits E10.9, N18.31; false positives E11.9, I10 and
		// s2's R00.9..R08.9 (0.9 down to 0.5).
		{"precision at threshold", r.Micro.Precision, 2.0 / 13},
	}
	for _, c := range checks {
		if !near(c.got, c.want, 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	want := []TopicResult{
		{Topic: "t1", Cases: 2, MAP: (1 + 1.0/12) / 2, MRR: (1 + 1.0/12) / 2, P1: 0.5, Rank1: 0.5, Rank1Cases: 2},
		{Topic: "t2", Cases: 1, MAP: (1 + 2.0/3) / 2, MRR: 1, P1: 1, Rank1: 0, Rank1Cases: 0},
	}
	if len(r.Topics) != len(want) {
		t.Fatalf("topics = %+v", r.Topics)
	}
	for i := range want {
		g, w := r.Topics[i], want[i]
		if g.Topic != w.Topic || g.Cases != w.Cases || g.Rank1Cases != w.Rank1Cases ||
			!near(g.MAP, w.MAP, 1e-12) || !near(g.MRR, w.MRR, 1e-12) || !near(g.P1, w.P1, 1e-12) || !near(g.Rank1, w.Rank1, 1e-12) {
			t.Errorf("topic %d = %+v, want %+v", i, g, w)
		}
	}
	if r.Results[0].Topic != "t1" || r.Results[3].Topic != "" {
		t.Errorf("case topics %q %q", r.Results[0].Topic, r.Results[3].Topic)
	}

	md := string(markdownReport(r, nil))
	if !strings.Contains(md, "## Topics") || !strings.Contains(md, "| t1 | 2 | 0.5417 | 0.5417 | 0.5000 | 0.5000 | 2 |") {
		t.Errorf("report.md lacks the topics table:\n%s", md)
	}

	// A report read back from JSON (no gold codes, no text) aggregates to
	// the same rank-1 and topics.
	back := &Report{Results: append([]CaseResult(nil), r.Results...)}
	for i := range back.Results {
		back.Results[i].GoldCodes = nil
	}
	aggregate(back, 0.5)
	if back.Rank1 != r.Rank1 || back.Rank1Cases != r.Rank1Cases || !reflect.DeepEqual(back.Topics, r.Topics) {
		t.Errorf("re-aggregated rank1 %v/%d topics %+v", back.Rank1, back.Rank1Cases, back.Topics)
	}
}
