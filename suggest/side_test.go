package suggest_test

import (
	"context"
	"testing"

	"medcode/suggest"
)

// TestSide: a header's default child gives way to the sibling holding the
// one side the sentence states; no side, or two, keep the default.
func TestSide(t *testing.T) {
	eng := engine(t)
	tests := []struct {
		name, text, want, edit string
	}{
		{name: "right", text: "Fibroadenoma of the right breast.", want: "D24.1", edit: "D24.1: the side the note states"},
		{name: "bilateral", text: "Dry eye syndrome, bilateral.", want: "H04.123", edit: "H04.123: the side the note states"},
		{name: "no side", text: "Dry eye syndrome.", want: "H04.129"},
		{name: "two sides", text: "Dry eye syndrome, right worse than left.", want: "H04.129"},
		// A side set off by a comma after a negation qualifies the
		// condition: "without TM rupture" does not deny the left ear.
		{name: "after a negation", text: "Acute suppurative otitis media without TM rupture, left ear.", want: "H66.002", edit: "H66.002: the side the note states"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.Suggest(context.Background(), suggest.Request{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			s := find(res, tt.want)
			if s == nil {
				t.Fatalf("%s not suggested; got %v", tt.want, codes(res))
			}
			found := tt.edit == ""
			for _, ed := range s.Edits {
				if len(ed.Message) >= len(tt.edit) && ed.Message[len(ed.Message)-len(tt.edit):] == tt.edit {
					found = true
				}
			}
			if !found {
				t.Errorf("%s edits %+v, want one ending %q", tt.want, s.Edits, tt.edit)
			}
		})
	}
}
