package eval

import "testing"

func TestNoteOrder(t *testing.T) {
	tests := []struct{ path, want string }{
		{"Diabetes, diabetic, type 2, with, chronic kidney disease", "type 2 diabetes with chronic kidney disease"},
		{"Anemia, deficiency, iron, secondary to blood loss", "iron deficiency anemia secondary to blood loss"},
		{"Pneumonia, lobar", "lobar pneumonia"},
		{"Hypertension", "Hypertension"},
		{"Disorder, mental NEC", "mental disorder"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NoteOrder(tc.path); got != tc.want {
			t.Errorf("NoteOrder(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
