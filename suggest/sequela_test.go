package suggest_test

import (
	"context"
	"slices"
	"testing"

	"medcode/corpus"
	"medcode/suggest"
)

// TestSequelae: a deficit documented as the residual of an old cerebral
// infarction is coded with the I69.3- code naming it (side and dominance
// from the note or the guidelines' default), never the acute infarction;
// the deficit's code stays only when the sequela code's notes ask for its
// kind. A current stroke with a deficit keeps the stroke.
func TestSequelae(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		note      string
		want, not []string
	}{
		{"Dysphagia as a residual of old cerebral infarction.", []string{"I69.391", "R13.10"}, []string{"I63.9"}},
		{"Right hemiplegia as a late effect of prior ischemic stroke; right-handed.", []string{"I69.351"}, []string{"G81.90", "G81.91", "I63.9"}},
		{"History of stroke with residual left hemiparesis.", []string{"I69.354"}, []string{"I63.9", "G81.94"}},
		{"Left-sided hemiparesis following an old cerebral infarction, left dominant.", []string{"I69.352"}, []string{"I63.9", "I69.354"}},
		{"Old stroke with residual aphasia and dysphagia.", []string{"I69.320", "I69.391"}, []string{"I63.9"}},
		{"Acute ischemic stroke with dysphagia.", []string{"I63.9", "R13.10"}, []string{"I69.391"}},
		{"Dysphagia secondary to remote cerebral infarction.", []string{"I69.391"}, []string{"I63.9"}},
		// The deficit's evidence lies in an earlier sentence than the
		// sequela's (a slice of the note ran backwards: a panic).
		{"History of stroke with residual left hemiparesis. Hemiplegia following cerebral infarction affecting the left nondominant side.", []string{"I69.354"}, []string{"I63.9"}},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.note, Systems: []corpus.System{corpus.ICD10CM}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.Suggestions {
			if s.Confidence >= res.Threshold {
				got = append(got, s.Code)
			}
		}
		for _, c := range tt.want {
			if !slices.Contains(got, c) {
				t.Errorf("%q: %s not suggested; got %v", tt.note, c, got)
			}
		}
		for _, c := range tt.not {
			if slices.Contains(got, c) {
				t.Errorf("%q: %s suggested; got %v", tt.note, c, got)
			}
		}
	}
}

// TestDocumentedSlot: respiratory failure said hypoxic or hypercapnic is
// coded with the code naming that value, and the sibling "unspecified
// whether with hypoxia or hypercapnia" is dropped; both values documented
// give both codes.
func TestDocumentedSlot(t *testing.T) {
	eng := engine(t)
	for _, tt := range []struct {
		note      string
		want, not []string
	}{
		{"Chronic hypoxic respiratory failure secondary to COPD.", []string{"J96.11"}, []string{"J96.10"}},
		{"Acute on chronic hypoxic and hypercapnic respiratory failure.", []string{"J96.21", "J96.22"}, []string{"J96.20"}},
		{"Chronic respiratory failure with hypercapnia.", []string{"J96.12"}, []string{"J96.10"}},
		{"Acute respiratory failure.", []string{"J96.00"}, []string{"J96.01", "J96.02"}},
	} {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.note, Systems: []corpus.System{corpus.ICD10CM}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.Suggestions {
			if s.Confidence >= res.Threshold {
				got = append(got, s.Code)
			}
		}
		for _, c := range tt.want {
			if !slices.Contains(got, c) {
				t.Errorf("%q: %s not suggested; got %v", tt.note, c, got)
			}
		}
		for _, c := range tt.not {
			if slices.Contains(got, c) {
				t.Errorf("%q: %s suggested; got %v", tt.note, c, got)
			}
		}
	}
}
