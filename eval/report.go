package eval

import "medcode/suggest"

// Report is the result of Run. JSON keys are lowerCamelCase; every list has
// a total order so that two runs of the same engine give the same bytes
// (apart from latencies).
type Report struct {
	Cases       int      `json:"cases"`       // cases run
	ScoredCases int      `json:"scoredCases"` // cases with at least one gold code in Systems
	Gold        int      `json:"gold"`        // gold codes scored
	Systems     []string `json:"systems"`
	Setting     string   `json:"setting"`
	Threshold   float64  `json:"threshold"` // decision threshold on confidence

	MAP         float64            `json:"map"`
	MRR         float64            `json:"mrr"`
	Micro       PRF                `json:"micro"`
	Macro       PRF                `json:"macro"`
	PrecisionAt map[string]float64 `json:"precisionAt"` // "1","5","10","15","20"
	RecallAt    map[string]float64 `json:"recallAt"`
	// Rank1 is the fraction of the Rank1Cases (scored cases with exactly
	// one gold code) whose first prediction is that code.
	Rank1      float64 `json:"rank1"`
	Rank1Cases int     `json:"rank1Cases"`
	// Topics break the ranking down by Case.Topic (cases without a topic
	// are left out), sorted by topic.
	Topics []TopicResult `json:"topics,omitempty"`

	Parent   Level `json:"parent"`   // gold code equals or is a prefix of the prediction
	Category Level `json:"category"` // same 3-character category

	ECE float64 `json:"ece"`
	// ECEMade is the ECE of the suggestions made (confidence ≥ Threshold)
	// alone: how far the confidence shown to a coder is from the share
	// that is right, whatever the length of the ranked lists.
	ECEMade             float64         `json:"eceMade"`
	Brier               float64         `json:"brier"`
	Reliability         []Bin           `json:"reliability"`
	ConfidenceHistogram []HistogramBin  `json:"confidenceHistogram"`
	ThresholdSweep      []SweepPoint    `json:"thresholdSweep"`
	Chapters            []ChapterResult `json:"chapters"`
	LatencyMs           Latency         `json:"latencyMs"`
	CI                  Intervals       `json:"ci"`

	// Results are the per-case results, in input order.
	Results []CaseResult `json:"results"`
}

// TopicResult is the ranking metrics of the cases of one topic.
type TopicResult struct {
	Topic      string  `json:"topic"`
	Cases      int     `json:"cases"` // scored cases
	MAP        float64 `json:"map"`
	MRR        float64 `json:"mrr"`
	P1         float64 `json:"p1"`         // first prediction is a gold code
	Rank1      float64 `json:"rank1"`      // as Report.Rank1
	Rank1Cases int     `json:"rank1Cases"` // single-code cases
}

// PRF is precision, recall and F1 with the counts behind them (micro) or
// the number of labels averaged (macro).
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp,omitempty"`
	FP        int     `json:"fp,omitempty"`
	FN        int     `json:"fn,omitempty"`
	Labels    int     `json:"labels,omitempty"` // macro: codes averaged over
}

// Level is the headline metrics at a relaxed match level.
type Level struct {
	MAP   float64 `json:"map"`
	MRR   float64 `json:"mrr"`
	Micro PRF     `json:"micro"`
}

// HistogramBin counts predictions by confidence: Hits were correct (exact
// match), Misses were not.
type HistogramBin struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Hits   int     `json:"hits"`
	Misses int     `json:"misses"`
}

// SweepPoint is micro precision/recall/F1 at one decision threshold.
type SweepPoint struct {
	Threshold float64 `json:"threshold"`
	Predicted int     `json:"predicted"` // predictions at or above the threshold
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// ChapterResult is exact-match precision/recall/F1 for the gold codes and
// predictions of one ICD-10-CM chapter (or one other system).
type ChapterResult struct {
	Chapter   string  `json:"chapter"` // "ICD-10-CM 4", "CPT"
	Title     string  `json:"title"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	TP        int     `json:"tp"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Latency holds per-case latency percentiles in milliseconds.
type Latency struct {
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
	P99  float64 `json:"p99"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
}

// Intervals are 95% percentile-bootstrap confidence intervals.
type Intervals struct {
	Resamples int        `json:"resamples"`
	MAP       [2]float64 `json:"map"`
	MicroF1   [2]float64 `json:"microF1"`
}

// CaseResult is one case's scores, kept so that reports can be compared case
// by case.
type CaseResult struct {
	ID        string  `json:"id"`
	Topic     string  `json:"topic,omitempty"`
	Gold      int     `json:"gold"` // gold codes scored
	AP        float64 `json:"ap"`
	RR        float64 `json:"rr"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	ParentAP  float64 `json:"parentAp"`
	CatAP     float64 `json:"categoryAp"`
	LatencyMs float64 `json:"latencyMs"`
	// Hits, Misses and FalsePositives are exact-match codes at the
	// decision threshold ("ICD-10-CM|R51.9"), sorted.
	Hits           []string `json:"hits"`
	Misses         []string `json:"misses"`
	FalsePositives []string `json:"falsePositives"`
	// Predictions is the de-duplicated ranked list in the scored systems.
	Predictions []Prediction `json:"predictions"`

	// Text, GoldCodes, Suggestions and Rejected feed the per-case analyst files;
	// they are not part of the JSON (note text is PHI).
	Text        string               `json:"-"`
	GoldCodes   []Gold               `json:"-"`
	Suggestions []suggest.Suggestion `json:"-"`
	Rejected    []suggest.Rejection  `json:"-"`
}

// Prediction is one ranked, de-duplicated suggestion.
type Prediction struct {
	Rank       int     `json:"rank"` // 1-based, after de-duplication
	System     string  `json:"system"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
	Hit        bool    `json:"hit"`                 // exact match of a gold code
	ParentHit  bool    `json:"parentHit,omitempty"` // a gold code is a prefix
}
