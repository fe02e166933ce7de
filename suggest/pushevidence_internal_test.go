package suggest

import (
	"reflect"
	"testing"

	"medcode/corpus"
	"medcode/nlp"
)

// TestPushEvidenceWritesEveryField holds pushEvidence, which writes a
// span in place, to the literal it replaces: into memory holding a stale
// span it appends what append(out, Evidence{...}) appends, for mentions
// of every assertion, kind and section (one outside the note's), a
// duplicate span appending nothing.
func TestPushEvidenceWritesEveryField(t *testing.T) {
	pipe, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipe.Analyze("HPI: denies chest pain. History of asthma.\nAssessment: mother with diabetes; possible pneumonia.")
	kinds := []corpus.NameKind{corpus.NameTitle, corpus.NameIndex, corpus.NameLearned}
	n := 0
	for a := range 1 << 8 {
		for si, section := range []int{-1, 0, len(doc.Sections) - 1, len(doc.Sections)} {
			m := &mention{start: 5 + a%7, end: 20 + a%11, section: section, assert: nlp.Assertion(a), kind: kinds[(a+si)%len(kinds)], name: "chest pain"}
			want := Evidence{Start: m.start, End: m.end, Text: doc.Text[m.start:m.end], Matched: m.name, MatchedKind: m.kind.String(),
				Assertions: sharedAssertionNames(m.assert), Assertion: assertionStatus(m.assert), Trigger: triggerText(doc, m.start, m.end, statusFlag(m.assert))}
			if section >= 0 && section < len(doc.Sections) {
				want.Section = string(doc.Sections[section].Kind)
			}
			stale := make([]Evidence, 2, 3) // the slot past the end is stale
			fillEvery(reflect.ValueOf(&stale[0]).Elem(), 3)
			stale[2:3][0] = stale[0]
			stale[1] = Evidence{Start: 1, End: 2}
			got := pushEvidence(stale, 1, doc, m)
			if len(got) != 3 || !reflect.DeepEqual(got[2], want) {
				t.Fatalf("assert %08b section %d: pushEvidence appended\n%+v\nwant\n%+v", a, section, got[2:], want)
			}
			if again := pushEvidence(got, 1, doc, m); len(again) != 3 {
				t.Fatalf("assert %08b section %d: a duplicate span appended", a, section)
			}
			full := pushEvidence(got[:3:3], 0, doc, &mention{start: 0, end: 3, section: section}) // grown
			if len(full) != 4 || full[3].Text != doc.Text[0:3] || !reflect.DeepEqual(full[:3], got[:3]) {
				t.Fatalf("assert %08b section %d: grown, pushEvidence gave %+v", a, section, full)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no case")
	}
}
