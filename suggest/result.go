package suggest

import (
	"time"

	"medcode/corpus"
)

// Setting is the care setting, which changes the coding rules.
type Setting string

// Settings. The zero value means Outpatient.
const (
	Outpatient Setting = "outpatient"
	Inpatient  Setting = "inpatient"
)

// Request is one note to code.
type Request struct {
	Text          string
	Systems       []corpus.System // empty: every system the engine has
	Setting       Setting         // "": outpatient
	MaxResults    int             // 0: 50
	MinConfidence float64         // suggestions below are dropped
	DateOfService time.Time       // picks the ICD-10-CM release; zero: today
	Release       string          // "FY2026": code with this release, whatever the date
	// Features asks for each suggestion's feature vector (training).
	Features bool
	// Annotate lists every documented concept the way annotation corpora
	// (CodiEsp) label notes: an unspecified code stays beside the specific
	// one, a symptom beside the diagnosis it is part of, and of an
	// Excludes1 pair the higher ranked stays. The zero value codes as a US
	// coder does (conflict.go).
	Annotate bool
}

// Result is the answer to one Request.
type Result struct {
	Suggestions []Suggestion `json:"suggestions"`
	// Threshold is the engine's decision threshold: suggestions with at
	// least this confidence are its coding recommendation, the rest are
	// candidates for the coder to consider.
	Threshold float64     `json:"threshold"`
	Rejected  []Rejection `json:"rejected"`
	// CodeSets names the release of each system the note was coded with.
	CodeSets map[string]CodeSet `json:"codeSets"`
	// DateOfService is the date that chose the releases (YYYY-MM-DD);
	// "" when the request named its release without a date.
	DateOfService string `json:"dateOfService,omitempty"`
	// Notices tell the coder what the note documents that the loaded code
	// sets cannot code (a CPT code outside the loaded CPT file).
	Notices []Edit `json:"notices,omitempty"`
	// arena is the arrays the result was rendered into, reused once the
	// caller hands the result back (Engine.Release); nil after that.
	arena *resultArena
}

// CodeSet names the release a system's codes came from.
type CodeSet struct {
	Release   string `json:"release"`
	Effective string `json:"effective,omitempty"` // YYYY-MM-DD
	Expires   string `json:"expires,omitempty"`
}

// Suggestion is one suggested code.
type Suggestion struct {
	System     string     `json:"system"`
	SystemURI  string     `json:"systemUri"`
	Code       string     `json:"code"`
	Display    string     `json:"display"`
	Confidence float64    `json:"confidence"`
	Score      float64    `json:"score"`
	Billable   bool       `json:"billable"`
	Evidence   []Evidence `json:"evidence"`
	// Assertions lists the assertion kinds seen on the evidence that did
	// not block the code (e.g. "historical" for a Z87 code).
	Assertions   []string      `json:"assertions,omitempty"`
	Edits        []Edit        `json:"edits,omitempty"`
	Explanation  Explanation   `json:"explanation"`
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// Features is the ranker's feature vector, only when Request.Features.
	Features []float64 `json:"features,omitempty"`
}

// Evidence is a span of the note supporting a suggestion.
type Evidence struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Section string `json:"section,omitempty"`
	// Matched is the code name that matched (title, inclusion term, index
	// path, synonym) and MatchedKind its kind.
	Matched     string   `json:"matched,omitempty"`
	MatchedKind string   `json:"matchedKind,omitempty"`
	Assertions  []string `json:"assertions,omitempty"`
	// Assertion is the span's one status: "present", "negated",
	// "historical", "family", "hypothetical" or "uncertain"; Trigger the
	// words that set it ("denies", "status post", "his wife's").
	Assertion string `json:"assertion"`
	Trigger   string `json:"trigger,omitempty"`
}

// Edit is a rule's message to the coder.
type Edit struct {
	Kind    string `json:"kind"` // "specificity", "laterality", "seventh_character", "excludes1", ...
	Message string `json:"message"`
}

// Explanation is a small score tree: the same "why" in JSON, the workbench
// and eval reports.
type Explanation struct {
	Value    float64       `json:"value"`
	Message  string        `json:"message"`
	Children []Explanation `json:"children,omitempty"`
}

// Alternative is another close code for the same evidence.
type Alternative struct {
	Code    string  `json:"code"`
	Display string  `json:"display"`
	Score   float64 `json:"score"`
}

// Rejection is a candidate a rule removed.
type Rejection struct {
	System   string     `json:"system"`
	Code     string     `json:"code"`
	Display  string     `json:"display"`
	Rule     string     `json:"rule"`   // "negated", "family", "hypothetical", "uncertain_outpatient", "excludes1", "less_specific", "integral_symptom", "contradicted", "not_valid_on_date", ...
	Reason   string     `json:"reason"` // a sentence for the coder
	Evidence []Evidence `json:"evidence,omitempty"`
}
