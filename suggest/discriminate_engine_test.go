package suggest_test

import (
	"context"
	"strings"
	"testing"

	"medcode/suggest"
)

// TestSiblingDistinctions: hand-written statements whose documented detail
// (type, stage, episode, laterality, 7th character, fetus) selects one code
// of its category; the untrained engine must put that code first and never
// suggest the sibling the note contradicts.
func TestSiblingDistinctions(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		note  string
		first string
		never []string
	}{
		{"Alex was diagnosed with type 1 diabetes mellitus without complications.", "E10.9", []string{"E11.9"}},
		{"Assessment: type 2 diabetes with CKD stage 3a.", "", []string{"N18.2", "N18.9", "E10.22"}},
		{"Major depressive disorder, recurrent, moderate.", "F33.1", []string{"F32.9", "F32.1"}},
		{"Assessment: sclerosing keratitis, left eye.", "H16.332", []string{"H16.331", "H16.339"}},
		{"Assessment: displaced pilon fracture of left tibia, subsequent encounter for closed fracture with nonunion.", "S82.872K", []string{"S82.872D", "S82.872A", "Z76.89"}},
		{"Assessment: displaced pilon fracture of left tibia, subsequent encounter for fracture with malunion.", "S82.872P", []string{"S82.871P"}},
		{"Assessment: torus fracture of lower end of right radius, initial encounter.", "S52.521A", []string{"Z76.89"}},
		// Specific beats unspecified; a header's default is its unspecified
		// code, not an "other" one.
		{"Assessment: iron-deficiency anemia secondary to chronic blood loss.", "D50.0", nil},
		{"Assessment: pneumonia due to Klebsiella pneumoniae.", "J15.0", nil},
		{"Assessment: burn of first degree of trunk, initial encounter.", "T21.10XA", nil},
		{"Assessment: opioid use with opioid-induced mood disorder.", "F11.94", nil},
		{"Assessment: atrial septal defect.", "Q21.10", nil},
		// A word the title holds elsewhere ("without ... nail",
		// "Unspecified injury") does not support the slot's alternative.
		{"Assessment: laceration without foreign body of right thumb without damage to nail, initial encounter.", "S61.011A", []string{"S61.021A"}},
		{"Assessment: unspecified injury of femoral artery, unspecified leg, initial encounter.", "S75.009A", []string{"S75.002A", "S75.001A"}},
		// 7th characters: fetus, glaucoma stage.
		{"Assessment: maternal care for other specified fetal problems, third trimester, fetus 3.", "O36.8933", nil},
		{"Assessment: glaucoma secondary to drugs, right eye, indeterminate stage.", "H40.61X4", []string{"H40.61X0"}},
	}
	for _, tc := range tests {
		res, err := eng.Suggest(context.Background(), suggest.Request{Text: tc.note})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, s := range res.Suggestions {
			codes = append(codes, s.Code)
		}
		if tc.first != "" && (len(codes) == 0 || codes[0] != tc.first) {
			t.Errorf("%q: first %v, want %s", tc.note, codes[:min(3, len(codes))], tc.first)
		}
		for _, n := range tc.never {
			for _, c := range codes {
				if c == n {
					t.Errorf("%q: suggests %s, which the note contradicts", tc.note, n)
				}
			}
		}
	}
}

// TestContradictionReason: the coder reads why a sibling was dropped.
func TestContradictionReason(t *testing.T) {
	res, err := engine(t).Suggest(context.Background(), suggest.Request{Text: "Alex was diagnosed with type 1 diabetes mellitus without complications."})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rejected {
		if r.Code == "E11.9" {
			if r.Rule != "contradicted" || !strings.Contains(r.Reason, "type 1") || !strings.Contains(r.Reason, "E11.9 is type 2") {
				t.Errorf("E11.9 rejected by %s: %q", r.Rule, r.Reason)
			}
			return
		}
	}
	t.Error("E11.9 not among the rejected candidates")
}
