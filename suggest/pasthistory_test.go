package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestPastConditionHistoryCode: a past condition the note says is over is
// coded with its personal-history code, the condition falling below the
// threshold; a bare "history of" a condition with no history code of its
// own, or one the note does not say is over, keeps the condition first.
func TestPastConditionHistoryCode(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		text, first, below string
	}{
		{"History of TIA, no residual deficits.", "Z86.73", "G45.9"},
		{"History of DVT, no longer on anticoagulation.", "Z86.718", "I82.409"},
		{"History of kidney stones, none in 3 years.", "Z87.442", "N20.0"},
		{"History of hypertension.", "I10", ""},
		// The Index names this one: "Thrombosis, history" is Z86.718.
		{"History of DVT.", "Z86.718", ""},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Suggestions) == 0 || res.Suggestions[0].Code != tt.first {
			t.Errorf("%q: first suggestion %v, want %s", tt.text, codes(res), tt.first)
		}
		if tt.below == "" {
			continue
		}
		if s := find(res, tt.below); s != nil && s.Confidence >= res.Threshold {
			t.Errorf("%q: %s at %.3f, want below the threshold %.3f", tt.text, tt.below, s.Confidence, res.Threshold)
		}
	}
}

// TestLearnedHistoryNeedsPast: a learned phrase finds a personal-history
// code only where the note places its words in the past.
func TestLearnedHistoryNeedsPast(t *testing.T) {
	t.Parallel()
	m := &suggest.Model{Learned: []suggest.LearnedName{
		{System: "ICD-10-CM", Code: "I25.2", Text: "infarction", Weight: 0.9},
	}}
	eng := withModel(t, m)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Acute infarction of the anterior wall, troponin rising.", false},
		{"History of infarction ten years ago.", true},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 50})
		if err != nil {
			t.Fatal(err)
		}
		learned := false
		if s := find(res, "I25.2"); s != nil {
			for _, ev := range s.Evidence {
				learned = learned || ev.MatchedKind == "learned"
			}
		}
		if learned != tt.want {
			t.Errorf("%q: I25.2 from the learned phrase = %v, want %v (%v)", tt.text, learned, tt.want, codes(res))
		}
	}
}

// TestNamedHistoryAndFamily: "history of" a condition the classification
// has a personal-history code naming gives way to that code; where the
// Index is silent, the chapter of the condition gives the family-history
// code, and a relative's malignancy its site; a relative's condition is
// suggested as family history, not as the patient's.
func TestNamedHistoryAndFamily(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		text, want, below string
	}{
		{"Hx of peptic ulcer disease.", "Z87.11", "K27.9"},
		{"History of gestational diabetes in a prior pregnancy.", "Z86.32", "O24.419"},
		{"Family history of colon cancer in her father.", "Z80.0", "C18.9"},
		{"Family history of premature coronary artery disease.", "Z82.49", "I25.10"},
		{"Mother with breast cancer.", "Z80.3", "C50.919"},
		// the Index is silent: the chapter's "other" code, the note saying it is over
		{"History of childhood asthma, no symptoms for 20 years.", "Z87.09", "J45.909"},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text, MaxResults: 20})
		if err != nil {
			t.Fatal(err)
		}
		s := find(res, tt.want)
		if s == nil || s.Confidence < res.Threshold {
			t.Errorf("%q: %s missing or below the threshold in %v", tt.text, tt.want, codes(res))
			continue
		}
		if b := find(res, tt.below); b != nil && b.Confidence >= s.Confidence {
			t.Errorf("%q: %s at %.3f not below %s at %.3f", tt.text, tt.below, b.Confidence, tt.want, s.Confidence)
		}
	}
}
