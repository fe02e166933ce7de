package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/suggest"
)

// TestTitleGroundingFeatures: titleSaid, distinctSaid and siblingSaid read
// the official titles against the note's affirmed words near the evidence.
func TestTitleGroundingFeatures(t *testing.T) {
	eng := engine(t)
	names := suggest.FeatureNames()
	ti, di, si := slices.Index(names, "titleSaid"), slices.Index(names, "distinctSaid"), slices.Index(names, "siblingSaid")
	for _, tt := range []struct {
		note, code               string
		title, distinct, sibling float64
	}{
		// Every word of the title and of what sets it apart from D25.
		{"Assessment: intramural leiomyoma of uterus.", "D25.1", 1, 1, 0},
		// The unspecified sibling: nothing sets it apart, and the note says
		// D25.1's "intramural".
		{"Assessment: intramural leiomyoma of uterus.", "D25.9", 1, -1, 1},
		{"Assessment: leiomyoma of uterus.", "D25.9", 1, -1, 0},
		// A negated title word is not said.
		{"Assessment: leiomyoma of uterus, no intramural component.", "D25.9", 1, -1, 0},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.note, Features: true, MaxResults: 200})
		if err != nil {
			t.Fatal(err)
		}
		var f []float64
		for _, s := range res.Suggestions {
			if s.Code == tt.code {
				f = s.Features
			}
		}
		if f == nil {
			t.Errorf("%q: %s not suggested", tt.note, tt.code)
			continue
		}
		if f[ti] != tt.title || f[di] != tt.distinct || f[si] != tt.sibling {
			t.Errorf("%q: %s titleSaid, distinctSaid, siblingSaid = %v %v %v, want %v %v %v", tt.note, tt.code, f[ti], f[di], f[si], tt.title, tt.distinct, tt.sibling)
		}
	}
}

// TestPriorReach: a model's PriorReach keeps the prior features of a code
// whose name the note documents whole within PriorReach of the cap, and
// leaves a partly documented code's prior alone.
func TestPriorReach(t *testing.T) {
	t.Parallel()
	names := suggest.FeatureNames()
	pi, ci := slices.Index(names, "prior"), slices.Index(names, "catPrior")
	const capLogit = -2.944438979166440 // features.go maxPriorLogit
	engines := map[float64]*suggest.Engine{}
	for _, tt := range []struct {
		reach      float64
		code       string
		prior, cat float64
	}{
		{0, "D25.1", -9, -9},
		{1, "D25.1", capLogit - 1, capLogit - 1},
		// "Leiomyoma of uterus, unspecified": all its words are said.
		{1, "D25.9", capLogit - 1, capLogit - 1},
		// N85.9 is found on "uterine" alone: its prior stays.
		{1, "N85.9", -9, -9},
	} {
		eng := engines[tt.reach]
		if eng == nil { // one engine per reach: building one is the slow part
			eng = withModel(t, &suggest.Model{Priors: map[string]float64{"default": -9}, PriorReach: tt.reach})
			engines[tt.reach] = eng
		}
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: "Intramural uterine leiomyoma seen on pelvic ultrasound.", Features: true, MaxResults: 200})
		if err != nil {
			t.Fatal(err)
		}
		var f []float64
		for _, s := range res.Suggestions {
			if s.Code == tt.code {
				f = s.Features
			}
		}
		if f == nil {
			t.Errorf("reach %v: %s not suggested", tt.reach, tt.code)
			continue
		}
		if f[pi] != tt.prior || f[ci] != tt.cat {
			t.Errorf("reach %v: %s prior, catPrior = %v %v, want %v %v", tt.reach, tt.code, f[pi], f[ci], tt.prior, tt.cat)
		}
	}
}
