package suggest

import (
	"strings"
	"testing"

	"medcode/corpus"
)

// realEngine is the untrained engine over the real code sets (the rules
// under test read the Tabular's titles, names and notes): the package's
// shared test engine (export_test.go).
func realEngine(t *testing.T) *Engine {
	t.Helper()
	return SharedEngine(t)
}

// ruleSug is a suggestion given to a coding rule: code, confidence and
// the words of the note its evidence reads.
type ruleSug struct {
	code string
	conf float64
	said string
}

// ruleResult builds the ranked result the rules see, in the given order.
func ruleResult(t *testing.T, e *Engine, note string, in []ruleSug) *Result {
	t.Helper()
	res := &Result{Threshold: 0.29}
	for i, s := range in {
		at := strings.Index(note, s.said)
		if at < 0 {
			t.Fatalf("%q not in the note", s.said)
		}
		id, ok := e.set.ID(corpus.ICD10CM, s.code)
		if !ok {
			t.Fatalf("no code %s", s.code)
		}
		b := e.set.Brief(id)
		res.Suggestions = append(res.Suggestions, Suggestion{System: string(corpus.ICD10CM), Code: s.code, Display: b.Display, Billable: b.Billable,
			Confidence: s.conf, Score: 0.9 - float64(i)/100, Evidence: []Evidence{{Start: at, End: at + len(s.said), Text: s.said}}})
	}
	return res
}

// above lists the suggested codes at or above the threshold, in order.
func above(res *Result) string {
	var out []string
	for _, s := range res.Suggestions {
		if s.Confidence >= res.Threshold {
			out = append(out, s.Code)
		}
	}
	return strings.Join(out, " ")
}

// TestNamedOrganisms: a code for an unspecified organism, a noninfective
// condition or an unspecified infection gives way to the code for the
// organism its sentence names, whatever the ranker's confidences (set here
// as the trained model gives them), and the organism-as-cause code the
// new code names goes; nothing changes when no organism is named beside
// it.
func TestNamedOrganisms(t *testing.T) {
	e := realEngine(t)
	tests := []struct {
		name, note string
		in         []ruleSug
		want       string // codes at or above the threshold, in order
		annotate   string // the same for an annotating request
	}{
		{"infectious code naming the condition", "Norovirus gastroenteritis.",
			[]ruleSug{{"K52.9", 0.63, "gastroenteritis"}, {"A08.11", 0.02, "Norovirus"}}, "A08.11", "K52.9 A08.11"},
		{"organism before the infection", "Recurrent C diff infection.",
			[]ruleSug{{"B99.9", 0.63, "infection"}, {"A04.71", 0.04, "Recurrent C diff infection"}}, "A04.71", "B99.9 A04.71"},
		{"organism-as-cause code names the sepsis", "MSSA bacteremia with sepsis.",
			[]ruleSug{{"A41.9", 0.86, "sepsis"}, {"A41.2", 0.29, "MSSA bacteremia with sepsis"}, {"A41.01", 0.29, "MSSA bacteremia with sepsis"}, {"B95.61", 0.29, "MSSA"}},
			"A41.01", "A41.9 A41.01 A41.2 B95.61"},
		{"cause code below the threshold", "Sepsis due to E. coli UTI.",
			[]ruleSug{{"A41.9", 0.94, "Sepsis"}, {"N39.0", 0.76, "UTI"}, {"B96.20", 0.28, "coli"}}, "A41.51 N39.0", "A41.9 A41.51 N39.0"},
		{"due-to code beside the unspecified organism", "Pseudomonas pneumonia in a patient with bronchiectasis.",
			[]ruleSug{{"J47.9", 0.63, "bronchiectasis"}, {"J15.1", 0.48, "Pseudomonas pneumonia"}, {"J18.9", 0.29, "pneumonia in a patient with"}, {"B96.5", 0.2, "Pseudomonas"}},
			"J47.9 J15.1", "J47.9 J15.1 J18.9"},
		{"organism in another sentence", "Pneumonia. MRSA colonization of the nares.",
			[]ruleSug{{"J18.9", 0.8, "Pneumonia"}, {"B95.62", 0.3, "MRSA"}}, "J18.9 B95.62", "J18.9 B95.62"},
		{"a learned phrase names no infection", "COVID-19 infection.",
			[]ruleSug{{"B99.9", 0.38, "infection"}, {"A79.0", 0.1, "COVID"}}, "B99.9", "B99.9"},
		{"infection code after the condition word", "Gastroenteritis; norovirus outbreak at school.",
			[]ruleSug{{"K52.9", 0.63, "Gastroenteritis"}, {"A08.11", 0.1, "norovirus"}}, "K52.9", "K52.9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, annotate := range []bool{false, true} {
				doc := e.pipe.Analyze(tc.note)
				res := ruleResult(t, e, tc.note, tc.in)
				e.namedOrganisms(doc, Request{Annotate: annotate}, res, nil)
				want := map[bool]string{false: tc.want, true: tc.annotate}[annotate]
				if got := above(res); got != want {
					t.Errorf("annotate %v: above the threshold %q, want %q", annotate, got, want)
				}
				for i, s := range res.Suggestions {
					if i > 0 && !listsAfter(res.Suggestions[i-1], s) {
						t.Errorf("%s after %s breaks the total order", s.Code, res.Suggestions[i-1].Code)
					}
					for _, ev := range s.Evidence {
						if tc.note[ev.Start:ev.End] != ev.Text {
							t.Errorf("evidence %q moved", ev.Text)
						}
					}
				}
			}
		})
	}
}

// TestEtiologyFirst: the sole code a manifestation's "code first" note
// names is lifted beside it when the manifestation's words state it.
func TestEtiologyFirst(t *testing.T) {
	e := realEngine(t)
	tests := []struct {
		name, note string
		in         []ruleSug
		want       string
	}{
		{"words state the etiology", "COVID-19 pneumonia requiring oxygen.",
			[]ruleSug{{"J12.82", 0.31, "COVID-19 pneumonia"}, {"U07.1", 0.02, "COVID"}}, "U07.1 J12.82"},
		// I50.9's notes name I09.81 in a list of etiologies, not alone,
		// and the note does not say "rheumatic".
		{"a list of etiologies", "Congestive heart failure.",
			[]ruleSug{{"I50.9", 0.94, "Congestive heart failure"}, {"I09.81", 0.2, "Congestive heart failure"}}, "I50.9"},
		{"etiology read elsewhere", "Viral pneumonia. COVID vaccine given.",
			[]ruleSug{{"J12.9", 0.8, "Viral pneumonia"}, {"U07.1", 0.05, "COVID"}}, "J12.9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := ruleResult(t, e, tc.note, tc.in)
			e.etiologyFirst(res)
			if got := above(res); got != tc.want {
				t.Errorf("above the threshold %q, want %q", got, tc.want)
			}
		})
	}
}

// TestInfectionStatus: an infection the note's words qualify as a status
// (asymptomatic HIV, latent tuberculosis) is coded by the status code,
// which takes the disease code's place; the disease stated plainly stays.
func TestInfectionStatus(t *testing.T) {
	e := realEngine(t)
	tests := []struct {
		name, note string
		in         []ruleSug
		want       string
	}{
		{"asymptomatic HIV", "Asymptomatic HIV infection.",
			[]ruleSug{{"B20", 0.86, "HIV"}, {"Z21", 0.01, "Asymptomatic HIV infection"}}, "Z21"},
		{"latent tuberculosis", "Latent TB infection, QuantiFERON positive.",
			[]ruleSug{{"A15.9", 0.46, "TB"}, {"B99.9", 0.31, "infection"}, {"Z22.7", 0.14, "Latent TB infection"}}, "Z22.7"},
		{"the disease stated plainly", "HIV disease with thrush.",
			[]ruleSug{{"B20", 0.86, "HIV disease"}, {"B37.9", 0.76, "thrush"}, {"Z21", 0.01, "HIV"}}, "B20 B37.9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := ruleResult(t, e, tc.note, tc.in)
			for i := range res.Suggestions { // the status code's words match its official name
				res.Suggestions[i].Evidence[0].MatchedKind = "title"
			}
			e.infectionStatus(Request{}, res, nil)
			if got := above(res); got != tc.want {
				t.Errorf("above the threshold %q, want %q", got, tc.want)
			}
		})
	}
}
