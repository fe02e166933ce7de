package suggest

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"medcode/corpus"
	"medcode/index"
)

// seqCode is a hand-written code of the sequencing tests (titles in our
// own words where they are not the short official ones).
type seqCode struct {
	code, title, parent string
	notes               corpus.Notes
}

func sequenceEngine(t *testing.T) *Engine {
	t.Helper()
	var codes []*corpus.Code
	for _, c := range []seqCode{
		// E10.22 "use additional code to identify stage of CKD (N18.1-N18.6)"
		{"E10.22", "Type 1 diabetes mellitus with diabetic chronic kidney disease", "", corpus.Notes{UseAdditional: []string{"code to identify stage of chronic kidney disease (N18.1-N18.6)"}}},
		// N18 "code first any associated diabetic chronic kidney disease (E10.22, E11.22)"
		{"N18", "Chronic kidney disease (CKD)", "", corpus.Notes{CodeFirst: []string{"diabetic chronic kidney disease (E10.22, E11.22)"}}},
		{"N18.4", "Chronic kidney disease, stage 4 (severe)", "N18", corpus.Notes{}},
		// D63.1 "code first underlying chronic kidney disease (N18.-)"
		{"D63.1", "Anemia in chronic kidney disease", "", corpus.Notes{CodeFirst: []string{"underlying chronic kidney disease (CKD) (N18.-)"}}},
		{"I10", "Essential (primary) hypertension", "", corpus.Notes{}},
		{"I16.1", "Hypertensive emergency", "", corpus.Notes{}},
		{"A41.02", "Sepsis due to Methicillin resistant Staphylococcus aureus", "", corpus.Notes{}},
		{"A41.2", "Sepsis due to unspecified staphylococcus", "", corpus.Notes{}},
		{"L03.90", "Cellulitis, unspecified", "", corpus.Notes{}},
		{"B95.62", "Methicillin resistant Staphylococcus aureus infection as the cause of diseases classified elsewhere", "", corpus.Notes{}},
		{"Z51.11", "Encounter for antineoplastic chemotherapy", "", corpus.Notes{}},
		{"C50.912", "Malignant neoplasm of unspecified site of left female breast", "", corpus.Notes{}},
		{"Z71.3", "Dietary counseling and surveillance", "", corpus.Notes{}},
		{"E66.9", "Obesity, unspecified", "", corpus.Notes{}},
		{"Z00.01", "Encounter for general adult medical examination with abnormal findings", "", corpus.Notes{}},
		{"E78.5", "Hyperlipidemia, unspecified", "", corpus.Notes{}},
		{"M25.512", "Pain in left shoulder", "", corpus.Notes{}},
		{"U07.1", "COVID-19", "", corpus.Notes{}},
		// J44 "use additional code to identify ... tobacco use (Z72.0)"
		{"J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", "", corpus.Notes{UseAdditional: []string{"tobacco use (Z72.0)"}}},
		{"Z72.0", "Tobacco use", "", corpus.Notes{}},
		{"T78.3XXA", "Angioneurotic edema, initial encounter", "", corpus.Notes{}},
		{"T46.4X5A", "Adverse effect of angiotensin-converting-enzyme inhibitors, initial encounter", "", corpus.Notes{}},
		{"B20", "Human immunodeficiency virus [HIV] disease", "", corpus.Notes{}},
		{"Z11.4", "Encounter for screening for human immunodeficiency virus [HIV]", "", corpus.Notes{}},
		// J12.82 "code first COVID-19 (U07.1)"
		{"J12.82", "Pneumonia due to coronavirus disease 2019", "", corpus.Notes{CodeFirst: []string{"COVID-19 (U07.1)"}}},
	} {
		codes = append(codes, &corpus.Code{System: corpus.ICD10CM, Code: c.code, Display: c.title, Billable: c.code != "N18", Parent: c.parent,
			Names: []corpus.Name{{Text: c.title, Kind: corpus.NameTitle}}, Notes: c.notes})
	}
	set := corpus.NewSet(codes, nil)
	ix, err := index.Build(set, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &Engine{set: set, ix: ix, pipe: ix.Analyzer()}
}

// seqSug is a suggestion of a sequencing test: its code, confidence and
// the words of the note that are its evidence.
type seqSug struct {
	code string
	conf float64
	said string
	rule bool // added by a coding rule (MatchedKind "rule")
}

// TestSequence: the suggestions above the threshold are listed as the
// Official Guidelines sequence them; a code moved up says why; which
// codes are above the threshold changes only for a stated visit reason or
// a lifted first code.
func TestSequence(t *testing.T) {
	e := sequenceEngine(t)
	const thr = 0.28
	tests := []struct {
		name, note string
		in         []seqSug
		want       []string // codes above the threshold, in order
		why        string   // a word of the first code's sequencing edit ("" for none)
	}{
		// N18 "code first ... diabetic CKD (E10.22)": the ranker's 0.27 is
		// within half the threshold, and N18.4's note names it (I.A.13).
		{"code first lifts the etiology", "Type 1 DM with diabetic CKD stage 4.",
			[]seqSug{{"N18.4", 0.54, "CKD stage 4", false}, {"E10.22", 0.27, "Type 1 DM with diabetic CKD", false}},
			[]string{"E10.22", "N18.4"}, "code first note of N18.4"},
		// E10.22 "use additional code ... (N18.1-N18.6)": N18.4 follows it.
		{"use additional code follows", "Type 1 DM with diabetic CKD. CKD stage 4.",
			[]seqSug{{"N18.4", 0.9, "CKD stage 4", false}, {"E10.22", 0.6, "Type 1 DM with diabetic CKD", false}},
			[]string{"E10.22", "N18.4"}, "code first note of N18.4"},
		// J44's use additional code note: Z72.0 waits below J44.1 and takes
		// its confidence; J44.1 is not raised above E78.5.
		{"secondary code waits", "Smoker. Hyperlipidemia. COPD with acute exacerbation.",
			[]seqSug{{"Z72.0", 0.95, "Smoker", false}, {"E78.5", 0.8, "Hyperlipidemia", false}, {"J44.1", 0.65, "COPD with acute exacerbation", false}},
			[]string{"E78.5", "J44.1", "Z72.0"}, ""},
		// D63.1 "code first underlying CKD (N18.-)": the Tabular, not the
		// ranker, decides.
		{"code first keeps the CKD first", "Anemia in chronic kidney disease stage 4.",
			[]seqSug{{"D63.1", 0.8, "Anemia in chronic kidney disease", false}, {"N18.4", 0.6, "chronic kidney disease stage 4", false}},
			[]string{"N18.4", "D63.1"}, "code first note of D63.1"},
		// J12.82 "code first COVID-19 (U07.1)"; I.C.1.g.1.a.
		{"COVID-19 before its pneumonia", "COVID-19 pneumonia.",
			[]seqSug{{"J12.82", 0.7, "COVID-19 pneumonia", false}, {"U07.1", 0.5, "COVID-19", false}},
			[]string{"U07.1", "J12.82"}, "code first"},
		// I.C.9.a.11: I16 "code also any identified hypertensive disease".
		{"hypertensive crisis first", "Hypertensive emergency in a patient with essential hypertension.",
			[]seqSug{{"I10", 0.97, "essential hypertension", false}, {"I16.1", 0.42, "Hypertensive emergency", false}},
			[]string{"I16.1", "I10"}, "I.C.9.a.11"},
		// I.C.1.d.4: the systemic infection first; of two sepsis codes below
		// the threshold only the one holding more of the note's words lifts.
		{"sepsis before the localized infection", "Sepsis secondary to MRSA cellulitis of the left leg.",
			[]seqSug{{"L03.90", 0.78, "cellulitis", false}, {"A41.02", 0.27, "Sepsis secondary to MRSA", false}, {"A41.2", 0.21, "Sepsis", false}},
			[]string{"A41.02", "L03.90"}, "I.C.1.d.4"},
		// I.A.13: "as the cause of diseases classified elsewhere" is never first.
		{"agent after the disease", "MRSA cellulitis.",
			[]seqSug{{"B95.62", 0.9, "MRSA", false}, {"L03.90", 0.6, "cellulitis", false}},
			[]string{"L03.90", "B95.62"}, "I.A.13"},
		// I.C.2.e.2: "here for ... chemotherapy" states the encounter.
		{"stated visit reason", "Here for cycle 3 of chemotherapy for her left breast cancer.",
			[]seqSug{{"C50.912", 0.8, "left breast cancer", false}, {"Z51.11", 0.06, "chemotherapy", false}},
			[]string{"Z51.11", "C50.912"}, "reason for the visit"},
		// I.C.19.e.5.a: the nature of the adverse effect, then the drug.
		{"adverse effect after its nature", "Angioedema due to lisinopril taken as prescribed, initial encounter.",
			[]seqSug{{"T46.4X5A", 0.28, "lisinopril taken as prescribed", false}, {"T78.3XXA", 0.24, "Angioedema", false}},
			[]string{"T78.3XXA", "T46.4X5A"}, "I.C.19.e.5"},
		// A service naming the cause of a condition is not the visit.
		{"service as a cause", "Chemotherapy-induced anemia in a patient with breast cancer.",
			[]seqSug{{"C50.912", 0.8, "breast cancer", false}, {"Z51.11", 0.06, "Chemotherapy-induced anemia", false}},
			[]string{"C50.912"}, ""},
		// A code reading part of another's words is a competing reading,
		// not a second condition: it is not lifted.
		{"part of another's words", "Severe sepsis due to MRSA infection of the skin.",
			[]seqSug{{"L03.90", 0.7, "MRSA infection of the skin", false}, {"A41.2", 0.2, "MRSA infection", false}},
			[]string{"L03.90"}, ""},
		// I.C.21.c.16: a general examination is listed first.
		{"examination first", "Annual physical exam; hyperlipidemia stable on statin.",
			[]seqSug{{"E78.5", 0.84, "hyperlipidemia", false}, {"Z00.01", 0.8, "Annual physical", true}},
			[]string{"Z00.01", "E78.5"}, "I.C.21.c.16"},
		{"examination code on other words", "Chest x-ray: no infiltrate. Hyperlipidemia.",
			[]seqSug{{"E78.5", 0.84, "Hyperlipidemia", false}, {"Z00.01", 0.6, "Chest x-ray", false}},
			[]string{"E78.5", "Z00.01"}, ""},
		{"examination not the visit", "Seen in the ED for shoulder pain. Routine physical examination was unremarkable.",
			[]seqSug{{"M25.512", 0.84, "shoulder pain", false}, {"Z00.01", 0.8, "Routine physical", true}},
			[]string{"M25.512", "Z00.01"}, ""},
		// I.C.21.c.10: counseling first only when stated as the reason.
		{"counseling for a condition", "Weight check. Dietary counseling for obesity given.",
			[]seqSug{{"E66.9", 0.9, "obesity", false}, {"Z71.3", 0.5, "Dietary counseling", false}},
			[]string{"Z71.3", "E66.9"}, "I.C.21.c.10"},
		{"counseling not the reason", "Obesity; we also discussed dietary counseling.",
			[]seqSug{{"E66.9", 0.9, "Obesity", false}, {"Z71.3", 0.5, "dietary counseling", false}},
			[]string{"E66.9", "Z71.3"}, ""},
		// I.C.21.c.5: a screening stated as the visit; a screening code on
		// words that name no service is not the visit's reason.
		{"screening visit", "HIV screening.",
			[]seqSug{{"B20", 0.5, "HIV", false}, {"Z11.4", 0.21, "HIV screening", false}},
			[]string{"Z11.4", "B20"}, "reason for the visit"},
		{"no service named", "HIV disease on ART.",
			[]seqSug{{"B20", 0.93, "HIV disease", false}, {"Z11.4", 0.01, "HIV", false}},
			[]string{"B20"}, ""},
		// No rule: the ranker's order stands, and a code far below the
		// threshold is not lifted.
		{"no rule", "Hyperlipidemia and obesity.",
			[]seqSug{{"E78.5", 0.6, "Hyperlipidemia", false}, {"E66.9", 0.5, "obesity", false}},
			[]string{"E78.5", "E66.9"}, ""},
		{"too far below to lift", "Type 1 DM with diabetic CKD stage 4.",
			[]seqSug{{"N18.4", 0.54, "CKD stage 4", false}, {"E10.22", 0.1, "Type 1 DM with diabetic CKD", false}},
			[]string{"N18.4"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := e.pipe.Analyze(tc.note)
			res := &Result{Threshold: thr}
			for i, s := range tc.in {
				at := strings.Index(tc.note, s.said)
				if at < 0 {
					t.Fatalf("%q not in the note", s.said)
				}
				id, _ := e.set.ID(corpus.ICD10CM, s.code)
				res.Suggestions = append(res.Suggestions, Suggestion{System: string(corpus.ICD10CM), Code: s.code, Display: e.set.Brief(id).Display, Confidence: s.conf, Score: 0.9 - float64(i)/100,
					Evidence: []Evidence{{Start: at, End: at + len(s.said), Text: s.said, Matched: s.code, MatchedKind: map[bool]string{true: "rule", false: "title"}[s.rule]}}})
			}
			e.sequence(doc, Request{}, res)
			var got []string
			for i, s := range res.Suggestions {
				if i > 0 {
					p := res.Suggestions[i-1]
					if !listsAfter(p, s) {
						t.Errorf("%s after %s breaks the total order: %v/%v after %v/%v", s.Code, p.Code, s.Confidence, s.Score, p.Confidence, p.Score)
					}
				}
				if s.Confidence >= thr {
					got = append(got, s.Code)
				}
				for _, ev := range s.Evidence {
					if tc.note[ev.Start:ev.End] != ev.Text {
						t.Errorf("evidence %q moved", ev.Text)
					}
				}
			}
			for _, s := range res.Suggestions {
				if s.Code == "J44.1" && s.Confidence != 0.65 {
					t.Errorf("J44.1 confidence %v, want 0.65 (a code with a use additional note is not raised)", s.Confidence)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("above the threshold: %v, want %v", got, tc.want)
			}
			var edits []string
			for _, ed := range res.Suggestions[0].Edits {
				if ed.Kind == "sequencing" {
					edits = append(edits, ed.Message)
				}
			}
			if tc.why == "" && len(edits) > 0 || tc.why != "" && !strings.Contains(strings.Join(edits, " | "), tc.why) {
				t.Errorf("first code's sequencing edits %q, want one holding %q", edits, tc.why)
			}
			// An annotating request keeps the ranker's order.
			ann := &Result{Threshold: thr, Suggestions: append([]Suggestion(nil), res.Suggestions...)}
			before := codesOf(ann)
			e.sequence(doc, Request{Annotate: true}, ann)
			if codesOf(ann) != before {
				t.Errorf("annotate reordered: %s -> %s", before, codesOf(ann))
			}
		})
	}
}

func codesOf(r *Result) string {
	var out []string
	for _, s := range r.Suggestions {
		out = append(out, s.Code)
	}
	return strings.Join(out, " ")
}

// TestPermute: permute puts s[perm[k]] at k for identities, swaps, one
// long cycle and several cycles, as a copy into a new list would.
func TestPermute(t *testing.T) {
	for _, perm := range [][]int{
		{0},
		{0, 1, 2},
		{1, 0, 2},
		{2, 0, 1},
		{1, 2, 3, 4, 0},
		{3, 4, 0, 1, 2, 5},
		{1, 0, 3, 2, 5, 4},
	} {
		s := make([]Suggestion, len(perm))
		for i := range s {
			s[i].Code = string(rune('A' + i))
		}
		want := make([]string, len(perm))
		for k, from := range perm {
			want[k] = s[from].Code
		}
		permute(s, perm, make([]bool, len(s)))
		var got []string
		for _, x := range s {
			got = append(got, x.Code)
		}
		if strings.Join(got, "") != strings.Join(want, "") {
			t.Errorf("permute(%v) = %v, want %v", perm, got, want)
		}
	}
	// Random permutations that leave some elements in place (permute
	// skips those) and move the rest along cycles.
	rng := rand.New(rand.NewPCG(35, 1))
	for range 2000 {
		n := 1 + rng.IntN(40)
		perm := make([]int, n)
		for i := range perm {
			perm[i] = i
		}
		var moving []int
		for i := range n {
			if rng.IntN(3) == 0 {
				moving = append(moving, i)
			}
		}
		shuf := slices.Clone(moving)
		rng.Shuffle(len(shuf), func(i, j int) { shuf[i], shuf[j] = shuf[j], shuf[i] })
		for x, i := range moving {
			perm[i] = shuf[x]
		}
		s := make([]Suggestion, n)
		for i := range s {
			s[i].Code = strconv.Itoa(i)
			s[i].Score = float64(i)
		}
		want := slices.Clone(s)
		for k, from := range perm {
			want[k] = s[from]
		}
		permute(s, perm, make([]bool, n))
		for k := range s {
			if s[k].Code != want[k].Code || s[k].Score != want[k].Score {
				t.Fatalf("permute(%v) at %d = %s, want %s", perm, k, s[k].Code, want[k].Code)
			}
		}
	}
}
