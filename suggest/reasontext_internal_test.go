package suggest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"medcode/corpus"
)

// TestGiveWayReason holds giveWayReason, built by concatenation, equal to
// the fmt.Sprintf form of each reason.
func TestGiveWayReason(t *testing.T) {
	formats := map[giveWhy]string{
		whyComplication: "the note documents %s (%s), a complication in the same category",
		whyExplained:    "the reason for the visit or study, explained by %s (%s) in the note's conclusion: not coded separately",
		whyIntegral:     "a sign or symptom routinely part of %s (%s), which the note documents: not coded separately",
		whyNamed:        "a sign or symptom named by %s (%s), which the note documents: not coded separately",
		whyMore:         "the note documents %s (%s), which says more",
	}
	for _, bb := range []corpus.Brief{
		{System: corpus.ICD10CM, Code: "I12.9", Display: "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease"},
		{System: corpus.ICD10CM, Code: "E11.22", Display: "Type 2 diabetes mellitus with diabetic chronic kidney disease (100%)"},
		{},
	} {
		var buf reasonBuf
		for why, f := range formats {
			want := fmt.Sprintf(f, bb.Code, bb.Display)
			if got := giveWayReason(why, &bb); got != want {
				t.Errorf("giveWayReason(%d, %s) = %q, want %q", why, bb.Code, got, want)
			}
			if got := giveWayReasonIn(why, &bb, &buf); got != want {
				t.Errorf("giveWayReasonIn(%d, %s) = %q, want %q", why, bb.Code, got, want)
			}
		}
		if got := giveWayReason(0, &bb); got != "" {
			t.Errorf("giveWayReason(0, %s) = %q, want \"\"", bb.Code, got)
		}
		if got := giveWayReasonIn(0, &bb, &buf); got != "" {
			t.Errorf("giveWayReasonIn(0, %s) = %q, want \"\"", bb.Code, got)
		}
		if got, want := excludedBy(bb.Code, &buf), "Excludes1 with "+bb.Code+", which ranks higher and is documented as well or better"; got != want {
			t.Errorf("excludedBy(%s) = %q, want %q", bb.Code, got, want)
		}
		if got, want := excludedFor(&bb, &buf), fmt.Sprintf("Excludes1 with %s (%s), which the note documents more specifically", bb.Code, bb.Display); got != want {
			t.Errorf("excludedFor(%s) = %q, want %q", bb.Code, got, want)
		}
	}
}

// TestJoinIn holds joinIn to the concatenation of its parts, and every
// string it carved to its bytes after many more are carved (past several
// chunks, and parts longer than a chunk).
func TestJoinIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 2))
	var buf reasonBuf
	type carved struct{ got, want string }
	var all []carved
	for range 3000 {
		parts := make([]string, rng.IntN(6))
		for i := range parts {
			n := rng.IntN(40)
			if rng.IntN(200) == 0 {
				n = reasonChunk + rng.IntN(100)
			}
			b := make([]byte, n)
			for j := range b {
				b[j] = byte('a' + rng.IntN(26))
			}
			parts[i] = string(b)
		}
		want := strings.Join(parts, "")
		got := joinIn(&buf, parts...)
		if got != want {
			t.Fatalf("joinIn(%q) = %q, want %q", parts, got, want)
		}
		all = append(all, carved{got, want})
	}
	for i, c := range all {
		if c.got != c.want {
			t.Fatalf("string %d carved by joinIn changed to %q, want %q", i, c.got, c.want)
		}
	}
}

// TestConflictReasonText holds conflictText, built by concatenation, equal
// to the fmt.Sprintf form.
func TestConflictReasonText(t *testing.T) {
	for _, tt := range [][5]string{
		{"type", "1", "E11.9", "type", "2"},
		{"stage 3a", "kidney", "N18.9", "unspecified", "kidney"},
		{"", "", "", "", ""},
		{"100%", "%s", "X", "%d", "y"},
	} {
		got := conflictText(tt[0], tt[1], tt[2], tt[3], tt[4])
		want := fmt.Sprintf("note says %s %s; %s is %s %s", tt[0], tt[1], tt[2], tt[3], tt[4])
		if got != want {
			t.Errorf("conflictText(%q) = %q, want %q", tt, got, want)
		}
	}
}
